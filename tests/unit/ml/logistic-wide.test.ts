// Wide binary data (>= WIDE_PARAMETERS parameters): Newton's step by conjugate gradients, and the
// fallback to the formed Hessian when conjugate gradients would cost more. Checked by optimality,
// computed here independently of the solver: at the optimum of the unpenalised mean log loss the
// gradient (1/n) sum_i (p_i - y_i) [1, x_i] is zero.
import { describe, expect, it } from 'vitest';
import { fitLogistic, WIDE_PARAMETERS, type LogisticModel } from '../../../src/lib/ml/logistic';
import type { Matrix } from '../../../src/lib/ml/matrix';
import { floatStream } from '../../../src/lib/data/random';
import { gaussian } from '../../../src/lib/ml/random';
import { syntheticData } from '../../../src/lib/ml/synthetic';

/**
 * Largest |gradient| of the mean log loss with respect to the coefficients of the standardised
 * features (x - mean) / sd and the intercept: scale-free, and what the solver's tolerance is on.
 */
function largestGradient(model: LogisticModel, X: Matrix, y: Int32Array): number {
  const n = X.rows;
  const w = model.coefficients[0];
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = model.intercept[0];
    for (let j = 0; j < X.cols; j++) z += w[j] * X.columns[j][i];
    r[i] = 1 / (1 + Math.exp(-z)) - y[i];
  }
  let worst = Math.abs(r.reduce((a, v) => a + v, 0) / n);
  for (const c of X.columns) {
    let m = 0;
    for (const v of c) m += v / n;
    let ss = 0;
    for (const v of c) ss += (v - m) * (v - m);
    const sd = Math.sqrt(ss / n);
    let g = 0;
    for (let i = 0; i < n; i++) g += (r[i] * (c[i] - m)) / sd;
    worst = Math.max(worst, Math.abs(g / n));
  }
  return worst;
}

/** n rows, p features: independent (walk = false) or cumulative sums of independent draws (strongly correlated). */
function data(n: number, p: number, walk: boolean, seed: number): { X: Matrix; y: Int32Array } {
  const random = floatStream(seed);
  const g = gaussian(random);
  const columns = Array.from({ length: p }, () => new Float64Array(n));
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let acc = 0;
    let eta = 0;
    for (let j = 0; j < p; j++) {
      const v = g();
      acc = walk ? acc + v : v;
      columns[j][i] = (1 + j) * acc + j;
      eta += ((j % 2 ? -1 : 1) * v) / Math.sqrt(p);
    }
    y[i] = random() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return { X: { rows: n, cols: p, columns }, y };
}

describe('wide logistic regression', () => {
  it('uses Newton-CG from WIDE_PARAMETERS parameters on and reaches the optimum', () => {
    const { X, y } = data(3000, WIDE_PARAMETERS + 12, false, 7);
    const fit = fitLogistic(X, Array.from(y));
    expect(fit.method).toBe('newton-cg');
    expect(fit.converged).toBe(true);
    expect(largestGradient(fit.model, X, y)).toBeLessThan(1e-9);
  });

  it("ends with a gradient far below the tolerance: Newton-CG's finishing step is solved to tol / 1e4", () => {
    // The forcing term lets early conjugate-gradient solves stop at a residual of sqrt(max |g|);
    // the last step must still land the gradient about as low as exact Newton steps do (1e-10
    // is the convergence test; a last step solved only to the tolerance leaves 7e-12 here, the
    // finishing step 1e-12).
    const { X, labels } = syntheticData(20_000, 100, 3);
    const fit = fitLogistic(X, Array.from(labels));
    expect(fit.method).toBe('newton-cg');
    expect(fit.converged).toBe(true);
    expect(largestGradient(fit.model, X, labels)).toBeLessThan(2.5e-12);
  });

  it('falls back to the formed Hessian when conjugate gradients stall, and still reaches the optimum', () => {
    const { X, y } = data(3000, WIDE_PARAMETERS + 12, true, 8);
    const fit = fitLogistic(X, Array.from(y));
    expect(fit.method).toBe('newton');
    expect(fit.converged).toBe(true);
    expect(largestGradient(fit.model, X, y)).toBeLessThan(1e-9);
  });

  it('fewer parameters keep the formed Hessian', () => {
    const { X, y } = data(2000, 5, false, 9);
    expect(fitLogistic(X, Array.from(y)).method).toBe('newton');
  });
});
