// The binary logistic passes (logistic-kernels.ts) against their definitions, written out row by
// row here: four rows at a time (and a remainder of one to three) must give the same sums.
import { describe, expect, it } from 'vitest';
import { hessianTimes, lossAndGradient } from '../../../src/lib/ml/logistic-kernels';
import { floatStream } from '../../../src/lib/data/random';
import { gaussian } from '../../../src/lib/ml/random';

function problem(n: number, d: number, seed: number) {
  const g = gaussian(floatStream(seed));
  const rows = Float64Array.from({ length: n * d }, g);
  const theta = Float64Array.from({ length: d }, () => 0.3 * g());
  const codes = Int32Array.from({ length: n }, () => (g() > 0 ? 1 : 0));
  const weights = Float64Array.from({ length: n }, () => 0.5 + Math.abs(g()));
  return { rows, theta, codes, weights };
}

const close = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  for (let j = 0; j < b.length; j++) expect(Math.abs(a[j] - b[j])).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(b[j])));
};

describe('logistic kernels', () => {
  // 4k, 4k + 1, 4k + 2, 4k + 3 rows: every remainder of the four-row loop
  for (const n of [40, 41, 42, 43]) {
    it(`loss, gradient and the fused Hessian diagonal match the row-by-row formulas (${n} rows)`, () => {
      const d = 7;
      const { rows, theta, codes, weights } = problem(n, d, n);
      const eta = new Float64Array(n);
      const prob = new Float64Array(n);
      const grad = new Float64Array(d);
      const diag = new Float64Array(d).fill(99); // must be overwritten, not added to
      const loss = lossAndGradient(rows, n, d, theta, codes, weights, eta, prob, grad, diag);
      let refLoss = 0;
      const refGrad = new Float64Array(d);
      const refDiag = new Float64Array(d);
      for (let i = 0; i < n; i++) {
        let z = 0;
        for (let j = 0; j < d; j++) z += rows[i * d + j] * theta[j];
        const p = 1 / (1 + Math.exp(-z));
        refLoss -= weights[i] * (codes[i] ? Math.log(p) : Math.log(1 - p));
        for (let j = 0; j < d; j++) {
          const x = rows[i * d + j];
          refGrad[j] += (weights[i] * (p - codes[i]) * x) / n;
          refDiag[j] += (weights[i] * p * (1 - p) * x * x) / n;
        }
      }
      expect(Math.abs(loss - refLoss / n)).toBeLessThan(1e-13);
      close(grad, refGrad);
      close(diag, refDiag);
      // without diag, the gradient is the same
      const again = new Float64Array(d);
      lossAndGradient(rows, n, d, theta, codes, weights, eta, prob, again);
      close(again, refGrad);
    });

    it(`Hessian-vector product matches X' diag(c) X v (${n} rows)`, () => {
      const d = 6;
      const { rows, theta: v, weights: c } = problem(n, d, 100 + n);
      const out = hessianTimes(rows, n, d, c, v, new Float64Array(d).fill(5));
      const ref = new Float64Array(d);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += rows[i * d + j] * v[j];
        for (let j = 0; j < d; j++) ref[j] += c[i] * s * rows[i * d + j];
      }
      close(out, ref);
    });
  }
});
