// Logistic regression by gradient descent on TensorFlow.js (float32): binary (sigmoid)
// or multinomial (softmax, one weight column per class), class weights, L1/L2.
// Minimises the same objective as the exact Newton solver; reports mean log loss per epoch.
import * as tf from '@tensorflow/tfjs';
import { encodeLabels, uniqueLabels, type Label } from '../labels';
import { defaultFeatureNames } from '../linear';
import { centreAcrossClasses, rowWeights, toRawModel, type ClassWeight, type LogisticModel } from '../logistic';
import { checkClassWeights, checkFeatures, checkNumber } from '../checks';
import type { Matrix } from '../matrix';
import { checkGdOptions } from './check-options';
import { splitData, standardiseFeatures } from './data';
import { train, weightedMean, type GdOptions, type TrainingSummary } from './trainer';

export interface LogisticGdOptions extends GdOptions {
  featureNames?: string[];
  intercept?: boolean;
  classWeight?: ClassWeight;
  threshold?: number;
  multinomial?: boolean;
  classes?: Label[];
  validation?: { X: Matrix; labels: ArrayLike<Label> };
}

export interface LogisticGdFit extends TrainingSummary {
  model: LogisticModel;
  solver: 'gradient-descent';
  standardization: { mean: Float64Array; scale: Float64Array };
}

/** Per-row cross-entropy from scores z (n x B) and targets t (0/1, or one-hot). */
export function crossEntropy(z: tf.Tensor2D, t: tf.Tensor2D, multinomial: boolean): tf.Tensor1D {
  if (!multinomial) return tf.reshape(tf.sub(tf.softplus(z), tf.mul(t, z)), [-1]) as tf.Tensor1D;
  return tf.sub(tf.logSumExp(z, 1), tf.sum(tf.mul(t, z), 1)) as tf.Tensor1D;
}

function targets(codes: Int32Array, blocks: number, multinomial: boolean): Float32Array {
  if (!multinomial) return Float32Array.from(codes);
  const out = new Float32Array(codes.length * blocks);
  codes.forEach((c, i) => (out[i * blocks + c] = 1));
  return out;
}

export async function fitLogisticGD(X: Matrix, labels: ArrayLike<Label>, options: LogisticGdOptions = {}): Promise<LogisticGdFit> {
  const featureNames = options.featureNames ?? defaultFeatureNames(X.cols);
  checkFeatures('Logistic regression', X, labels.length, featureNames);
  if (options.validation) checkFeatures('Logistic regression (validation rows)', options.validation.X, options.validation.labels.length, featureNames);
  checkGdOptions(options);
  checkClassWeights(options.classWeight);
  const threshold = checkNumber('The decision threshold', options.threshold, 0.5, { min: 0, max: 1 });
  const classes = options.classes ?? uniqueLabels(labels);
  if (classes.length < 2) throw new Error(`Logistic regression needs at least two classes; found ${classes.length}.`);
  const multinomial = options.multinomial ?? classes.length > 2;
  const blocks = multinomial ? classes.length : 1;
  const intercept = options.intercept ?? true;
  const codes = encodeLabels(labels, classes).codes;
  const data = splitData(
    X,
    codes,
    options.validation ? { X: options.validation.X, y: encodeLabels(options.validation.labels, classes).codes } : undefined,
    options.validationFraction,
    options.seed ?? 1,
  );
  const { train: tr, validation: va } = data;
  const std = standardiseFeatures(tr.X, va?.X ?? null, intercept);
  const weights = rowWeights(tr.y, classes, options.classWeight);
  const weighted = weights.some((w) => w !== 1);
  const result = await train(
    {
      features: X.cols,
      outputs: blocks,
      train: { X: std.train, T: targets(tr.y, blocks, multinomial), w: weighted ? Float32Array.from(weights) : null, rows: tr.X.rows },
      validation: va ? { X: std.validation!, T: targets(va.y, blocks, multinomial), w: null, rows: va.X.rows } : null,
      inverseScale: Float32Array.from(std.scale, (s) => 1 / s),
      initialBias: new Float32Array(blocks),
      fitIntercept: intercept,
      objectiveLoss: (z, t, w) => weightedMean(crossEntropy(z, t, multinomial), w),
      reportedLoss: (z, t) => tf.mean(crossEntropy(z, t, multinomial)) as tf.Scalar,
    },
    options,
  );
  // W is p x B (row-major); lay the parameters out as the exact solver does: per class, [b, w...].
  const off = intercept ? 1 : 0;
  const d = X.cols + off;
  const theta = new Float64Array(blocks * d);
  for (let k = 0; k < blocks; k++) {
    if (intercept) theta[k * d] = result.b[k];
    for (let j = 0; j < X.cols; j++) theta[k * d + off + j] = result.W[j * blocks + k];
  }
  const penalised = (options.l1 ?? 0) > 0 || (options.l2 ?? 0) > 0;
  if (multinomial) centreAcrossClasses(theta, blocks, d, intercept, !penalised);
  const model = toRawModel(theta, std.mean, std.scale, { featureNames, classes, multinomial, intercept, threshold }, blocks, d);
  const { W: _w, b: _b, ...summary } = result;
  return { ...summary, model, solver: 'gradient-descent', standardization: { mean: std.mean, scale: std.scale } };
}
