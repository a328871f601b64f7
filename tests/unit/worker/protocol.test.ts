// The engine protocol in Node: the client and the host talk over a real
// MessageChannel (as a page and its worker do), with the same task table
// run in-process for comparison.
import { afterEach, describe, expect, it } from 'vitest';
import type { Table } from '../../../src/lib/data/table';
import { createTaskRunner, type TaskRunner } from '../../../src/lib/worker/client';
import { channelWorker } from './channel';
import type { TaskTable } from '../../../src/lib/worker/protocol';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

// Tasks written for the test: what they compute is checked by hand.
const tasks: TaskTable = {
  columnSums: (_args, { data }) => data.columns.filter((c) => c.type === 'numeric').map((c) => (c.values as Float64Array).reduce((a, b) => a + b, 0)),
  firstLabels: (args: { n: number }, { data }) => data.columns.filter((c) => c.type === 'categorical').map((c) => c.values.slice(0, args.n)),
  doubled: (_args, { data }) => ({ values: (data.columns[0].values as Float64Array).map((v) => 2 * v) }),
  passThrough: (_args, { data }) => ({ column: data.columns[0].values }),
  steps: async (args: { count: number }, _tables, ctx) => {
    for (let i = 1; i <= args.count; i++) {
      ctx.signal.throwIfAborted();
      ctx.progress(i);
      await tick();
    }
    return 'finished';
  },
  spin: (args: { ms: number }) => {
    const until = Date.now() + args.ms;
    while (Date.now() < until);
    return 'spun';
  },
  // Never settles and never looks at its signal: a worker stuck in a long synchronous step, as far as the page can tell.
  hangs: () => new Promise(() => {}),
  fails: () => {
    throw new Error('The features are collinear.');
  },
};

function table(rows: number): Table {
  const a = Float64Array.from({ length: rows }, (_, i) => i);
  const b = Float64Array.from({ length: rows }, (_, i) => (i % 7) - 3);
  const c = Array.from({ length: rows }, (_, i) => (i % 3 === 0 ? null : `k${i % 5}`));
  return {
    rowCount: rows,
    columns: [
      { name: 'a', type: 'numeric', values: a },
      { name: 'b', type: 'numeric', values: b },
      { name: 'c', type: 'categorical', values: c },
    ],
  };
}

let runner: TaskRunner | undefined;
afterEach(() => runner?.dispose());

function workerRunner(extra: Partial<Parameters<typeof createTaskRunner>[0]> = {}) {
  const started = { count: 0, terminated: 0 };
  runner = createTaskRunner({ tasks, createWorker: channelWorker(tasks, started), inlineBelow: 1000, ...extra });
  return { runner, started };
}

describe('engine task runner', () => {
  it('runs in-process without a worker (Node) and gives the same results as the worker', async () => {
    const data = table(5000);
    const inline = createTaskRunner({ tasks });
    const { runner } = workerRunner();
    const here = await inline.run('columnSums', {}, { tables: { data } });
    const there = await runner.run('columnSums', {}, { tables: { data } });
    expect(inline.stats).toMatchObject({ inline: 1, inWorker: 0 });
    expect(runner.stats).toMatchObject({ inline: 0, inWorker: 1 });
    // Independent reference: the sums of 0..n-1 and of the pattern (i % 7) - 3.
    let b = 0;
    for (let i = 0; i < 5000; i++) b += (i % 7) - 3;
    expect(here).toEqual([(4999 * 5000) / 2, b]);
    expect(there).toEqual(here);
  });

  it('sends a table once and refers to it by id afterwards', async () => {
    const { runner } = workerRunner();
    const data = table(200_000);
    for (let i = 0; i < 3; i++) await runner.run('columnSums', {}, { tables: { data } });
    expect(runner.stats.tablesSent).toBe(1);
    expect(await runner.held()).toHaveLength(1);
    // String columns arrive whole, in order, across their slices.
    const [labels] = await runner.run<(string | null)[][]>('firstLabels', { n: 200_000 }, { tables: { data } });
    expect(labels).toEqual(data.columns[2].values);
  });

  it('keeps at most maxTables tables, forgetting the least recently used', async () => {
    const { runner } = workerRunner({ maxTables: 2 });
    const tables = [table(2000), table(2001), table(2002)];
    for (const data of tables) await runner.run('columnSums', {}, { tables: { data } });
    expect(await runner.held()).toHaveLength(2);
    await runner.run('columnSums', {}, { tables: { data: tables[0] } });
    expect(runner.stats.tablesSent).toBe(4);
  });

  it('sends columns as shared memory when asked, without changing results', async () => {
    const { runner } = workerRunner({ shareMemory: true });
    const data = table(3000);
    const out = await runner.run<{ values: Float64Array }>('doubled', {}, { tables: { data } });
    expect(Array.from(out.values.subarray(0, 4))).toEqual([0, 2, 4, 6]);
    expect(out.values.length).toBe(3000);
  });

  it('never moves a held table column to the page', async () => {
    const { runner } = workerRunner();
    const data = table(3000);
    const first = await runner.run<{ column: Float64Array }>('passThrough', {}, { tables: { data } });
    expect(first.column.length).toBe(3000);
    const sums = await runner.run<number[]>('columnSums', {}, { tables: { data } });
    expect(sums[0]).toBe((2999 * 3000) / 2);
  });

  it('reports progress through the callback', async () => {
    const { runner } = workerRunner();
    const seen: number[] = [];
    const result = await runner.run('steps', { count: 4 }, { where: 'worker', onProgress: (n: number) => seen.push(n) });
    expect(result).toBe('finished');
    await tick();
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('brings a task error back with its message', async () => {
    const { runner } = workerRunner();
    await expect(runner.run('fails', {}, { where: 'worker' })).rejects.toThrow('The features are collinear.');
    await expect(createTaskRunner({ tasks }).run('fails', {})).rejects.toThrow('The features are collinear.');
    await expect(runner.run('nonexistent', {}, { where: 'worker' })).rejects.toThrow(/no task 'nonexistent'/);
    // The worker is still usable after an error.
    expect(await runner.run('steps', { count: 1 }, { where: 'worker' })).toBe('finished');
  });

  it('cancels a stepping task at its next check and keeps the worker', async () => {
    const { runner, started } = workerRunner();
    const controller = new AbortController();
    const seen: number[] = [];
    const run = runner.run('steps', { count: 10_000 }, { where: 'worker', signal: controller.signal, onProgress: (n: number) => seen.push(n) });
    while (seen.length < 3) await tick();
    controller.abort();
    await expect(run).rejects.toThrow(/cancel|abort/i);
    expect(await runner.run('steps', { count: 2 }, { where: 'worker' })).toBe('finished');
    expect(started.terminated).toBe(0);
    expect(seen.length).toBeLessThan(10_000);
  });

  it('replaces a worker stuck in a long step, and runs the next task on a fresh one', async () => {
    const { runner, started } = workerRunner({ cancelGraceMs: 20 });
    const controller = new AbortController();
    const stuck = runner.run('hangs', {}, { where: 'worker', signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 30));
    controller.abort();
    await expect(stuck).rejects.toThrow(/cancel|abort/i);
    expect(await runner.run('steps', { count: 1 }, { where: 'worker' })).toBe('finished');
    expect(started.terminated).toBe(1);
    expect(started.count).toBe(2);
  });

  it('rejects at once when the signal is already aborted, and drops a queued task that is cancelled', async () => {
    const { runner } = workerRunner();
    const controller = new AbortController();
    controller.abort();
    await expect(runner.run('steps', { count: 1 }, { where: 'worker', signal: controller.signal })).rejects.toThrow();
    const first = runner.run('spin', { ms: 50 }, { where: 'worker' });
    const second = new AbortController();
    const queued = runner.run('steps', { count: 1 }, { where: 'worker', signal: second.signal });
    second.abort();
    await expect(queued).rejects.toThrow();
    expect(await first).toBe('spun');
    expect(runner.stats.inWorker).toBe(1);
  });
});
