// What training reaches, against optima no one here computed: a network without hidden layers
// is logistic (or linear) regression, so its training loss must come within 1 % of
// scikit-learn's unpenalised LogisticRegression log loss (or numpy lstsq's mean squared error)
// on the same rows (tests/fixtures/nn/linear-models.json, scripts/make-nn-fixtures.py). And a
// 2 × 8 tanh network learns Playground's spiral from the raw x1, x2 (no crosses).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../src/lib/nn/session';
import type { NetworkSpec } from '../../../src/lib/nn/types';
import { useBackend } from './backends';
import { generatedRows } from './data';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/nn/linear-models.json', import.meta.url), 'utf8')) as {
  logistic: { rows: number; X: number[]; y: number[]; logLoss: number };
  regression: { rows: number; X: number[]; y: number[]; mse: number };
};

const linearSpec = (task: 'binary' | 'regression', inputs: number): NetworkSpec => ({ task, inputs, outputs: 1, hidden: [], outputL1: 0, outputL2: 0, seed: 1 });

describe('networks without hidden layers reach the exact solutions', () => {
  it('binary: log loss within 1 % of scikit-learn LogisticRegression(penalty=None)', async () => {
    await useBackend('cpu');
    const { rows, X, y, logLoss } = fixture.logistic;
    const session = await createSession(
      linearSpec('binary', 3),
      { optimizer: 'adam', learningRate: 0.1, batchSize: 'full', epochs: 400 },
      { X: Float32Array.from(X), y: Float32Array.from(y), rows },
      null,
    );
    expect(await session.run()).toBe('finished');
    const final = session.history.at(-1)!.trainLoss;
    expect(final).toBeGreaterThan(logLoss * (1 - 1e-4)); // cannot beat the optimum (beyond float32 rounding)
    expect(final).toBeLessThan(logLoss * 1.01);
    session.dispose();
  });
  it('regression: mean squared error within 1 % of numpy lstsq', async () => {
    await useBackend('cpu');
    const { rows, X, y, mse } = fixture.regression;
    const session = await createSession(
      linearSpec('regression', 3),
      { optimizer: 'adam', learningRate: 0.05, batchSize: 'full', epochs: 300 },
      { X: Float32Array.from(X), y: Float32Array.from(y), rows },
      null,
    );
    expect(await session.run()).toBe('finished');
    const final = session.history.at(-1)!.trainLoss;
    expect(final).toBeGreaterThan(mse * (1 - 1e-4));
    expect(final).toBeLessThan(mse * 1.01);
    expect(session.history.at(-1)!.trainAccuracy).toBeNull();
    session.dispose();
  });
});

describe('spiral', () => {
  it('2 hidden layers × 8 tanh, inputs x1 and x2 only: training accuracy ≥ 0.9 (seed 1, 300 rows, noise 0)', async () => {
    await useBackend('cpu');
    const data = generatedRows('spiral', 300, 0, 1);
    const tanh8 = { units: 8, activation: 'tanh' as const, l1: 0, l2: 0, dropout: 0 };
    const session = await createSession(
      { task: 'binary', inputs: 2, outputs: 1, hidden: [tanh8, tanh8], outputL1: 0, outputL2: 0, seed: 1 },
      { optimizer: 'adam', learningRate: 0.03, batchSize: 'full', epochs: 600 },
      data,
      null,
    );
    await session.run();
    expect(session.history.at(-1)!.trainAccuracy).toBeGreaterThanOrEqual(0.9);
    session.dispose();
  });
});
