// The notebook "Build a notebook" plans, run cell by cell through the cells'
// own run functions, fits the same model as the engine fitted directly on
// the split's prepared training part and as scikit-learn on the same rows
// (tests/fixtures/build/*.json, from scripts/make-build-fixtures.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitLinear } from '../../../src/lib/ml/linear';
import { fitLogistic } from '../../../src/lib/ml/logistic';
import { designMatrix, labelTarget, numericTarget } from '../../../src/lib/ml/design';
import type { RegressionOutput } from '../../../src/cells/regression/run';
import type { ClassifierOutput } from '../../../src/cells/classifier/run';
import type { SplitCellOutput } from '../../../src/cells/split/run';
import type { BaselineOutput } from '../../../src/cells/baseline/run';
import { BUILT_IDS } from '../../../src/lib/notebook/build/plan';
import { planFor, runBlocks } from './run-built';

interface Fixture {
  file: string;
  features: string[];
  penalty: 'none' | 'l2';
  alpha?: number;
  trainRows: number;
  testRows: number;
  intercept?: number;
  intercepts?: number[];
  coefficients: number[] | number[][];
  classes?: string[];
  test: Record<string, number>;
  baseline?: { mean: number; testMse: number; prediction: string; testAccuracy: number; testLogLoss: number };
}

const fixture = (name: string): Fixture => JSON.parse(readFileSync(`tests/fixtures/build/${name}.json`, 'utf8'));

/** |a − b| ≤ tolerance · max(1, |b|), element by element. */
function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i]), `element ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected[i])));
  }
}

describe.each(['patients', 'plain'])('built regression notebook on %s.csv', (name) => {
  const reference = fixture(name);
  it('runs without a cell in error, and its model equals the engine fit and scikit-learn to 1e-8', async () => {
    const { plan, table } = planFor(reference.file);
    const { outputs, errors } = await runBlocks(plan.blocks, table);
    expect(errors).toEqual({});
    expect(plan.design.modelFeatures).toEqual(reference.features);
    expect(plan.design.penalty).toBe(reference.penalty);

    const split = outputs[BUILT_IDS.split] as SplitCellOutput;
    expect(split.sizes).toEqual({ train: reference.trainRows, test: reference.testRows });
    const model = outputs[BUILT_IDS.model] as RegressionOutput;
    const coefficients = [model.model.intercept, ...model.model.coefficients];
    expectClose(coefficients, [reference.intercept!, ...(reference.coefficients as number[])], 1e-8);

    // The engine on the split's prepared training part, directly.
    const direct = fitLinear(designMatrix(split.train, reference.features).X, numericTarget(split.train, plan.design.target), {
      l2: reference.penalty === 'l2' ? reference.alpha : 0,
    });
    expectClose(coefficients, [direct.model.intercept, ...direct.model.coefficients], 1e-10);

    expectClose([model.metrics.test!.r2, model.metrics.test!.mse], [reference.test.r2, reference.test.mse], 1e-8);
    const baseline = outputs[BUILT_IDS.baseline] as BaselineOutput;
    if (baseline.task !== 'regression') throw new Error(`a ${baseline.task} baseline for a regression`);
    expectClose([baseline.prediction, baseline.metrics.test!.mse], [reference.baseline!.mean, reference.baseline!.testMse], 1e-10);
  }, 60_000);
});

describe('built classification notebook on iris.csv', () => {
  const reference = fixture('iris');
  it('runs without a cell in error; its softmax model equals the engine fit and scikit-learn (newton-cg) to 1e-8', async () => {
    const { plan, table } = planFor(reference.file);
    const { outputs, errors } = await runBlocks(plan.blocks, table);
    expect(errors).toEqual({});
    const split = outputs[BUILT_IDS.split] as SplitCellOutput;
    const model = outputs[BUILT_IDS.model] as ClassifierOutput;
    expect(model.model.classes).toEqual(reference.classes);
    const direct = fitLogistic(designMatrix(split.train, reference.features).X, labelTarget(split.train, 'species'), { l2: 0.01 });
    model.model.coefficients.forEach((row, k) => {
      expectClose([model.model.intercept[k], ...row], [direct.model.intercept[k], ...direct.model.coefficients[k]], 1e-10);
      expectClose([model.model.intercept[k], ...row], [reference.intercepts![k], ...(reference.coefficients as number[][])[k]], 1e-8);
    });
    expectClose([model.metrics.test!.accuracy, model.metrics.test!.logLoss], [reference.test.accuracy, reference.test.logLoss], 1e-8);
    // The majority-class baseline is scikit-learn's DummyClassifier(strategy="prior").
    const baseline = outputs[BUILT_IDS.baseline] as BaselineOutput;
    expect(baseline.task === 'classification' && String(baseline.prediction)).toBe(reference.baseline!.prediction);
    const judged = baseline.metrics.test as { accuracy: number; logLoss: number };
    expectClose([judged.accuracy, judged.logLoss], [reference.baseline!.testAccuracy, reference.baseline!.testLogLoss], 1e-10);
  }, 60_000);
});
