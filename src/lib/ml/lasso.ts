// Elastic net by cyclic coordinate descent (Friedman, Hastie & Tibshirani 2010),
// minimising   (1/(2n)) ||y - b0 - Z b||^2 + l1 ||b||_1 + (l2/2) ||b||^2
// (scikit-learn's Lasso/ElasticNet convention: Lasso(alpha) is l1 = alpha, l2 = 0).
// The columns are centred (when there is an intercept) and scaled to unit RMS first,
// so the penalty on raw coefficient b_j = a_j / s_j becomes l1 |a_j| / s_j.
import { columnScaling, mean } from './stats';

export interface CoordinateDescentOptions {
  l1: number;
  l2: number;
  intercept: boolean;
  /** Stop when the largest coefficient change (in standardised units) is below tolerance * max |a|. */
  tolerance?: number;
  maxSweeps?: number;
  /** Per-column multipliers of l1 and l2 (default 1): the linear solver's rescaling (rescale.ts) needs them. */
  l1Weights?: ArrayLike<number>;
  l2Weights?: ArrayLike<number>;
}

export interface CoordinateDescentResult {
  intercept: number;
  coefficients: Float64Array;
  sweeps: number;
  converged: boolean;
}

function softThreshold(x: number, t: number): number {
  return x > t ? x - t : x < -t ? x + t : 0;
}

export function elasticNetCD(Z: Float64Array[], y: Float64Array, options: CoordinateDescentOptions): CoordinateDescentResult {
  const n = y.length;
  const p = Z.length;
  const tol = options.tolerance ?? 1e-13;
  const maxSweeps = options.maxSweeps ?? 100_000;
  const { mean: mu, scale } = columnScaling(Z, options.intercept);
  const cols = Z.map((z, j) => {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = (z[i] - mu[j]) / scale[j];
    return c;
  });
  const ybar = options.intercept ? mean(y) : 0;
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = y[i] - ybar;
  const v = cols.map((c) => {
    let s = 0;
    for (const x of c) s += x * x;
    return s / n;
  });
  const a = new Float64Array(p);
  let sweeps = 0;
  let converged = false;
  while (sweeps < maxSweeps) {
    sweeps++;
    let maxDelta = 0;
    let maxA = 0;
    for (let j = 0; j < p; j++) {
      const c = cols[j];
      if (v[j] === 0) continue;
      let rho = 0;
      for (let i = 0; i < n; i++) rho += c[i] * r[i];
      rho = rho / n + a[j] * v[j];
      const l1j = options.l1Weights ? options.l1 * options.l1Weights[j] : options.l1;
      const l2j = options.l2Weights ? options.l2 * options.l2Weights[j] : options.l2;
      const next = softThreshold(rho, l1j / scale[j]) / (v[j] + l2j / (scale[j] * scale[j]));
      const delta = next - a[j];
      if (delta !== 0) {
        for (let i = 0; i < n; i++) r[i] -= delta * c[i];
        a[j] = next;
      }
      maxDelta = Math.max(maxDelta, Math.abs(delta) * Math.sqrt(v[j]));
      maxA = Math.max(maxA, Math.abs(next) * Math.sqrt(v[j]));
    }
    if (maxDelta <= tol * Math.max(maxA, 1e-300) || maxA === 0) {
      converged = true;
      break;
    }
  }
  const coefficients = new Float64Array(p);
  let b0 = ybar;
  for (let j = 0; j < p; j++) {
    coefficients[j] = a[j] / scale[j];
    b0 -= coefficients[j] * mu[j];
  }
  return { intercept: options.intercept ? b0 : 0, coefficients, sweeps, converged };
}
