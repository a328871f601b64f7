// A logistic regression described by plain values, fitted on a table exactly
// (Newton/IRLS in float64) or by gradient descent (TensorFlow.js). The
// classifier cell, cross-validation and sweeps all fit through here.
//
// The decision threshold is not part of the spec: a threshold only turns
// probabilities into labels after the fit (see evaluation.ts), so moving it
// never needs a new fit.
import type { Table } from '../../lib/data/table';
import { fitLogistic, predictProbaByClass, type LogisticFit } from '../../lib/ml/logistic';
import type { Label } from '../../lib/ml/labels';
import type { LogisticGdFit } from '../../lib/ml/gd/logistic-gd';
import type { GdOptions } from '../../lib/ml/gd/trainer';
import { featureMatrix, labelTarget } from '../shared/design';
import { penaltyOf } from '../shared/penalty';
import type { Matrix } from '../../lib/ml/matrix';
import { polynomialFeatureCount, polynomialFeatureNames, polynomialFeatures } from '../../lib/ml/polynomial-features';
import { takeRows } from '../../lib/data/table';
import { classCounts, resampleRows, type ResampleMode } from '../../lib/validation/resample';

export interface ClassifierSpec {
  target: string;
  features: string[];
  intercept: boolean;
  penalty: 'none' | 'l2' | 'l1';
  alpha: number;
  classWeight: 'none' | 'balanced';
  /** undefined: sigmoid for two classes, softmax for more. */
  multinomial?: boolean;
  /** Random over/under-sampling of the rows the model is fitted on (never of the rows it is judged on). */
  resample?: ResampleMode;
  seed?: number;
  /** Polynomial and interaction terms of the features up to this total degree (1 or left out: the features as they are). */
  degree?: number;
}

/** Polynomial terms beyond this make a fit slow and meaningless on a notebook's data. */
const MAX_TERMS = 120;

/** The columns the model sees: the features, expanded to polynomial terms when the spec has a degree above 1. */
export function designOf(spec: ClassifierSpec, X: Matrix): { X: Matrix; names: string[] } {
  const degree = spec.degree ?? 1;
  const terms = polynomialFeatureCount(spec.features.length, degree);
  if (terms > MAX_TERMS) {
    throw new Error(
      `Degree ${degree} on ${spec.features.length} features makes ${terms} terms; the classifier takes at most ${MAX_TERMS}. Lower the degree or use fewer features.`,
    );
  }
  return polynomialFeatures(X, spec.features, degree);
}

function modelMatrix(spec: ClassifierSpec, table: Table): Matrix {
  return designOf(spec, featureMatrix(table, spec.features)).X;
}

/** More distinct labels than this is almost surely a numeric target meant for regression. */
export const MAX_CLASSES = 20;

export function labelsOf(table: Table, target: string): Label[] {
  const labels = labelTarget(table, target);
  const distinct = new Set(labels).size;
  if (distinct > MAX_CLASSES) {
    throw new Error(
      `The target '${target}' has ${distinct} distinct values; a classifier needs a label with a few classes (at most ${MAX_CLASSES}). ` +
        'For a numeric quantity, use a regression cell.',
    );
  }
  return labels;
}

function modelOptions(spec: ClassifierSpec) {
  return {
    featureNames: polynomialFeatureNames(spec.features, spec.degree ?? 1),
    intercept: spec.intercept,
    classWeight: spec.classWeight === 'balanced' ? ('balanced' as const) : undefined,
    multinomial: spec.multinomial,
    ...penaltyOf(spec),
  };
}

/** The rows a model is fitted on: the training table, resampled when the spec says so. */
export function fittedRows(spec: ClassifierSpec, table: Table): Table {
  if (!spec.resample || spec.resample === 'none') return table;
  return takeRows(table, resampleRows(labelsOf(table, spec.target), spec.resample, spec.seed ?? 0));
}

/** Rows per class the model is fitted on, after resampling (for the cell to say what resampling did). */
export function fittedClassCounts(spec: ClassifierSpec, table: Table): { label: Label; count: number }[] {
  const labels = labelsOf(table, spec.target);
  return classCounts(labels, resampleRows(labels, spec.resample ?? 'none', spec.seed ?? 0));
}

export function fitClassifierSpec(spec: ClassifierSpec, training: Table): LogisticFit {
  const table = fittedRows(spec, training);
  return fitLogistic(modelMatrix(spec, table), labelsOf(table, spec.target), modelOptions(spec));
}

/**
 * Gradient descent on TensorFlow.js for the same model (same classes as the exact fit), validated on
 * `validation` when given. The trainer (and with it tfjs) is imported on first use.
 */
export async function fitClassifierSpecGD(
  spec: ClassifierSpec,
  table: Table,
  classes: Label[],
  training: GdOptions,
  validation?: Table,
): Promise<LogisticGdFit> {
  const { fitLogisticGD } = await import('../../lib/ml/gd/logistic-gd');
  const rows = fittedRows(spec, table);
  return fitLogisticGD(modelMatrix(spec, rows), labelsOf(rows, spec.target), {
    ...modelOptions(spec),
    classes,
    validation: validation && { X: modelMatrix(spec, validation), labels: labelTarget(validation, spec.target) },
    ...training,
  });
}

/**
 * A part's true labels and the model's class probabilities, one column per class
 * (in `fit.model.classes` order): byClass[k][i] is P(class k) on row i.
 */
export interface PartScores {
  actual: Label[];
  byClass: Float64Array[];
  /** The true labels as codes into the model's classes, when the engine has made them already (classifier.describe). */
  codes?: Float64Array;
}

export function scoreClassifier(fit: Pick<LogisticFit, 'model'>, spec: ClassifierSpec, table: Table): PartScores {
  return {
    actual: labelTarget(table, spec.target),
    byClass: predictProbaByClass(fit.model, modelMatrix(spec, table)),
  };
}
