// Predictions of a fitted logistic model: linear scores, class probabilities
// (one row per sample, or one column per class for large tables: a million
// rows are then k arrays, not a million small ones) and labels.
import type { Label } from './labels';
import type { LogisticModel } from './logistic';
import type { Matrix } from './matrix';
import { sigmoid } from './logistic-problem';

/** Linear scores per row: [logit of classes[1]] for binary models, one score per class for multinomial. */
export function decisionFunction(model: LogisticModel, X: Matrix): Float64Array[] {
  if (X.cols !== model.featureNames.length) {
    throw new Error(`The model expects ${model.featureNames.length} features (${model.featureNames.join(', ')}); got ${X.cols}.`);
  }
  const B = model.coefficients.length;
  const out: Float64Array[] = [];
  for (let i = 0; i < X.rows; i++) {
    const row = new Float64Array(B);
    for (let b = 0; b < B; b++) {
      let s = model.intercept[b];
      const w = model.coefficients[b];
      for (let j = 0; j < X.cols; j++) s += w[j] * X.columns[j][i];
      row[b] = s;
    }
    out.push(row);
  }
  return out;
}

/** Class probabilities per row, in model.classes order. */
export function predictProba(model: LogisticModel, X: Matrix): Float64Array[] {
  return decisionFunction(model, X).map((z) => {
    if (!model.multinomial) {
      const p1 = sigmoid(z[0]);
      return Float64Array.of(1 - p1, p1);
    }
    const max = Math.max(...z);
    const e = z.map((v) => Math.exp(v - max));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  });
}

/** Predicted labels: threshold on P(classes[1]) for binary models, most probable class otherwise. */
export function predictClasses(model: LogisticModel, X: Matrix, threshold = model.threshold): Label[] {
  return predictProba(model, X).map((p) => {
    if (!model.multinomial) return model.classes[p[1] >= threshold ? 1 : 0];
    let best = 0;
    for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
    return model.classes[best];
  });
}

/**
 * Class probabilities one column per class (model.classes order): byClass[k][i] is
 * P(class k | row i), the same numbers as predictProba's rows.
 */
export function predictProbaByClass(model: LogisticModel, X: Matrix): Float64Array[] {
  if (X.cols !== model.featureNames.length) {
    throw new Error(`The model expects ${model.featureNames.length} features (${model.featureNames.join(', ')}); got ${X.cols}.`);
  }
  const rows = X.rows;
  // Linear scores, one column per coefficient row, accumulated column by column of X.
  const scores = model.coefficients.map((w, b) => {
    const z = new Float64Array(rows).fill(model.intercept[b]);
    for (let j = 0; j < X.cols; j++) {
      const x = X.columns[j];
      const wj = w[j];
      for (let i = 0; i < rows; i++) z[i] += wj * x[i];
    }
    return z;
  });
  if (!model.multinomial) {
    const p1 = scores[0];
    const p0 = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      p1[i] = sigmoid(p1[i]);
      p0[i] = 1 - p1[i];
    }
    return [p0, p1];
  }
  // Softmax per row, shifted by the row's largest score.
  for (let i = 0; i < rows; i++) {
    let max = -Infinity;
    for (const z of scores) if (z[i] > max) max = z[i];
    let sum = 0;
    for (const z of scores) sum += z[i] = Math.exp(z[i] - max);
    for (const z of scores) z[i] /= sum;
  }
  return scores;
}
