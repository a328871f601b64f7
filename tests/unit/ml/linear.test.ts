// Behaviour of the exact linear solver beyond the reference comparisons (nist, linear-sklearn).
import { describe, expect, it } from 'vitest';
import { fitLinear, goodnessOfFit, predictLinear, rawResidual, RankDeficiencyError } from '../../../src/lib/ml/linear';
import { elasticNetCD } from '../../../src/lib/ml/lasso';
import { buildBasis, polynomialTerms } from '../../../src/lib/ml/basis';
import { householderQR } from '../../../src/lib/ml/qr';
import { inverseGramDiagonal, inverseGramDiagonalRefined } from '../../../src/lib/ml/least-squares';
import { syntheticData } from '../../../src/lib/ml/synthetic';
import { matrixFromColumns } from '../../../src/lib/ml/matrix';

const x1 = Float64Array.of(1, 2, 3, 4, 5, 6, 7);
const x2 = Float64Array.of(2, 1, 4, 3, 6, 5, 8);
const y = Float64Array.of(3.1, 2.9, 7.2, 6.8, 11.1, 10.9, 15.2);

describe('exact linear regression', () => {
  it('recovers an exact line and predicts from raw inputs', () => {
    const yl = x1.map((v) => 2 + 3 * v);
    const fit = fitLinear(matrixFromColumns([x1]), yl, { featureNames: ['size'] });
    expect(fit.model.intercept).toBeCloseTo(2, 13);
    expect(fit.model.coefficients[0]).toBeCloseTo(3, 13);
    expect(fit.model.terms[0].name).toBe('size');
    expect(fit.summary.r2).toBe(1);
    expect(Array.from(predictLinear(fit.model, matrixFromColumns([[10]])))).toEqual([32]);
    expect(() => predictLinear(fit.model, matrixFromColumns([[1], [2]]))).toThrow(/expects 1 feature/);
  });
  it('names collinear columns instead of returning NaN', () => {
    const x3 = x1.map((v, i) => v - x2[i]);
    try {
      fitLinear(matrixFromColumns([x1, x2, x3]), y, { featureNames: ['a', 'b', 'c'] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RankDeficiencyError);
      const err = e as RankDeficiencyError;
      expect(err.columns).toHaveLength(1);
      expect([...err.columns, ...err.dependsOn[0]].sort()).toEqual(['a', 'b', 'c']);
      expect(err.message).toMatch(/linear combination/);
      expect(err.indices).toHaveLength(1);
      expect(['a', 'b', 'c'][err.indices[0]]).toBe(err.columns[0]);
    }
    // a constant column is collinear with the intercept
    expect(() => fitLinear(matrixFromColumns([x1, new Float64Array(7).fill(4)]), y)).toThrow(/\(Intercept\)/);
    // ridge makes it unique, with a warning and no VIF
    const ridge = fitLinear(matrixFromColumns([x1, x2, x3]), y, { l2: 0.1 });
    expect(ridge.warnings.join()).toMatch(/collinear/);
    expect(ridge.summary.vif).toBeNull();
    expect(ridge.summary.standardErrors).toBeNull();
  });
  it('VIF is 1 / (1 - R^2) of each feature on the others', () => {
    const fit = fitLinear(matrixFromColumns([x1, x2]), y);
    const aux = fitLinear(matrixFromColumns([x2]), x1).summary.r2;
    expect(fit.summary.vif![0]).toBeCloseTo(1 / (1 - aux), 10);
    expect(fit.summary.vif![1]).toBeCloseTo(1 / (1 - aux), 10);
    expect(fitLinear(matrixFromColumns([x1]), y).summary.vif![0]).toBe(1);
  });
  it('the ridge solution satisfies its normal equations', () => {
    const l2 = 0.3;
    const fit = fitLinear(matrixFromColumns([x1, x2]), y, { l2 });
    const n = y.length;
    const b = [fit.model.intercept, ...fit.model.coefficients];
    const r = y.map((v, i) => v - b[0] - b[1] * x1[i] - b[2] * x2[i]);
    // d/db0: sum r = 0; d/db_j: -(1/n) x_j' r + l2 b_j = 0
    expect(r.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 10);
    [x1, x2].forEach((x, j) => expect(-x.reduce((s, v, i) => s + v * r[i], 0) / n + l2 * b[j + 1]).toBeCloseTo(0, 10));
  });
  it('lasso: a large penalty zeroes every coefficient; an orthogonal design soft-thresholds', () => {
    const big = elasticNetCD([x1, x2], y, { l1: 100, l2: 0, intercept: true });
    expect(Array.from(big.coefficients)).toEqual([0, 0]);
    expect(big.intercept).toBeCloseTo(y.reduce((s, v) => s + v, 0) / 7, 12);
    // columns with mean 0 and unit RMS, orthogonal: b_j = S(x_j'y/n, l1)
    const u = Float64Array.of(1, -1, 1, -1);
    const v = Float64Array.of(1, 1, -1, -1);
    const t = Float64Array.of(3, 1, 0.5, -0.5);
    const cd = elasticNetCD([u, v], t, { l1: 0.4, l2: 0, intercept: true });
    expect(cd.coefficients[0]).toBeCloseTo(0.75 - 0.4, 12);
    expect(cd.coefficients[1]).toBeCloseTo(1.0 - 0.4, 12);
    expect(cd.converged).toBe(true);
  });
  it('goodness of fit and residuals', () => {
    const g = goodnessOfFit([1, 2, 3, 4], [0.1, -0.1, 0.1, -0.1], true, 2);
    expect(g.rss).toBeCloseTo(0.04, 14);
    expect(g.r2).toBeCloseTo(1 - 0.04 / 5, 14);
    expect(g.adjustedR2).toBeCloseTo(1 - ((0.04 / 5) * 3) / 2, 14);
    expect(g.residualStd).toBeCloseTo(Math.sqrt(0.02), 14);
    const r = rawResidual({ rows: 2, hi: [Float64Array.of(1, 1), Float64Array.of(1, 2)], lo: [null, null] }, Float64Array.of(3, 5), [1, 2]);
    expect(Array.from(r)).toEqual([0, 0]);
  });
  it('large data uses the float64 covariance formula, which agrees with the refined one', () => {
    const d = syntheticData(25_000, 8, 3); // 25,000 x 9 parameters: above the refined-covariance limit
    const fit = fitLinear(d.X, d.y);
    const basis = buildBasis(d.X, polynomialTerms(fit.model.featureNames, 1), true);
    const qr = householderQR(basis.conditioned.map((c) => c.slice()));
    const cheap = inverseGramDiagonal(qr, basis.toRaw);
    const refined = inverseGramDiagonalRefined(qr, basis.raw, basis.toRaw);
    cheap.forEach((v, j) => expect(Math.abs(v - refined[j]) / refined[j]).toBeLessThan(1e-10));
    const s2 = fit.summary.rss / fit.summary.dfResidual;
    fit.summary.standardErrors!.forEach((se, j) => expect(se).toBeCloseTo(Math.sqrt(s2 * refined[j + 1]), 12));
  });
  it('rejects bad options', () => {
    expect(() => fitLinear(matrixFromColumns([x1]), y, { l2: -1 })).toThrow(/L2 strength \(l2\) must be a finite number ≥ 0, got -1/);
    expect(() => fitLinear(matrixFromColumns([[1]]), Float64Array.of(1))).toThrow(/at least 2 rows/);
  });
});
