// Seeded synthetic data: a regression target and a binary class from the same
// Gaussian features (used by the benchmark, the browser harness and tests).
import type { Matrix } from './matrix';
import { sigmoid } from './logistic';
import { gaussian } from './random';
import { floatStream } from '../data/random';

export interface SyntheticData {
  X: Matrix;
  /** y = intercept + sum_j beta_j z_j + noise * N(0, 1), with z_j = (x_j - j) / (1 + j) the standardised feature. */
  y: Float64Array;
  /** 0/1 drawn with P(1) = sigmoid(sum_j beta_j z_j / sqrt(features)). */
  labels: Int32Array;
  beta: Float64Array;
  intercept: number;
}

export function syntheticData(rows: number, features: number, seed = 42, noise = 1): SyntheticData {
  const random = floatStream(seed);
  const g = gaussian(random);
  const beta = Float64Array.from({ length: features }, (_, j) => (j % 2 === 0 ? 1 : -1) * (1 + j / features));
  const intercept = 0.5;
  const columns = Array.from({ length: features }, (_, j) => {
    const c = new Float64Array(rows);
    const scale = 1 + j; // unequal scales, as real features have
    for (let i = 0; i < rows; i++) c[i] = scale * g() + j;
    return c;
  });
  const y = new Float64Array(rows);
  const labels = new Int32Array(rows);
  const shrink = 1 / Math.sqrt(features);
  for (let i = 0; i < rows; i++) {
    let eta = 0;
    for (let j = 0; j < features; j++) eta += (beta[j] * (columns[j][i] - j)) / (1 + j);
    y[i] = intercept + eta + noise * g();
    labels[i] = random() < sigmoid(eta * shrink) ? 1 : 0;
  }
  return { X: { rows, cols: features, columns }, y, labels, beta, intercept };
}
