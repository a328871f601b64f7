import { describe, expect, it } from 'vitest';
import { getColumn, type NumericColumn, type Table } from '../../../src/lib/data/table';
import { permutation } from '../../../src/lib/data/random';
import { learningCurveSizes } from '../../../src/lib/validation';
import { runSweep, type SweepOutput } from '../../../src/cells/sweep/run';
import { sweepSchema, type SweepOptions } from '../../../src/cells/sweep/schema';
import { sweepValues } from '../../../src/cells/sweep/values';
import { describeCurve, type CurvePoint } from '../../../src/cells/sweep/regimes';
import { needsLogY, sweepCurveFigure } from '../../../src/cells/sweep/figure';
import { panelDegrees, predictOne } from '../../../src/cells/sweep/multiples';
import { runRegression, type RegressionOutput } from '../../../src/cells/regression/run';
import { regressionSchema } from '../../../src/cells/regression/schema';
import { fitRegressionSpec } from '../../../src/cells/regression/spec';
import { fitLinear, predictLinear } from '../../../src/lib/ml/linear';
import type { ModelFitter, ModelOutput, Overrides } from '../../../src/cells/shared/model';
import type { DataParts } from '../../../src/cells/shared/parts';
import { quadraticTable } from '../../e2e/engine-reference';
import { runContext } from './context';

const ids = (t: Table) => Array.from((getColumn(t, 'id') as NumericColumn).values);

function rows(n: number, from = 0): Table {
  return { rowCount: n, columns: [{ name: 'id', type: 'numeric', values: Float64Array.from({ length: n }, (_, i) => from + i) }] };
}

/**
 * A stand-in model whose errors are functions of the override we choose:
 * `train(value, rows)` and `held(value, rows)` give the training and held-out
 * MSE. It records what it was fitted with and can run a hook on each fit.
 */
function fakeModel(
  parts: DataParts,
  errors: { train: (v: number, n: number) => number; held: (v: number, n: number) => number },
  hooks: { onFit?: (fits: number, overrides: Overrides) => void } = {},
) {
  const fits: { overrides: Overrides; rows: number[] }[] = [];
  const fitter: ModelFitter = {
    task: 'regression',
    errorMetric: 'MSE',
    fit(train, overrides = {}) {
      fits.push({ overrides, rows: ids(train) });
      hooks.onFit?.(fits.length, overrides);
      const v = overrides.degree ?? overrides.alpha ?? overrides.epochs ?? train.rowCount;
      return {
        score: (table) => ({ MSE: table === train ? errors.train(v, train.rowCount) : errors.held(v, train.rowCount), 'R²': 0.25 }),
      };
    },
  };
  const output: ModelOutput = { task: 'regression', parts, fitter };
  return { output, fits };
}

const withValidation: DataParts = { train: rows(50), validation: rows(20, 50) };
// Training error falls with the degree; validation error is lowest at 4.
const bowl = { train: (d: number) => 10 / d, held: (d: number) => (d - 4) ** 2 + 1 };

async function sweep(model: ModelOutput, options: Record<string, unknown> = {}, signal?: AbortSignal) {
  const ctx = runContext<SweepOptions>(sweepSchema.parse({ model: 'm', ...options }), { m: model }, signal ? { signal } : {});
  const out = (await runSweep(ctx)) as SweepOutput;
  return { out, progress: ctx.progressSeen, partials: ctx.partialsSeen as SweepOutput[] };
}

describe('sweep cell run, with a stand-in model', () => {
  it('fits once per degree 1…10 with the override, scoring on training and validation rows', async () => {
    const { output, fits } = fakeModel(withValidation, bowl);
    const { out } = await sweep(output);
    expect(fits.map((f) => f.overrides)).toEqual(Array.from({ length: 10 }, (_, i) => ({ degree: i + 1 })));
    expect(fits.every((f) => f.rows.length === 50)).toBe(true);
    expect(out.points.map((p) => p.validation)).toEqual([10, 5, 2, 1, 2, 5, 10, 17, 26, 37]);
    expect(out.points[4].train).toBe(2);
    expect(out.best).toBe(3);
    expect(out.heldName).toBe('validation');
    expect(out.notes).toEqual([]);
    expect(out.description).toBe(
      'The validation MSE is lowest at degree 4 (1; 2.5 on the training rows). ' +
        'Below degree 4 both errors are high: underfitting (high bias). ' +
        'Above degree 4 the training error keeps falling while the validation error rises: overfitting (high variance).',
    );
    // The stand-in has no regression spec: no small multiples.
    expect(out.multiples).toBeUndefined();
  });

  it('reports progress per value and a growing curve, and stops between values when aborted', async () => {
    const { output } = fakeModel(withValidation, bowl);
    const { progress, partials } = await sweep(output, { values: [1, 2, 3, 4] });
    expect(progress).toEqual([0.25, 0.5, 0.75, 1]);
    expect(partials.map((p) => p.points.length)).toEqual([1, 2, 3, 4]);
    expect(partials[2].best).toBe(2);

    const controller = new AbortController();
    const stopped = fakeModel(withValidation, bowl, { onFit: (n) => n === 3 && controller.abort() });
    await expect(sweep(stopped.output, {}, controller.signal)).rejects.toThrow(/abort/i);
    expect(stopped.fits).toHaveLength(3);
  });

  it('reads α the other way round: a large penalty underfits, a tiny one overfits', async () => {
    const { output, fits } = fakeModel(withValidation, { train: (a) => a, held: (a) => (Math.log10(a) + 1) ** 2 + 1 });
    const { out } = await sweep(output, { parameter: 'alpha', values: { from: 0.001, to: 10, steps: 5 } });
    expect(fits.map((f) => f.overrides.alpha)).toEqual([0.001, 0.01, 0.1, 1, 10]);
    expect(out.logX).toBe(true);
    expect(out.parameterName).toBe('α');
    expect(out.description).toContain('Above α = 0.1 both errors are high: underfitting (high bias).');
    expect(out.description).toContain('Below α = 0.1 the training error keeps falling while the validation error rises: overfitting (high variance).');
  });

  it('learning curve: fits on the first m rows of a seeded shuffle of the training part', async () => {
    const { output, fits } = fakeModel(withValidation, { train: (m) => 1 - 1 / m, held: (m) => 1 + 10 / m });
    const { out } = await sweep(output, { parameter: 'trainSize', seed: 7 });
    const sizes = learningCurveSizes(50, 8);
    expect(out.values).toEqual(sizes);
    const order = Array.from(permutation(50, 7));
    fits.forEach((fit, i) => expect(fit.rows).toEqual(order.slice(0, sizes[i])));
    expect(fits.every((f) => Object.keys(f.overrides).length === 0)).toBe(true);
    expect(out.description).toMatch(/^With 5 training rows the validation MSE is 3 \(training 0\.8\); with 50 rows it is 1\.2 \(training 0\.98\)\./);
    expect(out.description).toContain('still falling');
  });

  it('splits a validation part off the training rows when the model has none, and says so', async () => {
    const { output, fits } = fakeModel({ train: rows(50) }, bowl);
    const { out } = await sweep(output, { validation: 0.2, seed: 3, values: [2] });
    expect(fits[0].rows).toHaveLength(40);
    expect(out.notes[0]).toBe(
      'The model has no held-out rows, so this sweep set 10 of its 50 training rows (20%, seed 3) aside to validate on, and fits on the other 40.',
    );
  });

  it('scores on the test part when there is no validation part, with a warning', async () => {
    const { output } = fakeModel({ train: rows(50), test: rows(10, 50) }, bowl);
    const { out } = await sweep(output, { values: [1, 4, 9] });
    expect(out.heldName).toBe('test');
    expect(out.notes[0]).toMatch(/scores on the test part/);
    expect(out.description).toMatch(/^The test MSE is lowest at degree 4/);
  });

  it('sweeps another cell’s parts when given an input', async () => {
    const { output, fits } = fakeModel(withValidation, bowl);
    const split = { parts: true, table: rows(30), train: rows(30), validation: rows(5, 30) };
    const ctx = runContext<SweepOptions>(sweepSchema.parse({ model: 'm', input: 's', values: [3] }), { m: output, s: split });
    await runSweep(ctx);
    expect(fits[0].rows).toEqual(ids(rows(30)));
  });

  it('says when the model ignores the parameter', async () => {
    const { output } = fakeModel(withValidation, { train: () => 3, held: () => 4 });
    const { out } = await sweep(output, { parameter: 'epochs' });
    expect(out.description).toBe('The errors do not change with epochs: this model does not use it. Only models trained by gradient descent have epochs; an exact solver does not.');
  });

  it('keeps going past a value that cannot be fitted, and fails only when none can', async () => {
    const failing = (limit: number) =>
      fakeModel(withValidation, bowl, {
        onFit: (_, o) => {
          if ((o.degree ?? 0) > limit) throw new Error('too few rows for this degree');
        },
      });
    const { out } = await sweep(failing(8).output);
    expect(out.points).toHaveLength(10);
    expect(out.points[9].validation).toBeNaN();
    expect(out.points[9].failure).toBe('too few rows for this degree');
    expect(out.notes).toContain('2 values (degree 9, 10) could not be fitted: too few rows for this degree');
    expect(out.best).toBe(3);
    await expect(sweep(failing(0).output)).rejects.toThrow('too few rows for this degree');
  });

  it('turns a higher-is-better metric into an error, and rejects a metric the model lacks', async () => {
    const { output } = fakeModel(withValidation, bowl);
    const { out } = await sweep(output, { metric: 'R²', values: [1, 2] });
    expect(out.errorName).toBe('1 − R²');
    expect(out.points[0].validation).toBe(0.75);
    await expect(sweep(output, { metric: 'Log loss' })).rejects.toThrow("The model reports MSE, R²; it has no metric 'Log loss'.");
  });
});

describe('sweep values', () => {
  it('defaults per parameter: degrees 1…10, α 1e-4…100 on a log scale, learning-curve sizes', () => {
    expect(sweepValues('degree', undefined, 100)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const alphas = sweepValues('alpha', undefined, 100);
    expect(alphas).toHaveLength(13);
    expect(alphas[0]).toBe(1e-4);
    expect(alphas[4]).toBe(0.01);
    expect(alphas[12]).toBe(100);
    expect(sweepValues('trainSize', undefined, 404)).toEqual(learningCurveSizes(404, 8));
    expect(sweepValues('trainSize', { steps: 3 }, 100)).toEqual([10, 55, 100]);
  });

  it('rounds whole-number parameters, drops repeats, sorts, and checks the range', () => {
    expect(sweepValues('degree', { from: 1, to: 4, steps: 7 }, 100)).toEqual([1, 2, 3, 4]);
    expect(sweepValues('epochs', [500, 10, 10, 99.6], 100)).toEqual([10, 100, 500]);
    expect(sweepValues('trainSize', { from: 20, steps: 3 }, 100)).toEqual([20, 60, 100]);
    expect(() => sweepValues('trainSize', [10, 200], 100)).toThrow('The training part has 100 rows, so it cannot train on 200.');
    expect(() => sweepValues('degree', [0, 2], 100)).toThrow('Every degree value must be at least 1; got 0.');
    expect(() => sweepValues('alpha', { from: 0, to: 1, scale: 'log' }, 100)).toThrow(/log range needs values above 0/);
  });
});

describe('regime sentences', () => {
  const curve = (pairs: [number, number, number][]): CurvePoint[] => pairs.map(([value, train, validation]) => ({ value, train, validation }));

  it('says nothing is clearly wrong when the validation error stays near its best', () => {
    const text = describeCurve('degree', curve([[1, 5, 10], [2, 4, 10.2], [3, 3, 10.4]]), 'MSE', 'validation');
    expect(text).toContain('no clear underfitting or overfitting here');
  });

  it('calls a learning curve whose two errors meet high bias, and a wide gap high variance', () => {
    const met = describeCurve('trainSize', curve([[10, 20, 40], [50, 28, 32], [100, 29, 31.5]]), 'MSE', 'validation');
    expect(met).toContain('levelled off close together');
    expect(met).toContain('high bias');
    const gap = describeCurve('trainSize', curve([[10, 2, 60], [50, 5, 40], [100, 6, 39.5]]), 'MSE', 'validation');
    expect(gap).toContain('wide gap');
    expect(gap).toContain('high variance');
  });

  it('uses a log y axis only when the errors span more than two orders of magnitude', () => {
    expect(needsLogY([1, 50])).toBe(false);
    expect(needsLogY([1, 5000])).toBe(true);
    expect(needsLogY([0, 5000])).toBe(false);
    const figure = sweepCurveFigure({ points: curve([[1, 2, 3], [2, 1, 3000]]).map((p) => ({ ...p })), parameterName: 'degree', errorName: 'MSE', logX: false });
    expect(figure.layout.yaxis?.type).toBe('log');
    expect(figure.data[2].name).toBe('best degree = 1');
    expect(figure.layout.xaxis?.range).toBeUndefined();
    // On a log x axis, every x drawn (points and the best-value line) is a value tried, so autorange fits them.
    const alpha = sweepCurveFigure({ points: curve([[0.01, 1, 2], [100, 3, 4]]), parameterName: 'α', errorName: 'MSE', logX: true });
    expect(alpha.layout.xaxis?.type).toBe('log');
    for (const trace of alpha.data) for (const x of trace.x as number[]) expect([0.01, 100]).toContain(x);
  });

  it('draws the simplest, best and most flexible degrees, without repeating the best', () => {
    expect(panelDegrees([1, 2, 3, 10], 2).map((p) => p.degree)).toEqual([1, 2, 10]);
    expect(panelDegrees([1, 2, 3, 10], 1).map((p) => `${p.degree} ${p.role}`)).toEqual(['1 best', '10 overfits']);
    expect(panelDegrees([3], 3).map((p) => p.role)).toEqual(['best']);
  });
});

describe('sweep cell run, with the regression cell’s own fitter on y = 1 + 2x − 0.5x² + noise', () => {
  const train = quadraticTable(30, 1);
  const validation = quadraticTable(300, 2);
  const split = { parts: true, table: train, train, validation };
  const model = runRegression(
    runContext(regressionSchema.parse({ input: 's', target: 'y', features: ['x'], degree: 1 }), { s: split }),
  ) as RegressionOutput;

  it('finds the quadratic: degree 2 beats 1 and 10 on validation rows, and training error never rises with the degree', async () => {
    const { out } = await sweep(model);
    const at = (d: number) => out.points.find((p) => p.value === d)!;
    expect(at(2).validation).toBeLessThan(at(1).validation);
    expect(at(2).validation).toBeLessThan(at(10).validation);
    expect([2, 3]).toContain(out.values[out.best]);
    for (let i = 1; i < out.points.length; i++) expect(out.points[i].train).toBeLessThanOrEqual(out.points[i - 1].train * (1 + 1e-9));
    expect(out.description).toContain('underfitting (high bias)');
    expect(out.description).toContain('overfitting (high variance)');
  });

  it('matches validation errors the test computes by fitting the polynomial itself', async () => {
    const { out } = await sweep(model, { values: [3] });
    const x = (t: Table) => ({ rows: t.rowCount, cols: 1, columns: [t.columns[0].values as Float64Array] });
    const fit = fitLinear(x(train), train.columns[1].values as Float64Array, { degree: 3 });
    const predicted = predictLinear(fit.model, x(validation));
    const y = validation.columns[1].values as Float64Array;
    const mse = y.reduce((s, yi, i) => s + (yi - predicted[i]) ** 2, 0) / y.length;
    expect(out.points[0].validation).toBeCloseTo(mse, 9);
  });

  it('draws the underfit, best and overfit curves side by side over the training rows', async () => {
    const { out } = await sweep(model);
    const m = out.multiples!;
    expect(m.xName).toBe('x');
    expect(m.yName).toBe('y');
    expect(m.x).toEqual(train.columns[0].values);
    const best = out.values[out.best];
    expect(m.panels.map((p) => p.title)).toEqual(['degree 1: underfits', `degree ${best}: best`, 'degree 10: overfits']);
    const degree10 = fitRegressionSpec({ ...model.spec, degree: 10 }, train);
    expect(predictOne(m.panels[2].model)(1.5)).toBeCloseTo(predictLinear(degree10.model, { rows: 1, cols: 1, columns: [Float64Array.of(1.5)] })[0], 9);
    // The quadratic truth at x = 1 is 2.5: the best fit is near it.
    expect(Math.abs(predictOne(m.panels[1].model)(1) - 2.5)).toBeLessThan(0.5);
  });
});
