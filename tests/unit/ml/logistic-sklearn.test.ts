// Exact logistic solver against scikit-learn 1.2.1 (C = 1 / (n * lambda)).
import { describe, expect, it } from 'vitest';
import { fitLogistic, predictProba } from '../../../src/lib/ml/logistic';
import { maxElementwiseError, maxRelativeError, readDataset, readFixture, standardiseMatrix } from './datasets';

interface LogisticCase {
  dataset: string;
  target: string;
  features: string[];
  name: string;
  standardised: boolean;
  l1: number;
  l2: number;
  classWeight: 'balanced' | null;
  classes: string[];
  coef: number[][];
  intercept: number[];
  logLoss: number;
  proba: number[][];
}

const { cases } = readFixture<{ cases: LogisticCase[] }>('logistic.json');

// Each case with the Hessian formed; binary cases without L1 also with Newton's step solved by
// conjugate gradients on Hessian-vector products (the default for wide data).
const runs = cases.flatMap((c) => [
  { c, hessian: 'full' as const },
  ...(c.classes.length === 2 && c.l1 === 0 ? [{ c, hessian: 'products' as const }] : []),
]);

describe('logistic regression vs scikit-learn', () => {
  for (const { c, hessian } of runs) {
    const penalised = c.l1 > 0 || c.l2 > 0;
    it(`${c.dataset} ${c.name} (Hessian: ${hessian})`, () => {
      const data = readDataset(c.dataset);
      const raw = data.matrix(c.features);
      const X = c.standardised ? standardiseMatrix(raw) : raw;
      const fit = fitLogistic(X, data.labels(c.target), { l1: c.l1, l2: c.l2, classWeight: c.classWeight ?? undefined, hessian });
      if (hessian === 'products') expect(fit.method).toBe('newton-cg');
      expect(fit.model.classes).toEqual(c.classes);
      expect(fit.converged).toBe(true);
      expect(fit.separable).toBe(false);
      const ours = fit.model.coefficients.flatMap((row, k) => [fit.model.intercept[k], ...row]);
      const theirs = c.coef.flatMap((row, k) => [c.intercept[k], ...row]);
      // 1e-6 relative unpenalised, 1e-5 penalised: each coefficient against itself (exact L1
      // zeros and coefficients below 1e-6 compared absolutely), and against the largest one.
      const tol = penalised ? 1e-5 : 1e-6;
      expect(maxElementwiseError(ours, theirs, 1e-6)).toBeLessThan(tol);
      expect(maxRelativeError(ours, theirs)).toBeLessThan(tol);
      const proba = predictProba(fit.model, X);
      let worst = 0;
      proba.forEach((row, i) => row.forEach((p, k) => (worst = Math.max(worst, Math.abs(p - c.proba[i][k])))));
      expect(worst).toBeLessThan(1e-6);
      if (!c.classWeight) expect(fit.logLoss).toBeCloseTo(c.logLoss, 9);
    });
  }
});
