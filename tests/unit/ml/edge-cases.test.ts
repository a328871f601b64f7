// The engine's edge-case battery (issue 7): NaN and ±Infinity in features, targets, weights and
// every option; features and targets at 1e±150 and 1e±200; constant and tied cases; fewer rows
// than parameters with a penalty. Each case ends in a correct result (checked against a
// hand-derived formula or scikit-learn) or in an error that names the column or the option,
// within a bounded time: calls that once looped forever run in a worker thread that is
// terminated at a deadline.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { fitLinear, RankDeficiencyError } from '../../../src/lib/ml/linear';
import { fitLogistic } from '../../../src/lib/ml/logistic';
import { fitLinearGD } from '../../../src/lib/ml/gd/linear-gd';
import { fitLogisticGD } from '../../../src/lib/ml/gd/logistic-gd';
import { matrixFromColumns } from '../../../src/lib/ml/matrix';
import { r2Score } from '../../../src/lib/ml/metrics';
import { boundedCases } from './bounded-cases';
import { maxElementwiseError, readDataset, readFixture } from './datasets';

const DEADLINE_MS = 5_000;
const CASE = { timeout: DEADLINE_MS + 5_000 };

const u = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8);
const y = Float64Array.of(1.1, 1.9, 3.2, 3.8, 5.1, 6.2, 6.8, 8.1);
const withAt = (v: Float64Array, i: number, value: number) => v.map((w, k) => (k === i ? value : w));

/** Hand-derived simple regression: slope Sxy / (Sxx + n l2), intercept ybar - slope xbar. */
function simpleRegression(x: ArrayLike<number>, t: ArrayLike<number>, nl2 = 0) {
  const n = x.length;
  let xbar = 0;
  let ybar = 0;
  for (let i = 0; i < n; i++) {
    xbar += x[i] / n;
    ybar += t[i] / n;
  }
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - xbar) ** 2;
    sxy += (x[i] - xbar) * (t[i] - ybar);
  }
  const slope = sxy / (sxx + nl2);
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (t[i] - ybar - slope * (x[i] - xbar)) ** 2;
  return { slope, intercept: ybar - slope * xbar, se: Math.sqrt(rss / (n - 2) / sxx) };
}

function runBounded(name: string): Promise<{ threw: boolean; message: string }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./bounded-worker.mjs', import.meta.url), { workerData: { name } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`'${name}' did not return within ${DEADLINE_MS} ms`));
    }, DEADLINE_MS);
    worker.once('message', (m: { threw: boolean; message: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

describe('calls that once never returned end, within a deadline, in an error naming the option', () => {
  const expected: Record<keyof typeof boundedCases, RegExp> = {
    'logistic l2 = NaN': /The L2 strength \(l2\) must be a finite number ≥ 0, got NaN/,
    'logistic l2 = Infinity': /The L2 strength \(l2\) must be a finite number ≥ 0, got Infinity/,
    'logistic l1 = NaN': /The L1 strength \(l1\) must be a finite number ≥ 0, got NaN/,
    'logistic l1 = -1': /The L1 strength \(l1\) must be a finite number ≥ 0, got -1/,
    'logistic sample weight NaN': /Sample weights must be finite numbers ≥ 0; row 4 has NaN/,
    'logistic sample weight Infinity': /Sample weights must be finite numbers ≥ 0; row 4 has Infinity/,
    'logistic sample weight negative': /Sample weights must be finite numbers ≥ 0; row 4 has -2/,
    'logistic class weight NaN': /weight of class '1' must be a finite number ≥ 0, got NaN/,
    'logistic class weight negative': /weight of class '0' must be a finite number ≥ 0, got -1/,
    'logistic threshold NaN': /decision threshold must be a finite number ≥ 0 and ≤ 1, got NaN/,
    'logistic maxIterations NaN': /maxIterations must be a whole number ≥ 1/,
    'logistic tolerance NaN': /tolerance must be a finite number ≥ 0, got NaN/,
    'logistic feature NaN': /column 'age' holds a missing value \(NaN\) at row 5/,
    'logistic feature around 1e305': /column 'age' holds values around 1e30[56].*rescale/,
    'linear l1 = NaN': /The L1 strength \(l1\) must be a finite number ≥ 0, got NaN/,
    'linear maxSweeps NaN (lasso)': /maxSweeps must be a whole number ≥ 1/,
  };
  for (const name of Object.keys(boundedCases)) {
    it(name, CASE, async () => {
      const outcome = await runBounded(name);
      expect(outcome.threw).toBe(true);
      expect(outcome.message).toMatch(expected[name]);
    });
  }
});

describe('linear regression: non-finite inputs and options are refused by name', () => {
  const X = () => matrixFromColumns([u]);
  it.each([
    ['NaN in a feature', () => fitLinear(matrixFromColumns([withAt(u, 2, NaN)]), y, { featureNames: ['rooms'] }), /column 'rooms' holds a missing value \(NaN\) at row 3/],
    ['Infinity in a feature', () => fitLinear(matrixFromColumns([withAt(u, 0, Infinity)]), y, { featureNames: ['rooms'] }), /column 'rooms' holds an infinite value \(Infinity\) at row 1/],
    ['NaN in the target', () => fitLinear(X(), withAt(y, 2, NaN), { targetName: 'price' }), /target 'price' holds a missing value \(NaN\) at row 3/],
    ['-Infinity in the target', () => fitLinear(X(), withAt(y, 7, -Infinity)), /the target holds an infinite value \(-Infinity\) at row 8/],
    ['l2 = NaN', () => fitLinear(X(), y, { l2: NaN }), /The L2 strength \(l2\) must be a finite number ≥ 0, got NaN/],
    ['l2 = Infinity', () => fitLinear(X(), y, { l2: Infinity }), /The L2 strength \(l2\) must be a finite number ≥ 0, got Infinity/],
    ['l1 = -Infinity', () => fitLinear(X(), y, { l1: -Infinity }), /The L1 strength \(l1\) must be a finite number ≥ 0, got -Infinity/],
    ['degree NaN', () => fitLinear(X(), y, { degree: NaN }), /polynomial degree must be a whole number ≥ 1/],
    ['refinementRounds NaN', () => fitLinear(X(), y, { refinementRounds: NaN }), /refinementRounds must be a whole number ≥ 1/],
    ['rankTolerance NaN', () => fitLinear(X(), y, { rankTolerance: NaN }), /rankTolerance must be a finite number ≥ 0/],
    ['lasso tolerance NaN', () => fitLinear(X(), y, { l1: 0.1, tolerance: NaN }), /coordinate-descent tolerance must be a finite number ≥ 0, got NaN/],
  ] as const)('%s', (_, run, message) => {
    expect(run).toThrow(message);
  });
});

describe('linear regression at extreme magnitudes: the answer scales, digits kept', () => {
  const reference = simpleRegression(u, y);
  const referenceR2 = (() => {
    const ybar = y.reduce((a, b) => a + b) / y.length;
    let rss = 0;
    let tss = 0;
    y.forEach((v, i) => {
      rss += (v - reference.intercept - reference.slope * u[i]) ** 2;
      tss += (v - ybar) ** 2;
    });
    return 1 - rss / tss;
  })();
  for (const power of [-200, -150, 150, 200]) {
    it(`feature × 1e${power}: slope and its standard error scale by 1e${-power}`, () => {
      // Scaling law: x = u·10^p gives slope_u·10^-p, the same intercept, t and R².
      const fit = fitLinear(matrixFromColumns([u.map((v) => v * 10 ** power)]), y, { featureNames: ['x'] });
      const slope = reference.slope * 10 ** -power;
      expect(maxElementwiseError([fit.model.intercept, fit.model.coefficients[0]], [reference.intercept, slope])).toBeLessThan(1e-12);
      expect(Math.abs(fit.summary.standardErrors![0] / (reference.se * 10 ** -power) - 1)).toBeLessThan(1e-10);
      expect(Math.abs(fit.summary.tValues![0] / (reference.slope / reference.se) - 1)).toBeLessThan(1e-10);
      expect(Math.abs(fit.summary.r2 - referenceR2)).toBeLessThan(1e-13);
    });
    it(`target × 1e${power}: coefficients, RSS and residual SD scale with it`, () => {
      const t = y.map((v) => v * 10 ** power);
      const hand = simpleRegression(u, t);
      const fit = fitLinear(matrixFromColumns([u]), t);
      expect(maxElementwiseError([fit.model.intercept, fit.model.coefficients[0]], [hand.intercept, hand.slope])).toBeLessThan(1e-12);
      expect(Number.isFinite(fit.summary.residualStd) && fit.summary.residualStd > 0).toBe(true);
      expect(Math.abs(fit.summary.r2 - referenceR2)).toBeLessThan(1e-13);
    });
  }
  for (const power of [-150, 150]) {
    it(`ridge with the feature × 1e${power}: Sxy / (Sxx + n·l2)`, () => {
      const x = u.map((v) => v * 10 ** power);
      const l2 = 0.1;
      const hand = simpleRegression(x, y, u.length * l2);
      const fit = fitLinear(matrixFromColumns([x]), y, { l2 });
      expect(maxElementwiseError([fit.model.intercept, fit.model.coefficients[0]], [hand.intercept, hand.slope])).toBeLessThan(1e-10);
    });
  }
  it('lasso with a feature around 1e-200: the penalty wins, the slope is 0 and the intercept the mean', () => {
    const fit = fitLinear(matrixFromColumns([u.map((v) => v * 1e-200)]), y, { l1: 0.1 });
    expect(fit.model.coefficients[0]).toBe(0);
    expect(fit.model.intercept).toBeCloseTo(y.reduce((a, b) => a + b) / y.length, 14);
  });
  it('logistic at 1e±150 and 1e±200: the same fit, coefficients scaled (not "constant", not "not positive definite")', () => {
    const labels = [0, 0, 1, 0, 1, 1, 0, 1];
    const base = fitLogistic(matrixFromColumns([u]), labels);
    for (const power of [-200, -150, 150, 200]) {
      const fit = fitLogistic(matrixFromColumns([u.map((v) => v * 10 ** power)]), labels);
      expect(fit.converged).toBe(true);
      expect(Math.abs((fit.model.coefficients[0][0] * 10 ** power) / base.model.coefficients[0][0] - 1)).toBeLessThan(1e-10);
      expect(fit.logLoss).toBeCloseTo(base.logLoss, 12);
    }
  });
  it('a constant column around 1e200 is named once, as a combination of the intercept', () => {
    const X = matrixFromColumns([u, new Float64Array(8).fill(3e200)]);
    expect(() => fitLinear(X, y, { featureNames: ['a', 'big'] })).toThrow(RankDeficiencyError);
    expect(() => fitLinear(X, y, { featureNames: ['a', 'big'] })).toThrow(/^The features are collinear: big is a linear combination of \(Intercept\)\. /);
  });
  it('polynomial terms beyond float64 are refused, naming the column and the term', () => {
    expect(() => fitLinear(matrixFromColumns([u.map((v) => v * 1e100)]), y, { featureNames: ['area'], degree: 4 })).toThrow(
      /Column 'area' holds values around 1e101, so 'area\^4' reaches 1e404, beyond the range of double-precision numbers/,
    );
  });
  it('a coefficient beyond float64 (target 1e200 on a feature 1e-200) is refused, naming the term', () => {
    expect(() => fitLinear(matrixFromColumns([u.map((v) => v * 1e-200)]), y.map((v) => v * 1e200), { featureNames: ['tiny'] })).toThrow(
      /The coefficient of 'tiny' is beyond the range of double-precision numbers/,
    );
  });
  it('a feature around 1e305 is refused, naming it', () => {
    expect(() => fitLinear(matrixFromColumns([u.map((v) => v * 1e305)]), y, { featureNames: ['huge'] })).toThrow(/column 'huge' holds values around 1e30[56]/);
  });
});

describe('constant and tied cases', () => {
  // 0.1 × 7 rows: the mean is not exactly 0.1 in float64, so "constant" must be seen as such.
  const constant = new Float64Array(7).fill(0.1);
  const x7 = u.subarray(0, 7);
  it('R² of a constant target fitted perfectly is 1 (scikit-learn r2_score), in the summary and in r2Score', () => {
    const fit = fitLinear(matrixFromColumns([x7]), constant);
    expect(fit.summary.r2).toBe(1);
    expect(r2Score(constant, Float64Array.from(constant, () => fit.model.intercept + fit.model.coefficients[0] * 4))).toBe(1);
  });
  it('R² of a constant target predicted wrongly is 0 (scikit-learn r2_score)', () => {
    expect(r2Score(constant, new Float64Array(7).fill(0.2))).toBe(0);
  });
  it('quasi-complete separation (one tied pair at the boundary) is not reported as converged, and says why', () => {
    const x = Float64Array.of(1, 2, 3, 4, 4, 5, 6, 7);
    const fit = fitLogistic(matrixFromColumns([x]), [0, 0, 0, 0, 1, 1, 1, 1]);
    expect(fit.converged).toBe(false);
    expect(fit.warnings.join(' ')).toMatch(/separable.*quasi-separation|quasi-separation/);
    expect(fit.warnings.join(' ')).toMatch(/L2 penalty/);
  });
  it('a class separated by the features (iris setosa on the petals) is not reported as converged', () => {
    const d = readDataset('iris.csv');
    const fit = fitLogistic(d.matrix(['petal_length', 'petal_width']), d.labels('species'));
    expect(fit.converged).toBe(false);
    expect(fit.warnings.join(' ')).toMatch(/50 rows are fitted with probability 1 .*separable/);
  });
  it('with an L2 penalty the tied case has a finite optimum and converges', () => {
    const fit = fitLogistic(matrixFromColumns([Float64Array.of(1, 2, 3, 4, 4, 5, 6, 7)]), [0, 0, 0, 0, 1, 1, 1, 1], { l2: 0.01 });
    expect(fit.converged).toBe(true);
    expect(fit.warnings).toEqual([]);
  });
});

interface EdgeCase {
  dataset: string;
  target: string;
  features: string[];
  rows: number;
  name: string;
  l1: number;
  l2: number;
  coef: number[];
  interceptValue: number;
}

describe('fewer rows than parameters, with a penalty: as scikit-learn 1.2.1 (tests/fixtures/sklearn/edge.json)', () => {
  const { cases } = readFixture<{ cases: EdgeCase[] }>('edge.json');
  for (const c of cases) {
    it(c.name, () => {
      const data = readDataset(c.dataset);
      const rows = Int32Array.from({ length: c.rows }, (_, i) => i);
      const X = matrixFromColumns(c.features.map((f) => data.column(f).filter((_, i) => i < rows.length)));
      const t = data.column(c.target).subarray(0, c.rows);
      const fit = fitLinear(X, t, { featureNames: c.features, l1: c.l1, l2: c.l2 });
      expect(maxElementwiseError([fit.model.intercept, ...fit.model.coefficients], [c.interceptValue, ...c.coef], 1e-6)).toBeLessThan(1e-7);
      expect(fit.warnings.join(' ')).toMatch(/fewer rows \(8\) than parameters \(11\)/);
    });
  }
  it('without a penalty, the error says a penalty would make it well posed', () => {
    const X = matrixFromColumns([u.subarray(0, 2), Float64Array.of(5, 3)]);
    expect(() => fitLinear(X, Float64Array.of(1, 2))).toThrow(/Need at least 3 rows to fit 3 parameters \(got 2\).*add an L2 or L1 penalty/);
  });
});

describe('gradient descent refuses non-finite data and options before training', () => {
  const X = () => matrixFromColumns([u]);
  it.each([
    ['learning rate NaN', () => fitLinearGD(X(), y, { learningRate: NaN }), /The learning rate must be a finite number > 0, got NaN/],
    ['epochs Infinity', () => fitLinearGD(X(), y, { epochs: Infinity }), /The number of epochs must be a whole number ≥ 1/],
    ['batch size NaN', () => fitLinearGD(X(), y, { batchSize: NaN }), /The batch size must be a whole number ≥ 1, got NaN/],
    ['l2 NaN', () => fitLinearGD(X(), y, { l2: NaN }), /The L2 strength \(l2\) must be a finite number ≥ 0, got NaN/],
    ['patience NaN', () => fitLinearGD(X(), y, { earlyStopping: { patience: NaN } }), /patience must be a whole number ≥ 1/],
    ['NaN in the target', () => fitLinearGD(X(), withAt(y, 1, NaN)), /the target holds a missing value \(NaN\) at row 2/],
    ['momentum NaN', () => fitLogisticGD(X(), [0, 0, 1, 0, 1, 1, 0, 1], { momentum: NaN }), /The momentum must be a finite number ≥ 0 and < 1, got NaN/],
    ['class weight Infinity', () => fitLogisticGD(X(), [0, 0, 1, 0, 1, 1, 0, 1], { classWeight: { '0': Infinity } }), /weight of class '0' must be a finite number ≥ 0/],
  ] as const)('%s', CASE, async (_, run, message) => {
    await expect(run()).rejects.toThrow(message);
  });
});
