// Gradient descent on TensorFlow.js (cpu backend in Node) against the exact float64 solvers,
// which are themselves checked against NIST and scikit-learn. Problems are standardised and
// well conditioned so float32 gradient descent can converge to ~1e-3 in a few hundred steps.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { selectBackend } from '../../../src/lib/ml/backend';
import { fitLinearGD } from '../../../src/lib/ml/gd/linear-gd';
import { fitLogisticGD } from '../../../src/lib/ml/gd/logistic-gd';
import { OPTIMIZERS } from '../../../src/lib/ml/gd/optimizers';
import { fitLinear, predictLinear } from '../../../src/lib/ml/linear';
import { fitLogistic } from '../../../src/lib/ml/logistic';
import { matrixFromColumns, type Matrix } from '../../../src/lib/ml/matrix';
import { mse } from '../../../src/lib/ml/metrics';
import { gaussian } from '../../../src/lib/ml/random';
import { floatStream } from '../../../src/lib/data/random';
import { maxRelativeError, readDataset, standardiseMatrix } from './datasets';

function synthetic(n: number, beta: number[], noise: number, seed: number): { X: Matrix; y: Float64Array } {
  const g = gaussian(floatStream(seed));
  const cols = beta.map(() => Float64Array.from({ length: n }, () => g()));
  const y = Float64Array.from({ length: n }, (_, i) => 1.5 + beta.reduce((s, b, j) => s + b * cols[j][i], 0) + noise * g());
  return { X: matrixFromColumns(cols), y };
}

const linearParams = (m: { intercept: number; coefficients: Float64Array }) => [m.intercept, ...m.coefficients];
const logisticParams = (m: { intercept: Float64Array; coefficients: Float64Array[] }) =>
  m.coefficients.flatMap((row, k) => [m.intercept[k], ...row]);

beforeAll(async () => {
  const report = await selectBackend({ preference: 'cpu' });
  expect(report.backend).toBe('cpu');
});

describe('linear regression by gradient descent', () => {
  const { X, y } = synthetic(200, [2, -1, 0.5], 0.3, 7);
  it('full batch reaches the exact OLS solution', async () => {
    const exact = fitLinear(X, y).model;
    const gd = await fitLinearGD(X, y, { optimizer: 'sgd', learningRate: 0.5, epochs: 300, evaluateEvery: 50 });
    expect(gd.solver).toBe('gradient-descent');
    expect(gd.backend).toBe('cpu');
    expect(maxRelativeError(linearParams(gd.model), linearParams(exact))).toBeLessThan(1e-3);
    // predictions take raw inputs: the standardisation lives inside the model
    expect(mse(y, predictLinear(gd.model, X))).toBeCloseTo(mse(y, predictLinear(exact, X)), 4);
    expect(gd.standardization.mean.length).toBe(3);
  });
  it('ridge and lasso penalties match the exact solver', async () => {
    for (const penalty of [{ l2: 0.2 }, { l1: 0.05 }]) {
      const exact = fitLinear(X, y, penalty).model;
      const gd = await fitLinearGD(X, y, { ...penalty, optimizer: 'sgd', learningRate: 0.3, epochs: 400, evaluateEvery: 100 });
      expect(maxRelativeError(linearParams(gd.model), linearParams(exact))).toBeLessThan(2e-3);
    }
  });
  it('polynomial terms and no intercept', async () => {
    const x = Float64Array.from({ length: 100 }, (_, i) => i / 50 - 1);
    const yp = x.map((v) => 1 - 2 * v + 0.5 * v * v);
    const exact = fitLinear(matrixFromColumns([x]), yp, { degree: 2 }).model;
    const gd = await fitLinearGD(matrixFromColumns([x]), yp, { degree: 2, optimizer: 'adam', learningRate: 0.05, epochs: 1500, evaluateEvery: 500 });
    expect(gd.model.terms.map((t) => t.name)).toEqual(['x1', 'x1^2']);
    expect(maxRelativeError(linearParams(gd.model), linearParams(exact))).toBeLessThan(1e-3);
    const noInt = await fitLinearGD(X, y, { intercept: false, optimizer: 'sgd', learningRate: 0.5, epochs: 200, evaluateEvery: 100 });
    const exactNoInt = fitLinear(X, y, { intercept: false }).model;
    expect(noInt.model.intercept).toBe(0);
    expect(maxRelativeError(noInt.model.coefficients, exactNoInt.coefficients)).toBeLessThan(1e-3);
  });
  it('every optimiser lowers the loss; mini-batches are seeded', async () => {
    for (const optimizer of OPTIMIZERS) {
      const fit = await fitLinearGD(X, y, { optimizer, learningRate: 0.05, epochs: 15, batchSize: 50 });
      expect(fit.history[fit.history.length - 1].trainLoss).toBeLessThan(fit.history[0].trainLoss);
    }
    const a = await fitLinearGD(X, y, { optimizer: 'sgd', learningRate: 0.05, epochs: 3, batchSize: 16, seed: 3 });
    const b = await fitLinearGD(X, y, { optimizer: 'sgd', learningRate: 0.05, epochs: 3, batchSize: 16, seed: 3 });
    const c = await fitLinearGD(X, y, { optimizer: 'sgd', learningRate: 0.05, epochs: 3, batchSize: 16, seed: 4 });
    expect(Array.from(a.model.coefficients)).toEqual(Array.from(b.model.coefficients));
    expect(Array.from(a.model.coefficients)).not.toEqual(Array.from(c.model.coefficients));
  });
  it('reports train and validation loss per evaluation', async () => {
    const seen: number[] = [];
    const fit = await fitLinearGD(X, y, {
      epochs: 10,
      evaluateEvery: 3,
      validationFraction: 0.25,
      onEpoch: (p) => {
        seen.push(p.epoch);
        expect(p.validationLoss).not.toBeNull();
        expect(p.epochs).toBe(10);
      },
    });
    expect(seen).toEqual([3, 6, 9, 10]);
    expect(fit.history).toHaveLength(4);
  });
  it('early stopping on validation loss keeps the best weights', async () => {
    // 25 rows, 20 noise features: the validation loss turns up once the noise is fitted.
    const g = gaussian(floatStream(11));
    const make = (n: number) => {
      const cols = Array.from({ length: 20 }, () => Float64Array.from({ length: n }, () => g()));
      return { X: matrixFromColumns(cols), y: Float64Array.from(cols[0], (v) => v + g()) };
    };
    const tr = make(25);
    const va = make(400);
    const fit = await fitLinearGD(tr.X, tr.y, {
      validation: va,
      optimizer: 'sgd',
      learningRate: 0.05,
      epochs: 2000,
      earlyStopping: { patience: 5 },
    });
    expect(fit.stoppedEarly).toBe(true);
    expect(fit.epochsRun).toBeLessThan(2000);
    const best = Math.min(...fit.history.map((h) => h.validationLoss!));
    expect(fit.history.find((h) => h.epoch === fit.bestEpoch)!.validationLoss).toBe(best);
    expect(mse(va.y, predictLinear(fit.model, va.X))).toBeCloseTo(best, 3);
  });
});

describe('logistic regression by gradient descent', () => {
  it('binary, string labels, L2: matches the exact Newton solution', async () => {
    const data = readDataset('breast-cancer.csv');
    const X = standardiseMatrix(data.matrix(['mean_radius', 'mean_texture', 'mean_smoothness']));
    const labels = data.labels('diagnosis');
    const exact = fitLogistic(X, labels, { l2: 0.01 }).model;
    const gd = await fitLogisticGD(X, labels, { l2: 0.01, optimizer: 'sgd', learningRate: 2, epochs: 600, evaluateEvery: 200 });
    expect(gd.model.classes).toEqual(['benign', 'malignant']);
    expect(maxRelativeError(logisticParams(gd.model), logisticParams(exact))).toBeLessThan(1e-3);
  });
  it('balanced class weights match the exact solver', async () => {
    const data = readDataset('breast-cancer.csv');
    const X = standardiseMatrix(data.matrix(['mean_texture', 'mean_smoothness']));
    const labels = data.labels('diagnosis');
    const exact = fitLogistic(X, labels, { classWeight: 'balanced' }).model;
    const gd = await fitLogisticGD(X, labels, { classWeight: 'balanced', optimizer: 'sgd', learningRate: 3, epochs: 500, evaluateEvery: 250 });
    expect(maxRelativeError(logisticParams(gd.model), logisticParams(exact))).toBeLessThan(1e-3);
  });
  it('multinomial (softmax) with L2: matches the exact solution', async () => {
    const data = readDataset('iris.csv');
    const X = standardiseMatrix(data.matrix(['sepal_length', 'sepal_width']));
    const labels = data.labels('species');
    const exact = fitLogistic(X, labels, { l2: 0.01 }).model;
    const gd = await fitLogisticGD(X, labels, { l2: 0.01, optimizer: 'sgd', learningRate: 2, epochs: 800, evaluateEvery: 400 });
    expect(gd.model.multinomial).toBe(true);
    expect(maxRelativeError(logisticParams(gd.model), logisticParams(exact))).toBeLessThan(1e-3);
  });
});

describe('tensor hygiene and control', () => {
  const { X, y } = synthetic(60, [1, -1], 0.5, 3);
  const labels = Array.from(y, (v) => (v > 1.5 ? 'yes' : 'no'));
  it('50 fits leave tf.memory().numTensors at its baseline', async () => {
    const baseline = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) {
      if (i % 2 === 0) {
        await fitLinearGD(X, y, { epochs: 3, batchSize: i % 4 === 0 ? 16 : 'full', l1: 0.01, l2: 0.01, validationFraction: 0.2, earlyStopping: { patience: 1 } });
      } else {
        await fitLogisticGD(X, labels, { epochs: 3, batchSize: 20, optimizer: OPTIMIZERS[i % 5], classWeight: 'balanced' });
      }
    }
    expect(tf.memory().numTensors).toBe(baseline);
  });
  it('aborting mid-fit rejects with AbortError and leaks nothing', async () => {
    const baseline = tf.memory().numTensors;
    const controller = new AbortController();
    const epochs: number[] = [];
    await expect(
      fitLogisticGD(X, labels, {
        epochs: 1000,
        batchSize: 8,
        signal: controller.signal,
        onEpoch: (p) => {
          epochs.push(p.epoch);
          if (p.epoch === 3) controller.abort();
        },
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(epochs).toEqual([1, 2, 3]);
    expect(tf.memory().numTensors).toBe(baseline);
    const already = new AbortController();
    already.abort();
    await expect(fitLinearGD(X, y, { signal: already.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(tf.memory().numTensors).toBe(baseline);
  });
  it('never reads tensors synchronously while training', async () => {
    const dataSync = vi.spyOn(tf.Tensor.prototype, 'dataSync');
    const arraySync = vi.spyOn(tf.Tensor.prototype, 'arraySync');
    await fitLogisticGD(X, labels, { epochs: 5, batchSize: 16, validationFraction: 0.2 });
    await fitLinearGD(X, y, { epochs: 5 });
    expect(dataSync).not.toHaveBeenCalled();
    expect(arraySync).not.toHaveBeenCalled();
    dataSync.mockRestore();
    arraySync.mockRestore();
  });
  it('a diverging learning rate is reported, not returned as NaN', async () => {
    await expect(fitLinearGD(X, y.map((v) => v * 1e3), { optimizer: 'sgd', learningRate: 50, epochs: 200 })).rejects.toThrow(/diverged/);
  });
});

afterAll(() => {
  expect(tf.memory().numTensors).toBeGreaterThanOrEqual(0);
});
