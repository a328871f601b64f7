// Linear regression by gradient descent on TensorFlow.js (float32).
// Minimises (1/2) MSE + penalties, the same objective as the exact solver, on
// standardised features; reports MSE per epoch; returns a plain LinearModel in raw units.
import * as tf from '@tensorflow/tfjs';
import { polynomialTerms, type Term } from '../basis';
import { defaultFeatureNames, type LinearModel } from '../linear';
import { checkFeatures, checkTarget } from '../checks';
import { matrixFromColumns, type Matrix } from '../matrix';
import { checkGdOptions } from './check-options';
import { mean } from '../stats';
import { splitData, standardiseFeatures } from './data';
import { train, type GdOptions, type TrainingSummary } from './trainer';

export interface LinearGdOptions extends GdOptions {
  featureNames?: string[];
  intercept?: boolean;
  degree?: number;
  /** Explicit validation data (otherwise validationFraction, or none). */
  validation?: { X: Matrix; y: Float64Array };
}

export interface LinearGdFit extends TrainingSummary {
  model: LinearModel;
  solver: 'gradient-descent';
  /** The standardisation kept with the model: term means and scales from the training rows. */
  standardization: { mean: Float64Array; scale: Float64Array };
}

/** Columns of the polynomial terms (x, x^2, ...) in float64. */
export function expandTerms(X: Matrix, terms: Term[]): Matrix {
  return matrixFromColumns(terms.map((t) => (t.power === 1 ? X.columns[t.feature] : X.columns[t.feature].map((v) => v ** t.power))));
}

const squaredError = (z: tf.Tensor2D, t: tf.Tensor2D) => tf.sum(tf.square(tf.sub(z, t)), 1) as tf.Tensor1D;

export async function fitLinearGD(X: Matrix, y: Float64Array, options: LinearGdOptions = {}): Promise<LinearGdFit> {
  const featureNames = options.featureNames ?? defaultFeatureNames(X.cols);
  checkFeatures('Linear regression', X, y.length, featureNames);
  checkTarget('Linear regression', y);
  if (options.validation) {
    checkFeatures('Linear regression (validation rows)', options.validation.X, options.validation.y.length, featureNames);
    checkTarget('Linear regression (validation rows)', options.validation.y);
  }
  checkGdOptions(options);
  const intercept = options.intercept ?? true;
  const terms = polynomialTerms(featureNames, options.degree ?? 1);
  const data = splitData(
    expandTerms(X, terms),
    y,
    options.validation ? { X: expandTerms(options.validation.X, terms), y: options.validation.y } : undefined,
    options.validationFraction,
    options.seed ?? 1,
  );
  const { train: tr, validation: va } = data;
  const std = standardiseFeatures(tr.X, va?.X ?? null, intercept);
  const result = await train(
    {
      features: tr.X.cols,
      outputs: 1,
      train: { X: std.train, T: Float32Array.from(tr.y), w: null, rows: tr.X.rows },
      validation: va ? { X: std.validation!, T: Float32Array.from(va.y), w: null, rows: va.X.rows } : null,
      inverseScale: Float32Array.from(std.scale, (s) => 1 / s),
      initialBias: Float32Array.of(intercept ? mean(tr.y) : 0),
      fitIntercept: intercept,
      objectiveLoss: (z, t) => tf.mul(0.5, tf.mean(squaredError(z, t))) as tf.Scalar,
      reportedLoss: (z, t) => tf.mean(squaredError(z, t)) as tf.Scalar,
    },
    options,
  );
  const coefficients = Float64Array.from(result.W, (w, j) => w / std.scale[j]);
  let b0 = intercept ? result.b[0] : 0;
  coefficients.forEach((c, j) => (b0 -= c * std.mean[j]));
  const { W: _w, b: _b, ...summary } = result;
  return {
    ...summary,
    model: { kind: 'linear', featureNames, terms, fitIntercept: intercept, intercept: b0, coefficients },
    solver: 'gradient-descent',
    standardization: { mean: std.mean, scale: std.scale },
  };
}
