import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../../src/lib/data/csv/read';
import type { Table } from '../../../src/lib/data/table';
import { confusionMatrix, precisionRecallF1 } from '../../../src/lib/ml/metrics';
import { runClassifier, type ClassifierOutput } from '../../../src/cells/classifier/run';
import { classifierSchema } from '../../../src/cells/classifier/schema';
import { runRegression } from '../../../src/cells/regression/run';
import { regressionSchema } from '../../../src/cells/regression/schema';
import { runSplit } from '../../../src/cells/split/run';
import { splitSchema } from '../../../src/cells/split/schema';
import { rankingCurves, runEvaluate, type ClassificationEvaluation, type RegressionEvaluation } from '../../../src/cells/evaluate/run';
import { evaluateSchema } from '../../../src/cells/evaluate/schema';
import { runContext as context } from './context';

const shipped = (file: string): Table => readCsvText(readFileSync(`datasets/${file}`)).table;
const houses = shipped('boston-housing.csv');
const cancer = shipped('breast-cancer.csv');
const iris = shipped('iris.csv');

const split = (table: Table, options: Record<string, unknown> = {}) =>
  runSplit(context(splitSchema.parse({ input: 'd', seed: 7, ...options }), { d: { table } }));
const regression = (options: Record<string, unknown>, input: unknown) =>
  runRegression(context(regressionSchema.parse({ input: 'd', ...options }), { d: input }));
const classifier = (options: Record<string, unknown>, input: unknown) =>
  runClassifier(context(classifierSchema.parse({ input: 'd', ...options }), { d: input }));
const evaluate = (model: unknown, options: Record<string, unknown> = {}) =>
  runEvaluate(context(evaluateSchema.parse({ input: 'm', ...options }), { m: model }));

describe('evaluate cell: regression', () => {
  it('on the training rows of an intercept model, the residuals sum to zero', () => {
    const model = regression({ target: 'MEDV', features: ['RM', 'LSTAT'] }, { table: houses });
    const out = evaluate(model) as RegressionEvaluation;
    expect(out.task).toBe('regression');
    expect(out.part).toBe('train'); // no held-out part: the training rows, by default
    expect(out.defaulted).toBe(true);
    const sum = out.residuals.reduce((s, r) => s + r, 0);
    expect(Math.abs(sum)).toBeLessThan(1e-9 * houses.rowCount);
    expect(out.residuals[0]).toBeCloseTo(out.actual[0] - out.predicted[0], 12);
    // mean squared residual is the MSE
    expect(out.residuals.reduce((s, r) => s + r * r, 0) / out.rows).toBeCloseTo(out.metrics.mse, 9);
  });

  it('without an intercept the training residuals need not sum to zero', () => {
    const model = regression({ target: 'MEDV', features: ['LSTAT'], intercept: false }, { table: houses });
    const out = evaluate(model) as RegressionEvaluation;
    expect(Math.abs(out.residuals.reduce((s, r) => s + r, 0))).toBeGreaterThan(1);
  });

  it('defaults to the test part when there is one, and matches the model cell there', () => {
    const model = regression({ target: 'MEDV', features: ['RM'] }, split(houses));
    const out = evaluate(model) as RegressionEvaluation;
    expect(out.part).toBe('test');
    expect(out.available).toEqual(['test', 'train']);
    expect(out.rows).toBe(102);
    expect(out.metrics).toEqual((model as { metrics: { test: unknown } }).metrics.test);
    expect((evaluate(model, { part: 'train' }) as RegressionEvaluation).rows).toBe(404);
  });

  it('falls back to the validation part when there is no test part', () => {
    const parts = split(houses, { validation: 0.2 }) as unknown as { test?: Table };
    const model = regression({ target: 'MEDV', features: ['RM'] }, { ...parts, test: undefined });
    expect((evaluate(model) as RegressionEvaluation).part).toBe('validation');
  });
});

describe('evaluate cell: classification', () => {
  const features = ['mean_radius', 'mean_texture', 'mean_smoothness'];
  const model = classifier({ target: 'diagnosis', features }, split(cancer, { stratify: 'diagnosis' }));

  it('its confusion matrix counts every test row once, as the engine counts them', () => {
    const out = evaluate(model) as ClassificationEvaluation;
    expect(out.part).toBe('test');
    const { matrix } = out.metrics.confusion;
    expect(matrix.flat().reduce((s, v) => s + v, 0)).toBe(out.rows);
    expect(out.rows).toBe(114);
    // Counted from class codes in the cell; here from labels, row by row.
    const positive = (model as ClassifierOutput).scores.test!.byClass[1];
    const predicted = out.actual.map((_, i) => (positive[i] >= 0.5 ? 'malignant' : 'benign'));
    expect(out.metrics.confusion).toEqual(confusionMatrix(out.actual, predicted, ['benign', 'malignant']));
    expect(out.metrics.precision).toBe(precisionRecallF1(out.actual, predicted, { posLabel: 'malignant' }).precision);
    expect(out.threshold).toBe(0.5);
    expect(out.modelThreshold).toBe(true);
  });

  it('a threshold override moves predictions to the other side, without touching the model', () => {
    const at = (t: number) => evaluate(model, { threshold: t }) as ClassificationEvaluation;
    const low = at(0.1);
    const high = at(0.9);
    const predictedPositive = (e: ClassificationEvaluation) => e.metrics.confusion.matrix[0][1] + e.metrics.confusion.matrix[1][1];
    expect(predictedPositive(low)).toBeGreaterThan(predictedPositive(high));
    expect(low.metrics.recall).toBeGreaterThanOrEqual(high.metrics.recall);
    expect(low.modelThreshold).toBe(false);
    // true-class totals (rows of the matrix) do not depend on the threshold
    const rowTotals = (e: ClassificationEvaluation) => e.metrics.confusion.matrix.map((r) => r[0] + r[1]);
    expect(rowTotals(low)).toEqual(rowTotals(high));
    expect(low.curves[0].curves.auc).toBe(high.curves[0].curves.auc);
  });

  it('draws the positive class ROC and precision–recall curves for a binary model', () => {
    const out = evaluate(model) as ClassificationEvaluation;
    expect(out.curves.map((c) => c.label)).toEqual(['malignant']);
    const { curves } = out.curves[0];
    expect(curves.auc).toBeCloseTo(out.metrics.auc, 12);
    expect(curves.roc.fpr[0]).toBe(0);
    expect(curves.roc.tpr.at(-1)).toBe(1);
    expect(curves.prevalence).toBeCloseTo(42 / 114, 12);
  });

  it('a perfect ranking has AUC 1 and average precision 1', () => {
    const curves = rankingCurves(['n', 'n', 'p', 'n', 'p', 'p'], [0.1, 0.2, 0.7, 0.3, 0.8, 0.9], 'p');
    expect(curves.auc).toBe(1);
    expect(curves.averagePrecision).toBe(1);
    const reversed = rankingCurves(['n', 'n', 'p', 'n', 'p', 'p'], [0.9, 0.8, 0.1, 0.7, 0.2, 0.3], 'p');
    expect(reversed.auc).toBe(0);
  });

  it('a model that ranks its training rows perfectly gets AUC 1 there', () => {
    const x = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    const table: Table = { rowCount: 8, columns: [{ name: 'x', type: 'numeric', values: x }, { name: 'y', type: 'categorical', values: ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'] }] };
    const out = evaluate(classifier({ target: 'y', features: ['x'], penalty: 'l2', alpha: 1 }, { table })) as ClassificationEvaluation;
    expect(out.metrics.auc).toBe(1);
    expect(out.curves[0].curves.auc).toBe(1);
  });

  it('for several classes: macro and weighted averages, one-vs-rest curves per class, no threshold', () => {
    const multi = classifier({ target: 'species', features: ['sepal_length', 'sepal_width'] }, split(iris, { stratify: 'species' }));
    const out = evaluate(multi, { threshold: 0.9 }) as ClassificationEvaluation;
    expect(out.binary).toBe(false);
    expect(out.metrics.confusion.matrix.flat().reduce((s, v) => s + v, 0)).toBe(30);
    expect(out.metrics.weighted).toBeDefined();
    expect(out.curves.map((c) => c.label)).toEqual(['setosa', 'versicolor', 'virginica']);
    // a threshold does not change an argmax decision
    expect(out.metrics).toEqual((evaluate(multi) as ClassificationEvaluation).metrics);
    // the most probable class of each row, counted from labels, with the weighted average read from them
    const { byClass } = (multi as ClassifierOutput).scores.test!;
    const predicted = out.actual.map((_, i) => out.classes[[0, 1, 2].reduce((best, k) => (byClass[k][i] > byClass[best][i] ? k : best), 0)]);
    expect(out.metrics.confusion).toEqual(confusionMatrix(out.actual, predicted, out.classes));
    expect(out.metrics.weighted).toEqual(precisionRecallF1(out.actual, predicted, { average: 'weighted', labels: out.classes }));
  });
});

describe('evaluate cell: inputs', () => {
  it('refuses an input that is not a model', () => {
    expect(() => evaluate({ table: iris })).toThrow(/not a fitted model/);
  });

  it('refuses a part the model does not have', () => {
    const model = regression({ target: 'MEDV', features: ['RM'] }, { table: houses });
    expect(() => evaluate(model, { part: 'test' })).toThrow(/no test part/);
  });

  it('waits with its input', () => {
    expect(evaluate({ waiting: 'Upload a CSV' })).toEqual({ waiting: 'Upload a CSV' });
  });
});
