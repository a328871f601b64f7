// The page's side of the CSV worker: readCsvInWorker sends a file to the
// worker as the 'csv.read' task of the shared worker protocol (lib/worker)
// and resolves with the Table and its summary. Reads run one at a time, in
// the order asked. Cancelling (the signal) rejects at once with a CsvError
// 'aborted'; the worker stops at its next slice, or is replaced if it does
// not stop soon (it may be in the ordinary path's one long synchronous parse).
// Where there are no workers (Node) the same task runs in-process.

import { transfer } from 'comlink';
import { createTaskRunner, type TaskRunner, type WorkerLike } from '../../worker/client';
import { CsvError } from './errors';
import type { CsvOptions, ProgressCallback } from './options';
import { tableFromMessage, type CsvReadArgs, type CsvReadProgress, type CsvReadReply } from './protocol';
import type { CsvReadResult } from './read';
import { csvTasks } from './task';
import type { ColumnSummary } from '../summary';

/** A read done in the worker also brings the column summary, computed there. */
export interface CsvWorkerResult extends CsvReadResult {
  summaries: ColumnSummary[];
}

export interface ReadControls {
  /** Aborting rejects the read with a CsvError whose code is 'aborted'. */
  signal?: AbortSignal;
  /** The fraction read and, where known, the data rows read so far. */
  onProgress?: ProgressCallback;
}

export type { WorkerLike };
export type WorkerFactory = () => WorkerLike;

export interface CsvReader {
  /** An ArrayBuffer source is transferred to the worker, not copied: the caller's buffer is emptied. */
  read(source: Blob | ArrayBuffer | string, options?: CsvOptions, controls?: ReadControls): Promise<CsvWorkerResult>;
  /** Stops the worker. */
  dispose(): void;
}

/** How long a cancelled read may take to reach its next slice before its worker is replaced, in ms. */
const CANCEL_GRACE_MS = 1000;

function abortedError(): CsvError {
  return new CsvError({ code: 'aborted', message: 'Reading the file was cancelled.' });
}

/** A reader on a worker from `createWorker`, or in this thread when there is none. */
export function createCsvReader(createWorker?: WorkerFactory): CsvReader {
  const runner: TaskRunner = createTaskRunner({ tasks: csvTasks, createWorker, cancelGraceMs: CANCEL_GRACE_MS });

  async function read(source: Blob | ArrayBuffer | string, options: CsvOptions = {}, controls: ReadControls = {}): Promise<CsvWorkerResult> {
    const { signal, onProgress } = controls;
    if (signal?.aborted) throw abortedError();
    const args: CsvReadArgs = { file: source, options };
    let reply: CsvReadReply;
    try {
      reply = await runner.run<CsvReadReply, CsvReadProgress>(
        'csv.read',
        // An ArrayBuffer moves to the worker without a copy (the caller keeps a copy if it needs one).
        source instanceof ArrayBuffer ? transfer(args, [source]) : args,
        { signal, where: createWorker ? 'worker' : 'inline', onProgress: onProgress && ((p) => onProgress(p.fraction, p.rows)) },
      );
    } catch (error) {
      if (signal?.aborted) throw abortedError();
      const detail = error instanceof Error ? error.message : String(error);
      throw new CsvError({ code: 'internal', message: `The CSV reader stopped unexpectedly (${detail}).` });
    }
    if (reply.type === 'error') throw new CsvError(reply.error);
    try {
      return { table: tableFromMessage(reply.table), meta: reply.meta, summaries: reply.summaries };
    } catch (error) {
      throw new CsvError({ code: 'internal', message: `The CSV reader sent a broken table (${String(error)}).` });
    }
  }

  return { read, dispose: () => runner.dispose() };
}

function createCsvWorker(): WorkerLike {
  return new Worker(new URL('./csv.worker.ts', import.meta.url), { type: 'module', name: 'fitbook CSV reader' });
}

let shared: CsvReader | null = null;

/** Reads a CSV File, bytes or text in a Web Worker (in this thread where there are no workers). */
export function readCsvInWorker(
  source: Blob | ArrayBuffer | string,
  options: CsvOptions = {},
  controls: ReadControls = {},
): Promise<CsvWorkerResult> {
  shared ??= createCsvReader(typeof Worker === 'undefined' ? undefined : createCsvWorker);
  return shared.read(source, options, controls);
}
