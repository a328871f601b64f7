// The page's side of the CSV worker: readCsvInWorker sends a file to a worker
// and resolves with the Table. Workers are reused: one idle worker is kept; a
// read that starts while another runs gets its own; an aborted read's worker
// is terminated (it is busy in synchronous code and cannot be interrupted).

import { CsvError } from './errors';
import type { CsvOptions, ProgressCallback } from './options';
import { tableFromMessage, type CsvRequest, type CsvResponse } from './protocol';
import type { CsvReadResult } from './read';
import type { ColumnSummary } from '../summary';

/** A read done in the worker also brings the column summary, computed there. */
export interface CsvWorkerResult extends CsvReadResult {
  summaries: ColumnSummary[];
}

export interface ReadControls {
  /** Aborting rejects the read with a CsvError whose code is 'aborted'. */
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
}

/** The part of Worker the client uses, so that tests can supply a stand-in. */
export interface WorkerLike {
  postMessage(message: CsvRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<CsvResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type WorkerFactory = () => WorkerLike;

export interface CsvReader {
  /** An ArrayBuffer source is transferred to the worker, not copied: the caller's buffer is emptied. */
  read(source: Blob | ArrayBuffer | string, options?: CsvOptions, controls?: ReadControls): Promise<CsvWorkerResult>;
  /** Terminates the idle worker. */
  dispose(): void;
}

function abortedError(): CsvError {
  return new CsvError({ code: 'aborted', message: 'Reading the file was cancelled.' });
}

export function createCsvReader(createWorker: WorkerFactory): CsvReader {
  let idle: WorkerLike | null = null;
  let nextId = 1;

  function read(source: Blob | ArrayBuffer | string, options: CsvOptions = {}, controls: ReadControls = {}) {
    const { signal, onProgress } = controls;
    if (signal?.aborted) return Promise.reject(abortedError());
    const worker = idle ?? createWorker();
    idle = null;
    const id = nextId++;

    return new Promise<CsvWorkerResult>((resolve, reject) => {
      const finish = (reuse: boolean) => {
        signal?.removeEventListener('abort', onAbort);
        worker.onmessage = null;
        worker.onerror = null;
        if (reuse && idle === null) idle = worker;
        else worker.terminate();
      };
      const onAbort = () => {
        finish(false);
        reject(abortedError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });

      worker.onmessage = (event) => {
        const message = event.data;
        if (message.id !== id) return;
        if (message.type === 'progress') {
          onProgress?.(message.fraction, message.rows);
        } else if (message.type === 'error') {
          finish(true);
          reject(new CsvError(message.error));
        } else {
          finish(true);
          try {
            resolve({ table: tableFromMessage(message.table), meta: message.meta, summaries: message.summaries });
          } catch (error) {
            reject(new CsvError({ code: 'internal', message: `The CSV reader sent a broken table (${String(error)}).` }));
          }
        }
      };
      worker.onerror = (event) => {
        finish(false);
        reject(new CsvError({ code: 'internal', message: `The CSV reader stopped unexpectedly (${event.message}).` }));
      };
      try {
        // An ArrayBuffer moves to the worker without a copy (the caller keeps a copy if it needs one).
        worker.postMessage({ id, file: source, options }, source instanceof ArrayBuffer ? [source] : []);
      } catch (error) {
        // E.g. a function in options, which cannot be cloned.
        finish(false);
        reject(new CsvError({ code: 'internal', message: `The file could not be sent to the CSV reader (${String(error)}).` }));
      }
    });
  }

  return {
    read,
    dispose() {
      idle?.terminate();
      idle = null;
    },
  };
}

function createCsvWorker(): WorkerLike {
  return new Worker(new URL('./csv.worker.ts', import.meta.url), { type: 'module' });
}

let shared: CsvReader | null = null;

/** Reads a CSV File, bytes or text in a Web Worker (browser only). */
export function readCsvInWorker(
  source: Blob | ArrayBuffer | string,
  options: CsvOptions = {},
  controls: ReadControls = {},
): Promise<CsvWorkerResult> {
  shared ??= createCsvReader(createCsvWorker);
  return shared.read(source, options, controls);
}
