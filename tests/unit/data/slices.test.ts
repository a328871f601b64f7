import { describe, expect, it } from 'vitest';
import { inSteps, runInSlices, runSized, runSteps, SLICED_ABOVE, type Steps } from '../../../src/lib/data/slices';
import { createRng, permutation, permutationSteps } from '../../../src/lib/data/random';
import { takeRows, takeRowsSteps, type Table } from '../../../src/lib/data/table';

/** Sums 0 … n−1 in steps of 10, counting the steps. */
function* sumSteps(n: number, seen: number[]): Steps<number> {
  let total = 0;
  yield* inSteps(n, (start, end) => {
    seen.push(start);
    for (let i = start; i < end; i++) total += i;
  }, 10);
  return total;
}

describe('work in slices', () => {
  it('inSteps covers [0, n) once, in order, and yields between steps only', () => {
    const seen: number[] = [];
    const steps = sumSteps(25, seen);
    let pauses = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) pauses++;
    expect(next.value).toBe((25 * 24) / 2);
    expect(seen).toEqual([0, 10, 20]);
    expect(pauses).toBe(2);
    expect(runSteps(sumSteps(0, []))).toBe(0);
  });

  it('gives the event loop turns between slices and returns what runSteps returns', async () => {
    let turns = 0;
    let done = false;
    const tick = () => {
      turns++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    // A budget of 0 ms pauses after every step: 300,000 rows are 10 steps.
    const sliced = await runInSlices(permutationSteps(300_000, 7), { budgetMs: 0 });
    done = true;
    expect(turns).toBeGreaterThanOrEqual(9);
    expect(Buffer.from(sliced.buffer).equals(Buffer.from(permutation(300_000, 7).buffer))).toBe(true);
  });

  it('stops with an AbortError when its signal is aborted between slices', async () => {
    const controller = new AbortController();
    setImmediate(() => controller.abort());
    await expect(runInSlices(permutationSteps(300_000, 1), { signal: controller.signal, budgetMs: 0 })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('runSized works at once below SLICED_ABOVE and returns a promise above it', async () => {
    const small = runSized(SLICED_ABOVE, permutationSteps(100, 3));
    expect(small).toBeInstanceOf(Int32Array);
    const large = runSized(SLICED_ABOVE + 1, permutationSteps(100, 3));
    expect(large).toBeInstanceOf(Promise);
    expect(await large).toEqual(small);
  });

  it('a shuffle in steps makes the same swaps as one loop (Durstenfeld\'s, written out here)', () => {
    const n = 100_003; // more than three steps, the last one ragged
    const rng = createRng(11);
    const expected = Int32Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [expected[i], expected[j]] = [expected[j], expected[i]];
    }
    expect(Buffer.from(permutation(n, 11).buffer).equals(Buffer.from(expected.buffer))).toBe(true);
    expect(Array.from(permutation(1, 11))).toEqual([0]);
    expect(permutation(0, 11)).toHaveLength(0);
  });

  it('takeRows in steps gathers numeric and text columns', () => {
    const table: Table = {
      rowCount: 5,
      columns: [
        { name: 'x', type: 'numeric', values: Float64Array.of(10, 11, 12, 13, 14) },
        { name: 'g', type: 'categorical', values: ['a', null, 'c', 'd', 'e'] },
      ],
    };
    const rows = [4, 1, 1, 0];
    const taken = runSteps(takeRowsSteps(table, rows));
    expect(taken.rowCount).toBe(4);
    expect(Array.from(taken.columns[0].values as Float64Array)).toEqual([14, 11, 11, 10]);
    expect(taken.columns[1].values).toEqual(['e', null, null, 'a']);
    expect(takeRows(table, rows)).toEqual(taken);
  });
});
