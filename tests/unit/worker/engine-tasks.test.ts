// The engine's task table (src/cells/engine/tasks.ts): each task checked
// against scikit-learn fixtures or a hand computation, and run both through
// the worker protocol (a MessageChannel, so every argument and table is
// cloned as for a real worker) and in-process, with identical results.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { getColumn, type NumericColumn, type Table } from '../../../src/lib/data/table';
import type { Pipeline } from '../../../src/lib/data/prepare';
import { summarise, type ColumnSummary } from '../../../src/lib/data/summary';
import { engineTasks, fitterFromRecipe } from '../../../src/cells/engine/tasks';
import type { RegressionFitResult } from '../../../src/cells/regression/run';
import type { ClassifierFitResult, PartDescriptions } from '../../../src/cells/classifier/run';
import type { MethodResult } from '../../../src/cells/crossval/run';
import type { SweepPoint } from '../../../src/cells/sweep/run';
import { withSourceColumns, type PreparedTable } from '../../../src/cells/prepare/source-columns';
import { createTaskRunner, type RunOptions } from '../../../src/lib/worker/client';
import type { FitterRecipe } from '../../../src/cells/shared/model';
import { kFoldMse, quadraticTable, shippedTable } from '../../e2e/engine-reference';
import { channelWorker } from './channel';

const inWorker = createTaskRunner({ tasks: engineTasks, createWorker: channelWorker(engineTasks) });
const inProcess = createTaskRunner({ tasks: engineTasks });
afterAll(() => inWorker.dispose());

/** The task run both ways; the two results must be equal. */
async function both<R>(name: string, args: unknown, options: RunOptions<unknown>): Promise<R> {
  const there = await inWorker.run<R>(name, args, { ...options, where: 'worker' });
  const here = await inProcess.run<R>(name, args, options);
  expect(withoutTimes(there)).toEqual(withoutTimes(here));
  return there;
}

/** Elapsed times differ from run to run; everything else must not. */
function withoutTimes(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'elapsedMs' ? 0 : ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));
}

const houses = shippedTable('boston-housing.csv');
const cancer = shippedTable('breast-cancer.csv');
const relClose = (a: number, b: number, rel: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));

interface LinearCase {
  dataset: string;
  name: string;
  target: string;
  features: string[];
  coef: number[];
  interceptValue: number;
}
interface LogisticCase {
  dataset: string;
  name: string;
  coef: number[][];
  intercept: number[];
}
const linearCases = (JSON.parse(readFileSync('tests/fixtures/sklearn/linear.json', 'utf8')) as { cases: LinearCase[] }).cases;
const logisticCases = (JSON.parse(readFileSync('tests/fixtures/sklearn/logistic.json', 'utf8')) as { cases: LogisticCase[] }).cases;

describe('engine tasks', () => {
  it('names the tasks the cells use, each a function', () => {
    expect(Object.keys(engineTasks).sort()).toEqual(['classifier.describe', 'classifier.fit', 'crossval', 'evaluate.cost', 'evaluate.rank', 'prepare', 'prepare.apply', 'regression.fit', 'summarise', 'sweep']);
    for (const task of Object.values(engineTasks)) expect(typeof task).toBe('function');
  });

  it('regression.fit matches scikit-learn on boston-housing.csv', async () => {
    const reference = linearCases.find((c) => c.dataset === 'boston-housing.csv' && c.name === 'ols')!;
    const spec = { target: reference.target, features: reference.features, degree: 1, intercept: true, penalty: 'none', alpha: 0 };
    const { fit, metrics, predictions, numeric } = await both<RegressionFitResult>('regression.fit', { spec }, { tables: { train: houses } });
    relClose(fit.model.intercept, reference.interceptValue, 1e-9);
    reference.coef.forEach((w, j) => relClose(fit.model.coefficients[j], w, 1e-9));
    expect(fit.model.coefficients).toBeInstanceOf(Float64Array);
    // Measured on the training rows: scikit-learn's metrics, and one prediction per row.
    relClose(metrics.train!.mse, (reference as unknown as { metrics: { mse: number } }).metrics.mse, 1e-9);
    expect(predictions.train!.predicted).toHaveLength(houses.rowCount);
    expect(numeric).toContain('RM');
  });

  it('classifier.fit matches scikit-learn on breast-cancer.csv', async () => {
    const reference = logisticCases.find((c) => c.dataset === 'breast-cancer.csv' && c.name === 'binary-unpenalised')!;
    const features = ['mean_radius', 'mean_texture', 'mean_smoothness'];
    const spec = { target: 'diagnosis', features, intercept: true, penalty: 'none', alpha: 0, classWeight: 'none' };
    const { fit, labelColumns } = await both<ClassifierFitResult>('classifier.fit', { spec }, { tables: { train: cancer } });
    expect(labelColumns).toContain('diagnosis');
    expect(fit.model.classes).toEqual(['benign', 'malignant']);
    relClose(fit.model.intercept[0], reference.intercept[0], 1e-6);
    reference.coef[0].forEach((w, j) => relClose(fit.model.coefficients[0][j], w, 1e-6));
  });

  it('classifier.describe gives scikit-learn\'s probabilities by class and log loss, and names labels the model never saw', async () => {
    const reference = logisticCases.find((c) => c.dataset === 'breast-cancer.csv' && c.name === 'binary-unpenalised')! as LogisticCase & {
      proba: number[][];
      logLoss: number;
    };
    const features = ['mean_radius', 'mean_texture', 'mean_smoothness'];
    const spec = { target: 'diagnosis', features, intercept: true, penalty: 'none', alpha: 0, classWeight: 'none' };
    const { fit } = await inProcess.run<ClassifierFitResult>('classifier.fit', { spec }, { tables: { train: cancer } });
    const described = await both<PartDescriptions>('classifier.describe', { model: fit.model, spec, threshold: 0.5 }, { tables: { train: cancer } });
    const { byClass, metrics } = described.train!;
    expect(byClass).toHaveLength(2);
    expect(byClass[1]).toBeInstanceOf(Float64Array);
    reference.proba.forEach((row, i) => row.forEach((p, k) => expect(Math.abs(byClass[k][i] - p)).toBeLessThan(1e-7)));
    relClose(metrics.logLoss, reference.logLoss, 1e-7);
    const relabelled: Table = { ...cancer, columns: cancer.columns.map((c) => (c.name === 'diagnosis' && (c.type === 'text' || c.type === 'categorical') ? { ...c, values: c.values.map((v, i) => (i === 3 ? 'unsure' : v)) } : c)) };
    await expect(inWorker.run('classifier.describe', { model: fit.model, spec, threshold: 0.5 }, { tables: { train: relabelled }, where: 'worker' })).rejects.toThrow(/'unsure'/);
  });

  it('a task error comes back with its message', async () => {
    const spec = { target: 'MEDV', features: ['NOPE'], degree: 1, intercept: true, penalty: 'none', alpha: 0 };
    await expect(inWorker.run('regression.fit', { spec }, { tables: { train: houses }, where: 'worker' })).rejects.toThrow(/NOPE/);
  });

  it('crossval gives the k-fold mean MSE of refits on the shuffled folds', async () => {
    const data = quadraticTable(120, 7);
    const spec = { target: 'y', features: ['x'], degree: 2, intercept: true, penalty: 'none' as const, alpha: 0 };
    const recipe: FitterRecipe = { task: 'regression', spec };
    const folds: number[] = [];
    const methods = await both<MethodResult[]>(
      'crossval',
      { recipe, plan: { methods: ['kfold', 'loo'], k: 5, test: 0.2, seed: 3 }, metric: 'MSE' },
      { tables: { data }, onProgress: () => folds.push(1) },
    );
    expect(methods.map((m) => m.fits)).toEqual([5, 120]);
    relClose(methods[0].mean, kFoldMse(data, spec, 5, 3), 1e-12);
    expect(folds.length).toBeGreaterThan(0);
  });

  it('sweep refits once per value, scoring on the held-out rows', async () => {
    const train = quadraticTable(80, 1);
    const held = quadraticTable(40, 2);
    const spec = { target: 'y', features: ['x'], degree: 1, intercept: true, penalty: 'none' as const, alpha: 0 };
    const points = await both<SweepPoint[]>(
      'sweep',
      { recipe: { task: 'regression', spec }, parameter: 'degree', values: [1, 2, 3], seed: 0, metric: 'MSE' },
      { tables: { train, held } },
    );
    expect(points.map((p) => p.value)).toEqual([1, 2, 3]);
    // The reference: the same fitter's scores, fitted directly.
    const fitter = fitterFromRecipe({ task: 'regression', spec });
    for (const point of points) {
      const model = await fitter.fit(train, { degree: point.value });
      expect(point.validation).toBe(model.score(held).MSE);
    }
  });

  it('prepare scales the named columns and passes the others through as the source columns', async () => {
    const pipeline: Pipeline = [{ step: 'scale', columns: ['RM', 'LSTAT'], method: 'standard' }];
    const result = await both<PreparedTable>('prepare', { pipeline }, { tables: { source: houses } });
    const table = withSourceColumns(result.table, houses);
    const values = (t: Table, name: string) => (getColumn(t, name) as NumericColumn).values;
    // StandardScaler by hand: population mean and std.
    const rm = values(houses, 'RM');
    const mean = rm.reduce((a, b) => a + b, 0) / rm.length;
    const std = Math.sqrt(rm.reduce((s, x) => s + (x - mean) ** 2, 0) / rm.length);
    values(table, 'RM').forEach((v, i) => relClose(v, (rm[i] - mean) / std, 1e-12));
    expect(values(table, 'MEDV')).toBe(values(houses, 'MEDV'));
    expect(table.columns.map((c) => c.name)).toEqual(houses.columns.map((c) => c.name));
    // The prepared table's summaries come with it: RM standardised has mean 0 and (population) std 1.
    expect(result.summaries?.map((s) => s.name)).toEqual(houses.columns.map((c) => c.name));
    const rmSummary = result.summaries!.find((s) => s.name === 'RM')!;
    expect(rmSummary).toMatchObject({ count: rm.length, missing: 0 });
    expect(Math.abs(rmSummary.mean!)).toBeLessThan(1e-12);
    // pandas' std divides by n − 1: sqrt(n / (n − 1)) times the population std of 1.
    relClose(rmSummary.std!, Math.sqrt(rm.length / (rm.length - 1)), 1e-12);
  });

  it('prepare.apply applies steps fitted elsewhere, unchanged, and refers to the columns it left alone', async () => {
    const pipeline: Pipeline = [{ step: 'scale', columns: ['RM'], method: 'standard' }];
    const { fitted } = await both<PreparedTable>('prepare', { pipeline }, { tables: { source: houses } });
    const firstRows: Table = { rowCount: 50, columns: houses.columns.map((c) => ({ ...c, values: (c.values as Float64Array).slice(0, 50) }) as NumericColumn) };
    const result = await both<PreparedTable>('prepare.apply', { fitted }, { tables: { source: firstRows } });
    const table = withSourceColumns(result.table, firstRows);
    const parameter = fitted.steps[0].step === 'scale' ? fitted.steps[0].params.parameters[0] : undefined;
    const rm = (getColumn(firstRows, 'RM') as NumericColumn).values;
    (getColumn(table, 'RM') as NumericColumn).values.forEach((v, i) => relClose(v, (rm[i] - parameter!.shift) / parameter!.divisor, 1e-14));
    expect((getColumn(table, 'MEDV') as NumericColumn).values).toBe((getColumn(firstRows, 'MEDV') as NumericColumn).values);
  });

  it('summarise gives the summaries of the table it is sent', async () => {
    const summaries = await both<ColumnSummary[]>('summarise', {}, { tables: { table: houses } });
    expect(summaries).toEqual(summarise(houses));
    const medv = (getColumn(houses, 'MEDV') as NumericColumn).values;
    expect(summaries.find((s) => s.name === 'MEDV')).toMatchObject({ count: medv.length, min: Math.min(...medv), max: Math.max(...medv) });
  });
});
