// A logistic regression described by plain values, fitted exactly on a table.
// The classifier cell, cross-validation and sweeps all fit through here.
//
// The decision threshold is not part of the spec: a threshold only turns
// probabilities into labels after the fit (see evaluation.ts), so moving it
// never needs a new fit.
import type { Table } from '../../lib/data/table';
import { fitLogistic, predictProba, type LogisticFit } from '../../lib/ml/logistic';
import type { Label } from '../../lib/ml/labels';
import { featureMatrix, labelTarget } from '../shared/design';

export interface ClassifierSpec {
  target: string;
  features: string[];
  intercept: boolean;
  penalty: 'none' | 'l2' | 'l1';
  alpha: number;
  classWeight: 'none' | 'balanced';
  /** undefined: sigmoid for two classes, softmax for more. */
  multinomial?: boolean;
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

export function fitClassifierSpec(spec: ClassifierSpec, table: Table): LogisticFit {
  const penalty = spec.penalty === 'none' ? {} : spec.penalty === 'l2' ? { l2: spec.alpha } : { l1: spec.alpha };
  return fitLogistic(featureMatrix(table, spec.features), labelsOf(table, spec.target), {
    featureNames: spec.features,
    intercept: spec.intercept,
    classWeight: spec.classWeight === 'balanced' ? 'balanced' : undefined,
    multinomial: spec.multinomial,
    ...penalty,
  });
}

/** A part's true labels and the model's class probabilities (in `fit.model.classes` order). */
export interface PartScores {
  actual: Label[];
  proba: Float64Array[];
}

export function scoreClassifier(fit: LogisticFit, spec: ClassifierSpec, table: Table): PartScores {
  return {
    actual: labelTarget(table, spec.target),
    proba: predictProba(fit.model, featureMatrix(table, spec.features)),
  };
}
