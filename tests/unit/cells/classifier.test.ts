import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../../src/lib/data/csv/read';
import type { Table } from '../../../src/lib/data/table';
import { fitLogistic, predictClasses, predictProba } from '../../../src/lib/ml/logistic';
import { featureMatrix, labelTarget } from '../../../src/cells/shared/design';
import { labelColumnNames, runClassifier, runClassifierCell, type ClassifierOutput } from '../../../src/cells/classifier/run';
import { MAX_CLASSES } from '../../../src/cells/classifier/spec';
import { classifierSchema } from '../../../src/cells/classifier/schema';
import { judge, metricRows, predictLabels } from '../../../src/cells/classifier/evaluation';
import { classifierFigures, logOddsLine } from '../../../src/cells/classifier/figures';
import { runSplit } from '../../../src/cells/split/run';
import { splitSchema } from '../../../src/cells/split/schema';
import { runContext as context } from './context';

const shipped = (file: string): Table => readCsvText(readFileSync(`datasets/${file}`)).table;
const cancer = shipped('breast-cancer.csv');
const iris = shipped('iris.csv');

interface SklearnCase {
  dataset: string;
  name: string;
  classes: string[];
  coef: number[][];
  intercept: number[];
  logLoss: number;
}
const sklearn = (JSON.parse(readFileSync('tests/fixtures/sklearn/logistic.json', 'utf8')) as { cases: SklearnCase[] }).cases;
const sklearnCase = (dataset: string, name: string) => sklearn.find((c) => c.dataset === dataset && c.name === name)!;

function classify(options: Record<string, unknown>, table: unknown): ClassifierOutput {
  const input = (table as { parts?: true }).parts ? table : { table };
  return runClassifier(context(classifierSchema.parse({ input: 'd', ...options }), { d: input })) as ClassifierOutput;
}

function relClose(a: number, b: number, rel: number) {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));
}

const tiny = (x: number[], labels: Table['columns'][number]): Table => ({
  rowCount: x.length,
  columns: [{ name: 'x', type: 'numeric', values: Float64Array.from(x) }, labels],
});

describe('classifier cell: binary', () => {
  const features = ['mean_radius', 'mean_texture', 'mean_smoothness'];
  const out = classify({ target: 'diagnosis', features }, cancer);

  it('fits the exact engine on breast-cancer.csv, and matches scikit-learn 1.2', () => {
    const engine = fitLogistic(featureMatrix(cancer, features), labelTarget(cancer, 'diagnosis'), { featureNames: features });
    expect(out.classes).toEqual(['benign', 'malignant']);
    expect(out.binary).toBe(true);
    expect(Array.from(out.fit.model.coefficients[0])).toEqual(Array.from(engine.model.coefficients[0]));
    const reference = sklearnCase('breast-cancer.csv', 'binary-unpenalised');
    relClose(out.fit.model.intercept[0], reference.intercept[0], 1e-6);
    reference.coef[0].forEach((w, j) => relClose(out.fit.model.coefficients[0][j], w, 1e-6));
    relClose(out.metrics.train!.logLoss, reference.logLoss, 1e-9);
  });

  it('draws the boundary over the first two features with the third at its median, as scikit-learn\'s model predicts there', () => {
    const [figure] = classifierFigures(out, 0.5);
    const smoothness = Array.from(cancer.columns.find((c) => c.name === 'mean_smoothness')!.values as Float64Array).sort((a, b) => a - b);
    const median = smoothness.length % 2 ? smoothness[smoothness.length >> 1] : (smoothness[smoothness.length / 2 - 1] + smoothness[smoothness.length / 2]) / 2;
    expect(figure.layout.title!.text).toContain(`mean_smoothness = `);
    expect(figure.description).toContain('the other feature held at its training median');
    const { x, y, z } = figure.data[0] as { x: number[]; y: number[]; z: number[][] };
    const reference = sklearnCase('breast-cancer.csv', 'binary-unpenalised');
    for (const [i, j] of [[3, 5], [30, 40], [59, 0]]) {
      const logit = reference.intercept[0] + reference.coef[0][0] * x[i] + reference.coef[0][1] * y[j] + reference.coef[0][2] * median;
      expect(z[j][i]).toBeCloseTo(1 / (1 + Math.exp(-logit)), 4);
    }
  });

  it('lists Intercept then each feature, with the odds ratio e^w', () => {
    expect(out.coefficients!.map((r) => r.name)).toEqual(['Intercept', ...features]);
    expect(out.coefficients![1].estimate).toBe(out.fit.model.coefficients[0][0]);
    expect(out.coefficients![1].other).toBeCloseTo(Math.exp(out.fit.model.coefficients[0][0]), 12);
    expect(out.classCoefficients).toBeUndefined();
  });

  it('predicts as the engine does at the default threshold, and its metrics agree with counting', () => {
    const engine = predictClasses(out.fit.model, featureMatrix(cancer, features), 0.5);
    expect(out.predictions.train).toEqual(engine);
    const m = out.metrics.train!;
    const actual = out.scores.train!.actual;
    const hits = engine.filter((p, i) => p === actual[i]).length;
    expect(m.accuracy).toBeCloseTo(hits / cancer.rowCount, 12);
    expect(m.confusion.matrix.flat().reduce((s, v) => s + v, 0)).toBe(cancer.rowCount);
  });

  it('a higher threshold predicts fewer positives, each with at least that probability, without refitting', () => {
    const strict = classify({ target: 'diagnosis', features, threshold: 0.9 }, cancer);
    expect(strict.fit).toBe(out.fit); // the same fit object: the threshold did not refit
    const positives = (o: ClassifierOutput) => o.predictions.train!.filter((p) => p === 'malignant').length;
    expect(positives(strict)).toBeLessThan(positives(out));
    strict.predictions.train!.forEach((p, i) => expect(p === 'malignant').toBe(strict.scores.train!.byClass[1][i] >= 0.9));
    expect(strict.metrics.train!.precision).toBeGreaterThan(out.metrics.train!.precision);
    expect(strict.metrics.train!.recall).toBeLessThan(out.metrics.train!.recall);
    // Ranking metrics do not depend on the threshold.
    expect(strict.metrics.train!.auc).toBe(out.metrics.train!.auc);
  });

  it('refits when a fitting option changes', () => {
    const penalised = classify({ target: 'diagnosis', features, penalty: 'l2', alpha: 0.01 }, cancer);
    expect(penalised.fit).not.toBe(out.fit);
    const engine = fitLogistic(featureMatrix(cancer, features), labelTarget(cancer, 'diagnosis'), { l2: 0.01 });
    expect(penalised.fit.model.coefficients[0][2]).toBeCloseTo(engine.model.coefficients[0][2], 9);
    expect(Math.abs(penalised.fit.model.coefficients[0][2])).toBeLessThan(Math.abs(out.fit.model.coefficients[0][2]));
  });

  it('measures every part of a split, and its fitter scores as the cell does', () => {
    const split = runSplit(context(splitSchema.parse({ input: 'd', test: 0.25, seed: 3, stratify: 'diagnosis' }), { d: { table: cancer } }));
    const held = classify({ target: 'diagnosis', features }, split);
    expect(Object.keys(held.metrics)).toEqual(['train', 'test']);
    expect(held.metrics.test!.confusion.matrix.flat().reduce((s, v) => s + v, 0)).toBe(held.parts.test!.rowCount);
    const scores = held.fitter.fit(held.parts.train) as { score(t: Table): Record<string, number> };
    const test = scores.score(held.parts.test!);
    expect(Object.keys(test)).toEqual(['Accuracy', 'Error rate', 'Precision', 'Recall', 'F1', 'Log loss', 'AUC']);
    expect(test.Accuracy).toBe(held.metrics.test!.accuracy);
    expect(test['Log loss']).toBe(held.metrics.test!.logLoss);
    expect(held.fitter.errorMetric).toBe('Log loss');
  });

  it('the one-feature log-odds line is the fitted weight and intercept', () => {
    const one = classify({ target: 'diagnosis', features: ['mean_radius'] }, cancer);
    expect(logOddsLine(one.fit.model)).toEqual({ weight: one.fit.model.coefficients[0][0], intercept: one.fit.model.intercept[0] });
    const softmax = classify({ target: 'diagnosis', features: ['mean_radius'], multinomial: true }, cancer);
    const line = logOddsLine(softmax.fit.model);
    // softmax with two classes is the same model: its score difference is the sigmoid's log-odds
    expect(line.weight).toBeCloseTo(one.fit.model.coefficients[0][0], 6);
    expect(line.intercept).toBeCloseTo(one.fit.model.intercept[0], 5);
  });
});

describe('classifier cell: multiclass', () => {
  it('fits softmax on iris.csv as scikit-learn does, one coefficient column per class', () => {
    const out = classify({ target: 'species', features: ['sepal_width'] }, iris);
    const reference = sklearnCase('iris.csv', 'multinomial-unpenalised');
    expect(out.binary).toBe(false);
    expect(out.classes).toEqual(reference.classes);
    expect(out.coefficients).toBeUndefined();
    const { classes, rows } = out.classCoefficients!;
    expect(classes).toEqual(reference.classes);
    expect(rows.map((r) => r.name)).toEqual(['Intercept', 'sepal_width']);
    rows[0].values.forEach((b, k) => relClose(b, reference.intercept[k], 1e-6));
    rows[1].values.forEach((w, k) => relClose(w, reference.coef[k][0], 1e-6));
    relClose(out.metrics.train!.logLoss, reference.logLoss, 1e-9);
  });

  it('predicts the most probable class whatever the threshold, and reports macro and weighted averages', () => {
    const features = ['petal_length', 'petal_width'];
    const out = classify({ target: 'species', features, penalty: 'l2', alpha: 0.01 }, iris);
    const low = classify({ target: 'species', features, penalty: 'l2', alpha: 0.01, threshold: 0.05 }, iris);
    expect(low.predictions.train).toEqual(out.predictions.train);
    expect(out.predictions.train).toEqual(predictClasses(out.fit.model, featureMatrix(iris, features)));
    const names = metricRows([out.metrics.train!], false).map((r) => r.name);
    expect(names).toEqual([
      'Accuracy',
      'Error rate',
      'Precision (macro)',
      'Precision (weighted)',
      'Recall (macro)',
      'Recall (weighted)',
      'F1 (macro)',
      'F1 (weighted)',
      'Log loss',
      'AUC (one-vs-rest, macro)',
    ]);
    // iris has 50 rows of each class, so weighted and macro averages coincide
    expect(out.metrics.train!.weighted!.f1).toBeCloseTo(out.metrics.train!.f1, 12);
  });
});

describe('metrics worked out by hand on six rows', () => {
  // True: a a a b b b (b is the positive class); P(b) for each row:
  const actual = ['a', 'a', 'a', 'b', 'b', 'b'];
  const pb = [0.1, 0.4, 0.6, 0.35, 0.8, 0.9];
  const scores = { actual, byClass: [Float64Array.from(pb, (p) => 1 - p), Float64Array.from(pb)] };

  it('at threshold 0.5: predicted a a b a b b, so TN 2, FP 1, FN 1, TP 2', () => {
    const { predicted, metrics } = judge(scores, ['a', 'b'], 0.5);
    expect(predicted).toEqual(['a', 'a', 'b', 'a', 'b', 'b']);
    expect(metrics.confusion.matrix).toEqual([
      [2, 1],
      [1, 2],
    ]);
    expect(metrics.accuracy).toBeCloseTo(4 / 6, 12);
    expect(metrics.errorRate).toBeCloseTo(2 / 6, 12);
    expect(metrics.precision).toBeCloseTo(2 / 3, 12);
    expect(metrics.recall).toBeCloseTo(2 / 3, 12);
    expect(metrics.f1).toBeCloseTo(2 / 3, 12);
    // −mean log of the probability given to the true class
    const expected = -(Math.log(0.9) + Math.log(0.6) + Math.log(0.4) + Math.log(0.35) + Math.log(0.8) + Math.log(0.9)) / 6;
    expect(metrics.logLoss).toBeCloseTo(expected, 12);
    // of the 9 (positive, negative) pairs the positive scores higher in 7: 0.35 > 0.1 only, 0.8 and 0.9 beat all three
    expect(metrics.auc).toBeCloseTo(7 / 9, 12);
  });

  it('at threshold 0.3: every row but the first is called b, so TP 3, FP 2, TN 1', () => {
    const { predicted, metrics } = judge(scores, ['a', 'b'], 0.3);
    expect(predicted).toEqual(['a', 'b', 'b', 'b', 'b', 'b']);
    expect(metrics.confusion.matrix).toEqual([
      [1, 2],
      [0, 3],
    ]);
    expect(metrics.precision).toBeCloseTo(3 / 5, 12);
    expect(metrics.recall).toBe(1);
    expect(metrics.f1).toBeCloseTo(0.75, 12);
    expect(metrics.auc).toBeCloseTo(7 / 9, 12);
  });

  it('a probability exactly at the threshold counts as positive', () => {
    expect(predictLabels([Float64Array.of(0.4), Float64Array.of(0.6)], ['a', 'b'], 0.6)).toEqual(['b']);
  });

  it('says which labels the training part lacked instead of failing inside the metrics', () => {
    expect(() => judge({ actual: ['a', 'c'], byClass: [Float64Array.of(0.5, 0.5), Float64Array.of(0.5, 0.5)] }, ['a', 'b'], 0.5)).toThrow(
      /'c' .*not in the training part.*Stratify/,
    );
  });
});

describe('classifier cell: labels, separability and errors', () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8];

  it('warns that perfectly separable classes have no finite unpenalised fit, and an L2 penalty fixes it', () => {
    const separable = tiny(x, { name: 'y', type: 'numeric', values: Float64Array.of(0, 0, 0, 0, 1, 1, 1, 1) });
    const out = classify({ target: 'y', features: ['x'] }, separable);
    expect(out.separable).toBe(true);
    expect(out.fit.warnings.join(' ')).toMatch(/separable.*L2 penalty/);
    expect(out.metrics.train!.accuracy).toBe(1);
    const fixed = classify({ target: 'y', features: ['x'], penalty: 'l2', alpha: 0.1 }, separable);
    expect(fixed.separable).toBe(false);
    expect(fixed.fit.converged).toBe(true);
    expect(fixed.fit.warnings).toEqual([]);
  });

  it('does not warn when the classes overlap', () => {
    const overlapping = tiny(x, { name: 'y', type: 'numeric', values: Float64Array.of(0, 0, 1, 0, 1, 0, 1, 1) });
    expect(classify({ target: 'y', features: ['x'] }, overlapping).separable).toBe(false);
  });

  it('takes string labels as they are and boolean labels by their spelling', () => {
    const strings = tiny(x, { name: 'y', type: 'categorical', values: ['no', 'no', 'yes', 'no', 'yes', 'no', 'yes', 'yes'] });
    const booleans = tiny(x, { name: 'y', type: 'boolean', values: Float64Array.of(0, 0, 1, 0, 1, 0, 1, 1), labels: ['no', 'yes'] });
    const a = classify({ target: 'y', features: ['x'] }, strings);
    const b = classify({ target: 'y', features: ['x'] }, booleans);
    expect(a.classes).toEqual(['no', 'yes']);
    expect(b.classes).toEqual(['no', 'yes']);
    expect(b.fit.model.coefficients[0][0]).toBe(a.fit.model.coefficients[0][0]);
    expect(b.predictions.train).toEqual(a.predictions.train);
    const proba = predictProba(a.fit.model, featureMatrix(strings, ['x']));
    expect(Array.from(a.scores.train!.byClass[1])).toEqual(proba.map((p) => p[1]));
  });

  it('refuses a numeric target with many values, pointing to regression', () => {
    expect(() => classify({ target: 'mean_area', features: ['mean_radius'] }, cancer)).toThrow(/distinct values.*regression/);
  });

  it('trains by gradient descent (TensorFlow.js, CPU in Node) to the exact solution, reporting progress and the loss history', async () => {
    const options = classifierSchema.parse({
      input: 'd',
      target: 'diagnosis',
      features: ['mean_radius', 'mean_texture'],
      solver: 'gradient-descent',
      optimizer: 'adam',
      learningRate: 0.1,
      epochs: 400,
    });
    const ctx = context<typeof options>(options, { d: { table: cancer } });
    const out = (await runClassifierCell(ctx)) as ClassifierOutput;
    expect(out.solver).toBe('gradient-descent');
    expect(out.training!.epochsRun).toBe(400);
    // The exact Newton solution is the reference; float32 Adam lands close to it.
    const exact = out.fit.model;
    out.model.coefficients[0].forEach((w, j) => relClose(w, exact.coefficients[0][j], 1e-2));
    relClose(out.model.intercept[0], exact.intercept[0], 1e-2);
    expect(out.training!.history.at(-1)!.trainLoss).toBeCloseTo(out.fit.logLoss, 3);
    // The view saw progress rise to the end and the history grow.
    expect(ctx.progressSeen.at(-1)).toBe(1);
    expect(ctx.progressSeen.every((p, i) => i === 0 || p >= ctx.progressSeen[i - 1])).toBe(true);
    expect((ctx.partialsSeen.at(-1) as { history: unknown[] }).history.length).toBe(out.training!.history.length);
  });

  it('asks for replacement columns the data lacks, and offers label columns for the target', () => {
    expect(classify({ target: 'diagnosis', features: ['nope'] }, cancer)).toMatchObject({ needsColumns: true, missing: ['nope'] });
    const out = classify({ target: 'species', features: ['sepal_width'] }, iris);
    expect(out.labelColumns).toEqual(['species']);
    expect(out.numeric).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
  });

  it('offers a numeric column as a target when it has at most MAX_CLASSES distinct values (gaps not counted)', () => {
    const rows = 500;
    const column = (name: string, value: (i: number) => number) => ({ name, type: 'numeric' as const, values: Float64Array.from({ length: rows }, (_, i) => value(i)) });
    const table: Table = {
      rowCount: rows,
      columns: [
        column('grade', (i) => i % MAX_CLASSES),
        column('grade with gaps', (i) => (i % 7 === 0 ? NaN : i % MAX_CLASSES)),
        column('one too many', (i) => i % (MAX_CLASSES + 1)),
        column('measure', (i) => Math.sin(i) * 100),
      ],
    };
    expect(labelColumnNames(table)).toEqual(['grade', 'grade with gaps']);
  });

  it('validates its options strictly', () => {
    expect(classifierSchema.safeParse({ input: 'd', target: 'y', features: ['x'], threshold: 1.5 }).success).toBe(false);
    expect(classifierSchema.safeParse({ input: 'd', target: 'y', features: ['x'], colour: 'red' }).success).toBe(false);
    expect(classifierSchema.parse({ input: 'd', target: 'y', features: ['x'] })).toMatchObject({
      penalty: 'none',
      classWeight: 'none',
      threshold: 0.5,
      solver: 'exact',
    });
  });
});
