// Exact linear solver against scikit-learn 1.2.1 and numpy (fixtures from scripts/make-sklearn-fixtures.py).
import { describe, expect, it } from 'vitest';
import { fitLinear, predictLinear } from '../../../src/lib/ml/linear';
import { regressionMetrics } from '../../../src/lib/ml/metrics';
import { maxElementwiseError, readDataset, readFixture } from './datasets';

interface LinearCase {
  dataset: string;
  target: string;
  features: string[];
  name: string;
  degree: number;
  intercept: boolean;
  l1: number;
  l2: number;
  coef: number[];
  interceptValue: number;
  metrics: { mse: number; mae: number; r2: number };
  summary?: { se: number[]; t: number[]; vif: number[]; r2: number; adjustedR2: number; residualStd: number; rss: number };
}

const { cases } = readFixture<{ cases: LinearCase[] }>('linear.json');

describe('linear regression vs scikit-learn', () => {
  for (const c of cases) {
    it(`${c.dataset} ${c.name}`, () => {
      const data = readDataset(c.dataset);
      const X = data.matrix(c.features);
      const y = data.column(c.target);
      const fit = fitLinear(X, y, { featureNames: c.features, degree: c.degree, intercept: c.intercept, l1: c.l1, l2: c.l2 });
      const ours = [fit.model.intercept, ...fit.model.coefficients];
      const theirs = [c.interceptValue, ...c.coef];
      // lasso zeros are exact in both; elsewhere 1e-8 relative to each coefficient
      expect(maxElementwiseError(ours, theirs, 1e-6)).toBeLessThan(1e-8);
      const m = regressionMetrics(y, predictLinear(fit.model, X));
      expect(m.mse).toBeCloseTo(c.metrics.mse, 8);
      expect(Math.abs(m.r2 - c.metrics.r2)).toBeLessThan(1e-10);
      expect(Math.abs(m.mae - c.metrics.mae) / c.metrics.mae).toBeLessThan(1e-9);
      if (c.summary) {
        const s = fit.summary;
        const se = [...(c.intercept ? [s.interceptStandardError!] : []), ...s.standardErrors!];
        const t = [...(c.intercept ? [s.interceptT!] : []), ...s.tValues!];
        expect(maxElementwiseError(se, c.summary.se)).toBeLessThan(1e-8);
        expect(maxElementwiseError(t, c.summary.t)).toBeLessThan(1e-8);
        expect(maxElementwiseError(s.vif!, c.summary.vif)).toBeLessThan(1e-8);
        expect(s.r2).toBeCloseTo(c.summary.r2, 12);
        expect(s.adjustedR2).toBeCloseTo(c.summary.adjustedR2, 12);
        expect(Math.abs(s.residualStd - c.summary.residualStd) / c.summary.residualStd).toBeLessThan(1e-10);
      }
    });
  }
});
