// The worker's handler and the client, run in Node: a stand-in worker calls
// the real handler and passes messages through structuredClone with the
// transfer list, as postMessage does. The real Worker is covered end to end.

import { describe, expect, it } from 'vitest';
import { CsvError, createCsvReader, type WorkerLike } from '../../../src/lib/data/csv';
import { handleCsvRequest } from '../../../src/lib/data/csv/handler';
import type { CsvRequest, CsvResponse } from '../../../src/lib/data/csv/protocol';
import type { NumericColumn } from '../../../src/lib/data/table';
import { summarise } from '../../../src/lib/data/summary';
import { readCsvText } from '../../../src/lib/data/csv/read';
import { fixture } from './fixtures';

class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<CsvResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  requests = 0;
  /** Buffers the handler gave up, to check that they were transferred. */
  transferred: ArrayBuffer[] = [];

  /** Buffers the client gave up with its requests (an ArrayBuffer source is transferred). */
  sent: ArrayBuffer[] = [];

  postMessage(request: CsvRequest, transfer: Transferable[] = []): void {
    this.requests++;
    this.sent.push(...(transfer as ArrayBuffer[]));
    setTimeout(() => {
      if (this.terminated) return;
      void handleCsvRequest(request, (message, transfer) => {
        this.transferred.push(...(transfer as ArrayBuffer[]));
        const data = structuredClone(message, { transfer });
        if (!this.terminated) this.onmessage?.({ data } as MessageEvent<CsvResponse>);
      });
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

function factory() {
  const workers: FakeWorker[] = [];
  return {
    workers,
    create: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
  };
}

describe('handleCsvRequest', () => {
  it('reads a Blob, reports progress and transfers the numeric buffers', async () => {
    const messages: CsvResponse[] = [];
    const transfers: Transferable[][] = [];
    const request: CsvRequest = { id: 7, file: new Blob([fixture('labels.csv')]), options: {} };
    await handleCsvRequest(request, (m, t) => {
      messages.push(m);
      transfers.push(t);
    });
    const last = messages.at(-1)!;
    expect(last.type).toBe('result');
    if (last.type !== 'result') return;
    expect(last.id).toBe(7);
    expect(last.meta.rowCount).toBe(6);
    // length (numeric) and smoker (boolean) travel as transferred buffers.
    expect(transfers.at(-1)).toEqual([
      (last.table.columns[0] as NumericColumn).values.buffer,
      (last.table.columns[2] as NumericColumn).values.buffer,
    ]);
    const fractions = messages.flatMap((m) => (m.type === 'progress' ? [m.fraction] : []));
    // The whole (small) file is read in one chunk: one step, then the end.
    expect(fractions).toHaveLength(2);
    expect(fractions[0]).toBeGreaterThan(0);
    expect(fractions.at(-1)).toBe(1);
    // Progress messages also count the rows read.
    expect(messages.flatMap((m) => (m.type === 'progress' ? [m.rows] : [])).at(-1)).toBe(6);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThan(fractions[i - 1]);
  });

  it('sends the column summary computed in the worker, equal to summarising the table on the page', async () => {
    const messages: CsvResponse[] = [];
    await handleCsvRequest({ id: 3, file: new Blob([fixture('labels.csv')]), options: {} }, (m) => messages.push(m));
    const last = messages.at(-1)!;
    if (last.type !== 'result') throw new Error(`expected a result, got ${last.type}`);
    // The reference: the same file read and summarised directly, on this thread.
    expect(last.summaries).toEqual(summarise(readCsvText(fixture('labels.csv')).table));
    expect(last.summaries.map((s) => s.name)).toEqual(last.table.columns.map((c) => c.name));
  });

  it('says the browser ran out of memory, with the file size, when an allocation fails', async () => {
    const messages: CsvResponse[] = [];
    const blob = new Blob([fixture('labels.csv')]);
    // A stand-in for a file too big for memory: the read itself throws the engine's RangeError.
    Object.defineProperty(blob, 'slice', { value: () => { throw new RangeError('Array buffer allocation failed'); } });
    await handleCsvRequest({ id: 4, file: blob, options: {} }, (m) => messages.push(m));
    const last = messages.at(-1)!;
    expect(last).toMatchObject({ type: 'error', error: { code: 'too-large' } });
    if (last.type === 'error') expect(last.error.message).toMatch(/more than this browser can hold in memory/);
  });

  it('posts a CsvError as plain data', async () => {
    const messages: CsvResponse[] = [];
    await handleCsvRequest({ id: 1, file: 'a,b\n1\n', options: {} }, (m) => messages.push(m));
    expect(messages.at(-1)).toEqual(
      {
        id: 1,
        type: 'error',
        error: {
          code: 'bad-rows',
          line: 2,
          badRows: { count: 1, firstLines: [2], kept: 0 },
          message:
            '1 row has a different number of fields than the header (2): line 2. ' +
            'No row has the right number of fields, so there is nothing to keep: check the delimiter and the header.',
        },
      },
    );
    expect(messages.slice(0, -1).every((m) => m.type === 'progress')).toBe(true);
  });

  it('refuses a Blob over the limit', async () => {
    const messages: CsvResponse[] = [];
    await handleCsvRequest({ id: 2, file: new Blob([new Uint8Array(2048)]), options: { maxBytes: 1024 } }, (m) =>
      messages.push(m),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ type: 'error', error: { code: 'too-large' } });
  });
});

describe('createCsvReader', () => {
  it('resolves with the table, reports progress and reuses its worker', async () => {
    const f = factory();
    const reader = createCsvReader(f.create);
    const fractions: number[] = [];
    const first = await reader.read(new Blob([fixture('pipe.csv')]), {}, { onProgress: (x) => fractions.push(x) });
    expect(first.meta.delimiter).toBe('|');
    expect(first.table.rowCount).toBe(4);
    const a = first.table.columns[0] as NumericColumn;
    expect(a.values).toBeInstanceOf(Float64Array);
    expect(Array.from(a.values)).toEqual([1, 2, 3, 4]);
    expect(fractions.at(-1)).toBe(1);
    // The worker's copy was moved, not copied.
    expect(f.workers[0].transferred.every((b) => b.byteLength === 0)).toBe(true);

    // An ArrayBuffer source is transferred to the worker, not copied.
    const bytes = new TextEncoder().encode('x;y\n1;2\n').buffer;
    const second = await reader.read(bytes);
    expect(f.workers[0].sent).toEqual([bytes]);
    expect(second.meta.delimiter).toBe(';');
    expect(f.workers).toHaveLength(1);
    expect(f.workers[0].requests).toBe(2);
    reader.dispose();
    expect(f.workers[0].terminated).toBe(true);
  });

  it('rejects with the CsvError the worker reported', async () => {
    const reader = createCsvReader(factory().create);
    const error = await reader.read(new Blob([fixture('latin1.csv')])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvError);
    expect((error as CsvError).code).toBe('not-utf8');
    expect((error as CsvError).line).toBe(3);
  });

  it('runs simultaneous reads on separate workers', async () => {
    const f = factory();
    const reader = createCsvReader(f.create);
    const [a, b] = await Promise.all([reader.read('a\n1\n'), reader.read('b\n2\n3\n')]);
    expect([a.table.rowCount, b.table.rowCount]).toEqual([1, 2]);
    expect(f.workers).toHaveLength(2);
    // One is kept for later, the other terminated.
    expect(f.workers.filter((w) => w.terminated)).toHaveLength(1);
  });

  it('aborts: rejects with code "aborted" and terminates the busy worker', async () => {
    const f = factory();
    const reader = createCsvReader(f.create);
    const controller = new AbortController();
    const pending = reader.read('a\n1\n', {}, { signal: controller.signal });
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect((error as CsvError).code).toBe('aborted');
    expect(f.workers[0].terminated).toBe(true);
    // A signal aborted beforehand never starts a worker; the next read starts a fresh one.
    await expect(reader.read('a\n1\n', {}, { signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
    expect(f.workers).toHaveLength(1);
    expect((await reader.read('a\n1\n')).table.rowCount).toBe(1);
    expect(f.workers).toHaveLength(2);
  });

  it('turns a crashed worker into an internal error', async () => {
    const crashing: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage() {
        setTimeout(() => crashing.onerror?.({ message: 'boom' } as ErrorEvent), 0);
      },
      terminate() {},
    };
    const error = await createCsvReader(() => crashing)
      .read('a\n1\n')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'internal', message: 'The CSV reader stopped unexpectedly (boom).' });
  });
});
