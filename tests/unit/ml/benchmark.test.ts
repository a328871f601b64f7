// The benchmark tasks and the synthetic data they use (small sizes; timings are never asserted).
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../../../src/lib/ml/backend';
import { runBenchmark } from '../../../src/lib/ml/benchmark';
import { fitLinear } from '../../../src/lib/ml/linear';
import { syntheticData } from '../../../src/lib/ml/synthetic';
import { isAbortError, yieldToEventLoop, abortError } from '../../../src/lib/ml/yield';

describe('synthetic data and benchmark tasks', () => {
  it('synthetic data is seeded and follows its generating model', () => {
    const a = syntheticData(5000, 3, 9);
    expect(Array.from(syntheticData(5000, 3, 9).y.subarray(0, 5))).toEqual(Array.from(a.y.subarray(0, 5)));
    const fit = fitLinear(a.X, a.y).model;
    // raw coefficient j is beta_j / (1 + j) (the features are z_j scaled by 1 + j)
    a.beta.forEach((b, j) => expect(fit.coefficients[j]).toBeCloseTo(b / (1 + j), 1));
    const ones = a.labels.reduce((s, v) => s + v, 0);
    expect(ones).toBeGreaterThan(1500);
    expect(ones).toBeLessThan(3500);
  });
  it('runs all three tasks and reports the loss each reached', async () => {
    await selectBackend({ preference: 'cpu' });
    const lines: string[] = [];
    const results = await runBenchmark({ rows: 3000, features: 4, gd: { epochs: 2, batchSize: 500, optimizer: 'adam', learningRate: 0.05 } }, (l) => lines.push(l));
    expect(results.map((r) => r.task)).toEqual(['exact-linear', 'exact-logistic', 'gd-logistic']);
    expect(results[0].loss).toBeGreaterThan(0.8); // noise variance is 1
    expect(results[0].loss).toBeLessThan(1.2);
    expect(results[2].loss).toBeGreaterThanOrEqual(results[1].loss - 1e-6); // GD cannot beat the optimum
    expect(lines.length).toBeGreaterThan(3);
  });
  it('yield and abort helpers', async () => {
    await yieldToEventLoop();
    const c = new AbortController();
    c.abort();
    expect(isAbortError(abortError(c.signal))).toBe(true);
    expect(isAbortError(new Error('x'))).toBe(false);
  });
});
