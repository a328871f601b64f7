import { describe, expect, it } from 'vitest';
import { crossValidate, kFold, leaveOneOut, learningCurveSizes } from '../../../src/lib/validation';
import { splits } from './fixtures';

describe('crossValidate', () => {
  it('scores every fold and summarises with the mean and the sample std', async () => {
    const folds = kFold(10, 4);
    const result = await crossValidate(10, folds, async (train, test) => ({ size: test.length, first: train[0] }));
    expect(result.folds.map((f) => f.scores.size)).toEqual([3, 3, 2, 2]);
    expect(result.mean.size).toBe(2.5);
    expect(result.std.size).toBeCloseTo(Math.sqrt(1 / 3), 14); // deviations ±0.5, sum of squares 1, n − 1 = 3
    expect(result.folds.map((f) => [f.trainSize, f.testSize])).toEqual([[7, 3], [7, 3], [8, 2], [8, 2]]);
    for (const f of result.folds) expect(f.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('stores a plain number as { score }', async () => {
    const result = await crossValidate(4, leaveOneOut(4), async (_train, test) => test[0]);
    expect(result.mean).toEqual({ score: 1.5 });
    expect(result.folds.map((f) => f.scores.score)).toEqual([0, 1, 2, 3]);
  });

  it('measures time per fold', async () => {
    const result = await crossValidate(6, kFold(6, 2), (_train, test) => new Promise((r) => setTimeout(() => r(test.length), 30)));
    for (const f of result.folds) expect(f.elapsedMs).toBeGreaterThanOrEqual(25);
  });

  it('reports progress and stops at the next fold once aborted', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    let calls = 0;
    const run = crossValidate(
      20,
      kFold(20, 5),
      async () => {
        calls++;
        return 1;
      },
      {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p.done);
          expect(p.total).toBe(5);
          if (p.done === 2) controller.abort();
        },
      },
    );
    await expect(run).rejects.toThrow(/abort/i);
    expect(calls).toBe(2);
    expect(seen).toEqual([1, 2]);
  });

  it('yields to the event loop between folds', async () => {
    const order: string[] = [];
    const run = crossValidate(4, kFold(4, 2), async () => {
      order.push('fold');
      setTimeout(() => order.push('timer'), 0);
      return 0;
    });
    await run;
    expect(order).toEqual(['fold', 'timer', 'fold', 'timer']);
  });

  it('rejects indices outside the table and inconsistent score names', async () => {
    await expect(crossValidate(3, kFold(4, 2), async () => 0)).rejects.toThrow(/row 3, but the table has rows 0 to 2/);
    let i = 0;
    await expect(crossValidate(4, kFold(4, 2), async (): Promise<Record<string, number>> => (i++ === 0 ? { r2: 1 } : { mse: 1 }))).rejects.toThrow(/fold 2 returned the scores \{mse\}/);
  });
});

describe('learningCurveSizes like learning_curve(train_sizes=np.linspace(0.1, 1, steps))', () => {
  for (const c of splits.learning_curve) {
    it(`n=${c.n}, steps=${c.steps}`, () => {
      expect(learningCurveSizes(c.n, c.steps)).toEqual(c.sizes);
    });
  }

  it('explains bad input', () => {
    expect(() => learningCurveSizes(0)).toThrow(/at least 1/);
    expect(() => learningCurveSizes(10, 1)).toThrow(/at least 2 sizes/);
  });
});
