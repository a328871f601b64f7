import { describe, expect, it } from 'vitest';
import { getColumn, takeRows, type NumericColumn, type Table } from '../../../src/lib/data/table';
import { kFold, leaveOneOut, stratifiedKFold, type Fold } from '../../../src/lib/validation';
import { runCrossval, type CrossvalOutput } from '../../../src/cells/crossval/run';
import { crossvalSchema, type CrossvalOptions } from '../../../src/cells/crossval/schema';
import { compareMethods } from '../../../src/cells/crossval/summary';
import { foldScoresFigure } from '../../../src/cells/crossval/figure';
import { runRegression, type RegressionOutput } from '../../../src/cells/regression/run';
import { regressionSchema } from '../../../src/cells/regression/schema';
import { fitRegressionSpec, predictRegression } from '../../../src/cells/regression/spec';
import type { ModelFitter, ModelOutput } from '../../../src/cells/shared/model';
import { quadraticTable } from '../../e2e/engine-reference';
import { runContext } from './context';

const values = (t: Table, name: string) => (getColumn(t, name) as NumericColumn).values;
const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;
const sampleStd = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1));

/** n rows: an id, a value v = id² mod 17, and a class label (a: 2 of 3 rows, b: 1 of 3). */
function rows(n: number): Table {
  return {
    rowCount: n,
    columns: [
      { name: 'id', type: 'numeric', values: Float64Array.from({ length: n }, (_, i) => i) },
      { name: 'v', type: 'numeric', values: Float64Array.from({ length: n }, (_, i) => (i * i) % 17) },
      { name: 'label', type: 'categorical', values: Array.from({ length: n }, (_, i) => (i % 3 === 2 ? 'b' : 'a')) },
    ],
  };
}

/**
 * A stand-in model whose score on a table we know in advance: MSE is the mean
 * of v over the scored rows, MAE the number of rows scored. It records the
 * training and test rows of every fold and can run a hook on each fit.
 */
function fakeModel(data: Table, onFit?: (fits: number) => void) {
  const trained: number[][] = [];
  const tested: number[][] = [];
  const fitter: ModelFitter = {
    task: 'regression',
    errorMetric: 'MSE',
    fit(train) {
      trained.push(Array.from(values(train, 'id')));
      onFit?.(trained.length);
      return {
        score(table) {
          tested.push(Array.from(values(table, 'id')));
          return { MSE: mean(values(table, 'v')), MAE: table.rowCount };
        },
      };
    },
  };
  const output: ModelOutput = { task: 'regression', parts: { train: data }, fitter };
  return { output, trained, tested };
}

const options = (extra: Record<string, unknown> = {}) => crossvalSchema.parse({ model: 'm', ...extra });

async function crossval(model: ModelOutput, extra: Record<string, unknown> = {}, more: { inputs?: Record<string, unknown>; signal?: AbortSignal } = {}) {
  const c = runContext<CrossvalOptions>(options(extra), { m: model, ...more.inputs }, more.signal ? { signal: more.signal } : {});
  const out = (await runCrossval(c)) as CrossvalOutput;
  return { out, progress: c.progressSeen, partials: c.partialsSeen as CrossvalOutput[] };
}

/** Mean of v over each fold's test rows: the fake model's score on that fold. */
const foldScores = (data: Table, folds: Iterable<Fold>) => Array.from(folds, (f) => mean(takeRows(data, f.test).columns[1].values as Float64Array));

describe('crossval cell run, with a stand-in model', () => {
  const data = rows(23);

  it('runs holdout, k-fold and leave-one-out: 1, k and n fits, each scored on its own test rows', async () => {
    const { output, trained } = fakeModel(data);
    const { out } = await crossval(output, { k: 5, seed: 3 });
    expect(out.methods.map((m) => [m.label, m.fits])).toEqual([
      ['Holdout', 1],
      ['k-fold (k=5)', 5],
      ['Leave-one-out', 23],
    ]);
    expect(trained).toHaveLength(1 + 5 + 23);
    expect(out.rows).toBe(23);
    expect(out.metric).toBe('MSE');

    // Holdout: ⌈0.2·23⌉ = 5 test rows, 18 training rows, one score and no spread.
    const [holdout, kfold, loo] = out.methods;
    expect(trained[0]).toHaveLength(18);
    expect(holdout.testSize).toBe(5);
    expect(holdout.std).toBeNaN();

    // k-fold: the shuffled folds of the engine with the same seed; the mean and std are of their scores.
    const expected = foldScores(data, kFold(23, 5, { shuffle: true, seed: 3 }));
    expect(kfold.scores).toEqual(expected);
    expect(kfold.mean).toBeCloseTo(mean(expected), 12);
    expect(kfold.std).toBeCloseTo(sampleStd(expected), 12);
    // Every row is tested exactly once across the k folds.
    expect(trained.slice(1, 6).map((t) => t.length)).toEqual([18, 18, 18, 19, 19]);

    // Leave-one-out: fold i tests row i alone, so its scores are v itself.
    expect(loo.scores).toEqual(Array.from(values(data, 'v')));
    expect(loo.mean).toBeCloseTo(mean(values(data, 'v')), 12);
    expect(loo.std).toBeCloseTo(sampleStd(Array.from(values(data, 'v'))), 12);
    expect(loo.means.MAE).toBe(1);
    expect(loo.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('reports progress across all folds, rising to 1, and partial results that fill in fold by fold', async () => {
    const { output } = fakeModel(data);
    const { out, progress, partials } = await crossval(output, { k: 4 });
    expect(progress).toHaveLength(1 + 4 + 23);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1]);
    expect(progress.at(-1)).toBe(1);
    // While leave-one-out runs, the two finished methods are in the table and its folds arrive one at a time.
    const during = partials.filter((p) => p.running?.method === 'loo');
    expect(during.map((p) => p.running!.scores.length)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(during[10].methods.map((m) => m.method)).toEqual(['holdout', 'kfold']);
    expect(during.at(-1)!.running!.scores).toEqual(out.methods[2].scores);
    expect(out.running).toBeUndefined();
  });

  it('stops between folds when the run is aborted, fitting nothing more', async () => {
    const controller = new AbortController();
    // Abort during the third leave-one-out fit (after holdout's 1 and k-fold's 5).
    const { output, trained } = fakeModel(data, (fits) => fits === 1 + 5 + 3 && controller.abort());
    await expect(crossval(output, { k: 5 }, { signal: controller.signal })).rejects.toThrow(/abort/i);
    expect(trained).toHaveLength(9);
  });

  it('runs only the chosen methods, cheapest first, and reports the chosen metric', async () => {
    const { output, trained } = fakeModel(data);
    const { out } = await crossval(output, { methods: ['loo', 'holdout'], metric: 'MAE', test: 0.3 });
    expect(out.methods.map((m) => m.method)).toEqual(['holdout', 'loo']);
    expect(trained).toHaveLength(24);
    expect(out.metric).toBe('MAE');
    expect(out.methods[0].scores).toEqual([Math.ceil(0.3 * 23)]);
    expect(out.methods[1].mean).toBe(1);
  });

  it('says which metrics exist when the chosen one does not', async () => {
    const { output } = fakeModel(data);
    await expect(crossval(output, { metric: 'Accuracy' })).rejects.toThrow("The model reports MSE, MAE; it has no metric 'Accuracy'.");
  });

  it('cross-validates another cell’s rows when given an input (a split’s training part)', async () => {
    const { output, trained } = fakeModel(data);
    const other = rows(12);
    const split = { parts: true, table: other, train: other, test: rows(3) };
    const { out } = await crossval(output, { input: 's', methods: ['loo'] }, { inputs: { s: split } });
    expect(out.rows).toBe(12);
    expect(trained).toHaveLength(12);
  });

  it('keeps class proportions in every k-fold test part when stratified', async () => {
    const { output, tested } = fakeModel(data);
    await crossval(output, { methods: ['kfold'], k: 3, stratify: 'label', seed: 5 });
    const labels = data.columns[2].values as string[];
    const expected = stratifiedKFold(labels, 3, { shuffle: true, seed: 5 }).map((f) => Array.from(f.test));
    expect(tested).toEqual(expected);
    // 16 a's and 7 b's over 3 folds: 5 or 6 a's each, and 2 or 3 b's (unstratified folds of 8 rows could hold any mix).
    for (const test of tested) {
      expect([5, 6]).toContain(test.filter((i) => labels[i] === 'a').length);
      expect([2, 3]).toContain(test.filter((i) => labels[i] === 'b').length);
    }
  });

  it('waits while the model cell has no model, and refuses a cell that is not a model', async () => {
    const waiting = await runCrossval(runContext(options(), { m: { waiting: 'Upload a CSV' } }));
    expect(waiting).toEqual({ waiting: 'Upload a CSV' });
    await expect(runCrossval(runContext(options(), { m: { table: data } }))).rejects.toThrow(/not a model cell/);
  });
});

describe('crossval summaries', () => {
  const result = (method: 'holdout' | 'kfold' | 'loo', scores: number[], elapsedMs: number) => ({
    method,
    label: method,
    fits: scores.length,
    scores,
    mean: mean(scores),
    std: NaN,
    means: {},
    testSize: 1,
    elapsedMs,
  });

  it('compares the costs, most expensive first, and the spread of the fold scores', () => {
    const text = compareMethods([result('holdout', [3], 2), result('kfold', [1, 4, 2, 3, 5], 21), result('loo', Array(506).fill(2), 1900)]);
    expect(text).toBe(
      'Leave-one-out fitted 506 models (1.9 s); 5-fold fitted 5 (21 ms); the holdout fitted 1 (2 ms). ' +
        "5-fold's 5 fold scores range from 1 to 5; leave-one-out's 506 fold scores range from 2 to 2.",
    );
  });

  it('draws one strip of points per method and a mean ± std marker for finished ones', () => {
    const figure = foldScoresFigure(
      [
        { label: 'k-fold (k=3)', scores: [1, 2, 3], mean: 2, std: 1 },
        { label: 'Leave-one-out', scores: [4, 5] },
      ],
      'MSE',
    );
    expect(figure.data.map((t) => t.name)).toEqual(['k-fold (k=3)', 'Leave-one-out', 'mean ± std']);
    expect(figure.data[0].y).toEqual([1, 2, 3]);
    // Points stay within their method's column.
    for (const x of figure.data[1].x as number[]) expect(Math.abs(x - 1)).toBeLessThan(0.3);
    expect(figure.data[2].y).toEqual([2]);
    expect((figure.data[2].error_y as { array: number[] }).array).toEqual([1]);
    expect(figure.layout.xaxis?.ticktext).toEqual(['k-fold (k=3)', 'Leave-one-out']);
  });
});

describe('crossval cell run, with the regression cell’s own fitter', () => {
  const data = quadraticTable(60, 11);
  const model = runRegression(
    runContext(regressionSchema.parse({ input: 'd', target: 'y', features: ['x'], degree: 2 }), { d: { table: data } }),
  ) as RegressionOutput;

  it('gives the mean of the fold MSEs the test computes by refitting on the same k folds', async () => {
    const { out } = await crossval(model, { methods: ['kfold'], k: 6, seed: 9 });
    const folds = kFold(60, 6, { shuffle: true, seed: 9 });
    const scores: number[] = [];
    for (const fold of folds) {
      const fitted = await model.fitter.fit(takeRows(data, fold.train));
      scores.push(fitted.score(takeRows(data, fold.test)).MSE);
    }
    expect(out.methods[0].fits).toBe(6);
    expect(out.methods[0].scores).toEqual(scores);
    expect(out.methods[0].mean).toBeCloseTo(mean(scores), 10);
    expect(out.methods[0].std).toBeCloseTo(sampleStd(scores), 10);
  });

  it('fits n models for leave-one-out, whose mean is the mean squared leave-one-out residual', async () => {
    const { out } = await crossval(model, { methods: ['loo'] });
    expect(out.methods[0].fits).toBe(60);
    // Independently: refit the spec without each row and square its prediction error.
    const squared = Array.from(leaveOneOut(60), (fold) => {
      const fit = fitRegressionSpec(model.spec, takeRows(data, fold.train));
      const { actual, predicted } = predictRegression(fit, model.spec, takeRows(data, fold.test));
      return (actual[0] - predicted[0]) ** 2;
    });
    expect(out.methods[0].mean).toBeCloseTo(mean(squared), 9);
    // The noise has variance 1: a fair estimate of the error on new rows is near it.
    expect(out.methods[0].mean).toBeGreaterThan(0.6);
    expect(out.methods[0].mean).toBeLessThan(1.6);
    expect(out.comparison).toMatch(/^Leave-one-out fitted 60 models \(/);
  });
});
