// The 'csv.read' task and the page's CSV client, run in Node: the client
// talks to the task through the shared worker protocol over a real
// MessageChannel (tests/unit/worker/channel.ts), so arguments and results are
// cloned and transferred as between a page and its worker. The real Worker is
// covered end to end (tests/e2e/csv-intake.spec.ts).

import { describe, expect, it } from 'vitest';
import { CsvError, createCsvReader } from '../../../src/lib/data/csv';
import { csvTasks, readCsvTask } from '../../../src/lib/data/csv/task';
import type { CsvReadArgs, CsvReadProgress, CsvReadReply } from '../../../src/lib/data/csv/protocol';
import type { CsvOptions } from '../../../src/lib/data/csv/options';
import type { NumericColumn } from '../../../src/lib/data/table';
import { summarise } from '../../../src/lib/data/summary';
import { readCsvText } from '../../../src/lib/data/csv/read';
import { channelWorker } from '../worker/channel';
import { fixture } from './fixtures';

/** Runs the task in this thread, collecting its progress. */
async function runTask(args: CsvReadArgs, signal = new AbortController().signal) {
  const progress: CsvReadProgress[] = [];
  const reply = await readCsvTask(args, {}, { signal, progress: (p) => progress.push(p) });
  return { reply, progress };
}

function resultOf(reply: CsvReadReply) {
  if (reply.type !== 'result') throw new Error(`expected a result, got ${JSON.stringify(reply)}`);
  return reply;
}

describe("the 'csv.read' task", () => {
  it('reads a Blob and reports progress with the rows read, never backwards', async () => {
    const { reply, progress } = await runTask({ file: new Blob([fixture('labels.csv')]), options: {} });
    const result = resultOf(reply);
    expect(result.meta.rowCount).toBe(6);
    expect((result.table.columns[0] as NumericColumn).values).toBeInstanceOf(Float64Array);
    const fractions = progress.map((p) => p.fraction);
    // The whole (small) file is read in one slice: one step, then the end.
    expect(fractions).toHaveLength(2);
    expect(fractions[0]).toBeGreaterThan(0);
    expect(fractions.at(-1)).toBe(1);
    expect(progress.at(-1)!.rows).toBe(6);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThan(fractions[i - 1]);
  });

  it('gives the column summary, equal to summarising the table read directly', async () => {
    const result = resultOf((await runTask({ file: new Blob([fixture('labels.csv')]), options: {} })).reply);
    // The reference: the same file read and summarised directly, by the ordinary path.
    expect(result.summaries).toEqual(summarise(readCsvText(fixture('labels.csv')).table));
    expect(result.summaries.map((s) => s.name)).toEqual(result.table.columns.map((c) => c.name));
  });

  it('says the browser ran out of memory, with the file size, when an allocation fails', async () => {
    const blob = new Blob([fixture('labels.csv')]);
    // A stand-in for a file too big for memory: the read itself throws the engine's RangeError.
    Object.defineProperty(blob, 'slice', { value: () => { throw new RangeError('Array buffer allocation failed'); } });
    const { reply } = await runTask({ file: blob, options: {} });
    expect(reply).toMatchObject({ type: 'error', error: { code: 'too-large' } });
    if (reply.type === 'error') expect(reply.error.message).toMatch(/more than this browser can hold in memory/);
  });

  it('gives a CsvError as plain data', async () => {
    const { reply } = await runTask({ file: 'a,b\n1\n', options: {} });
    expect(reply).toEqual({
      type: 'error',
      error: {
        code: 'bad-rows',
        line: 2,
        badRows: { count: 1, firstLines: [2], kept: 0 },
        message:
          '1 row has a different number of fields than the header (2): line 2. ' +
          'No row has the right number of fields, so there is nothing to keep: check the delimiter and the header.',
      },
    });
  });

  it('refuses a Blob over the limit before reading it', async () => {
    const { reply, progress } = await runTask({ file: new Blob([new Uint8Array(2048)]), options: { maxBytes: 1024 } });
    expect(progress).toHaveLength(0);
    expect(reply).toMatchObject({ type: 'error', error: { code: 'too-large' } });
  });

  it('stops between slices when cancelled', async () => {
    const lines = ['a,b'];
    for (let i = 0; i < 100_000; i++) lines.push(`${i},${i / 8}`); // 1.5 MB: more than the 512 KB sniffed first
    const controller = new AbortController();
    const progress: CsvReadProgress[] = [];
    // Slices of 64 KB: the read takes many of them; it is cancelled at the first progress.
    const options = { chunkBytes: 65536 } as CsvOptions;
    const read = readCsvTask({ file: new Blob([lines.join('\n')]), options }, {}, {
      signal: controller.signal,
      progress: (p) => {
        progress.push(p);
        controller.abort();
      },
    });
    await expect(read).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress).toHaveLength(1);
    expect(progress[0].rows).toBeLessThan(100_000);
  });
});

describe('createCsvReader, through the worker protocol', () => {
  it('resolves with the table and summary, reports progress with rows, and moves the columns', async () => {
    const reader = createCsvReader(channelWorker(csvTasks));
    const seen: [number, number | undefined][] = [];
    const first = await reader.read(new Blob([fixture('pipe.csv')]), {}, { onProgress: (f, rows) => seen.push([f, rows]) });
    expect(first.meta.delimiter).toBe('|');
    expect(first.table.rowCount).toBe(4);
    const a = first.table.columns[0] as NumericColumn;
    expect(a.values).toBeInstanceOf(Float64Array);
    expect(Array.from(a.values)).toEqual([1, 2, 3, 4]);
    expect(first.summaries[0]).toMatchObject({ name: first.table.columns[0].name, count: 4, mean: 2.5, min: 1, max: 4 });
    expect(seen.at(-1)).toEqual([1, 4]);

    // An ArrayBuffer source is transferred to the worker, not copied: the caller's buffer is emptied.
    const bytes = new TextEncoder().encode('x;y\n1;2\n').buffer;
    const second = await reader.read(bytes);
    expect(bytes.byteLength).toBe(0);
    expect(second.meta.delimiter).toBe(';');
    reader.dispose();
  });

  it('rejects with the CsvError the task reported, code and line kept', async () => {
    const reader = createCsvReader(channelWorker(csvTasks));
    const error = await reader.read(new Blob([fixture('latin1.csv')])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvError);
    expect((error as CsvError).code).toBe('not-utf8');
    expect((error as CsvError).line).toBe(3);
    reader.dispose();
  });

  it('runs reads asked together one after the other, on one worker', async () => {
    const started = { count: 0, terminated: 0 };
    const reader = createCsvReader(channelWorker(csvTasks, started));
    const [a, b] = await Promise.all([reader.read('a\n1\n'), reader.read('b\n2\n3\n')]);
    expect([a.table.rowCount, b.table.rowCount]).toEqual([1, 2]);
    expect(started.count).toBe(1);
    reader.dispose();
  });

  it('aborts: rejects with code "aborted" at once, and the next read works', async () => {
    const reader = createCsvReader(channelWorker(csvTasks));
    const controller = new AbortController();
    const pending = reader.read('a\n1\n', {}, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    // A signal aborted beforehand never starts a read.
    await expect(reader.read('a\n1\n', {}, { signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
    expect((await reader.read('a\n1\n')).table.rowCount).toBe(1);
    reader.dispose();
  });

  it('turns a crashed worker into an internal error', async () => {
    const reader = createCsvReader(() => {
      const endpoint = channelWorker({ 'csv.read': () => new Promise(() => {}) })();
      // The MessagePort stand-in is an EventTarget: an 'error' event is what a crashed Worker fires.
      setTimeout(() => (endpoint as unknown as EventTarget).dispatchEvent(Object.assign(new Event('error'), { message: 'boom' })), 10);
      return endpoint;
    });
    const error = await reader.read('a\n1\n').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'internal', message: 'The CSV reader stopped unexpectedly (The engine worker stopped (boom).).' });
  });

  it('runs in this thread when there is no worker', async () => {
    const result = await createCsvReader().read('a,b\n1,2\n');
    expect(result.table.rowCount).toBe(1);
    expect(result.summaries).toHaveLength(2);
  });
});
