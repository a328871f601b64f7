// The CSV reader as an engine task ('csv.read', see lib/worker/protocol.ts):
// the CSV worker (csv.worker.ts) runs it through the shared worker protocol,
// and Node (tests, scripts) runs the same function in-process. It reads the
// input, reports progress (fraction and rows read), and gives back the table
// with its column summary, or the CsvError as plain data (an Error would lose
// its code and line on the way from the worker). Cancelling aborts the read
// between slices.

import type { Task } from '../../worker/protocol';
import { summarise } from '../summary';
import { checkSize } from './decode';
import { CsvError, type CsvErrorData } from './errors';
import { readCsvFast } from './fast';
import { MAX_CSV_BYTES, formatMegabytes, type ProgressCallback } from './options';
import type { CsvReadArgs, CsvReadProgress, CsvReadReply } from './protocol';
import { readCsvText } from './read';

/** Bytes read from a Blob at a time by the ordinary path (each step can report progress). */
const READ_CHUNK_BYTES = 8 * 1024 * 1024;

/** Share of the progress bar given to reading a File on the ordinary path; parsing gets the rest. */
const READ_SHARE = 0.2;

/** Share of the progress bar given to the fast path's reading; inference and the summary get the rest. */
const FAST_SHARE = 0.95;

/** A Blob's bytes, read in slices; the size limit is checked before reading anything. */
export async function readBlob(blob: Blob, maxBytes: number, onProgress: ProgressCallback, signal?: AbortSignal): Promise<Uint8Array> {
  checkSize(blob.size, maxBytes);
  const bytes = new Uint8Array(blob.size);
  for (let start = 0; start < blob.size; start += READ_CHUNK_BYTES) {
    signal?.throwIfAborted();
    const end = Math.min(start + READ_CHUNK_BYTES, blob.size);
    bytes.set(new Uint8Array(await blob.slice(start, end).arrayBuffer()), start);
    onProgress(end / blob.size);
  }
  return bytes;
}

/** Out of memory in the worker: an allocation or a string over the engine's limit. */
function isOutOfMemory(error: unknown): boolean {
  return error instanceof RangeError && /allocation|memory|invalid (string|array|typed array) length|array buffer/i.test(error.message);
}

function errorData(error: unknown, size: number | undefined): CsvErrorData {
  if (error instanceof CsvError) return error.toData();
  if (isOutOfMemory(error)) {
    const what = size === undefined ? 'This file' : `This file (${formatMegabytes(size)})`;
    return {
      code: 'too-large',
      message: `${what} is more than this browser can hold in memory while reading it. Close other tabs and try again, or upload a sample of its rows.`,
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Reading the CSV file failed unexpectedly (${detail}).` };
}

/** The ordinary path: the whole text in memory, papaparse, then inference (read.ts). */
async function readOrdinary({ file, options }: CsvReadArgs, progress: ProgressCallback, signal: AbortSignal) {
  let input: string | ArrayBuffer | Uint8Array;
  let offset = 0;
  if (typeof file === 'string' || file instanceof ArrayBuffer) {
    input = file;
  } else {
    input = await readBlob(file, options.maxBytes ?? MAX_CSV_BYTES, (f) => progress(f * READ_SHARE), signal);
    offset = READ_SHARE;
  }
  return readCsvText(input, options, (f) => progress(offset + f * (1 - offset)));
}

/** Reads a CSV File, bytes or text: the table and its summary, or the error as data. */
export const readCsvTask: Task<CsvReadArgs, Promise<CsvReadReply>, CsvReadProgress> = async (args, _tables, ctx) => {
  const { file, options } = args;
  const { signal } = ctx;
  // Never backwards, also when the fast path reads a file twice or gives it to the ordinary path.
  let last = -1;
  const progress = (fraction: number, rows?: number) => {
    if (fraction <= last) return;
    last = fraction;
    ctx.progress(rows === undefined ? { fraction } : { fraction, rows });
  };
  try {
    // Files and bytes go through the fast path first (fast.ts); it returns null
    // when only the ordinary path can read the file exactly.
    const fast =
      typeof file === 'string'
        ? null
        : await readCsvFast(file instanceof ArrayBuffer ? new Uint8Array(file) : file, { ...options, signal }, (f, rows) => progress(f * FAST_SHARE, rows));
    signal.throwIfAborted();
    const { table, meta } = fast ?? (await readOrdinary(args, progress, signal));
    if (fast) progress(1, meta.rowCount);
    // The summary is computed here, off the page's main thread (it scans every column).
    const summaries = summarise(table);
    return { type: 'result', table, meta, summaries };
  } catch (error) {
    if (signal.aborted) throw error; // the protocol turns it into its own cancellation
    const size = typeof file === 'string' ? undefined : file instanceof ArrayBuffer ? file.byteLength : file.size;
    return { type: 'error', error: errorData(error, size) };
  }
};

/** The CSV worker's task table. */
export const csvTasks = { 'csv.read': readCsvTask };
