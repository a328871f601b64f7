// The worker's job, apart from the worker itself so that Node tests can run
// it: read the input, run the reader, post progress and then a result or an error.

import { checkSize } from './decode';
import { CsvError, type CsvErrorData } from './errors';
import { MAX_CSV_BYTES, formatMegabytes, type ProgressCallback } from './options';
import { transferList, type CsvRequest, type CsvResponse } from './protocol';
import { readCsvFast } from './fast';
import { readCsvText } from './read';
import { summarise } from '../summary';

export type Post = (message: CsvResponse, transfer: Transferable[]) => void;

/** Bytes read from a Blob at a time (each step can report progress). */
const READ_CHUNK_BYTES = 4 * 1024 * 1024;

/** Share of the progress bar given to reading a File; parsing gets the rest. */
const READ_SHARE = 0.2;

/** A Blob's bytes, read in slices; the size limit is checked before reading anything. */
export async function readBlob(blob: Blob, maxBytes: number, onProgress: ProgressCallback): Promise<Uint8Array> {
  checkSize(blob.size, maxBytes);
  const bytes = new Uint8Array(blob.size);
  for (let start = 0; start < blob.size; start += READ_CHUNK_BYTES) {
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

/** Share of the progress bar given to the fast path's reading; inference and the summary get the rest. */
const FAST_SHARE = 0.95;

/** The ordinary path: the whole text in memory, papaparse, then inference (read.ts). */
async function readOrdinary(file: Blob | ArrayBuffer | string, options: CsvRequest['options'], progress: ProgressCallback) {
  let input: string | ArrayBuffer | Uint8Array;
  let offset = 0;
  if (typeof file === 'string' || file instanceof ArrayBuffer) {
    input = file;
  } else {
    input = await readBlob(file, options.maxBytes ?? MAX_CSV_BYTES, (f) => progress(f * READ_SHARE));
    offset = READ_SHARE;
  }
  return readCsvText(input, options, (f) => progress(offset + f * (1 - offset)));
}

export async function handleCsvRequest(request: CsvRequest, post: Post): Promise<void> {
  const { id, file, options } = request;
  // Never backwards, also when the fast path reads a file twice or gives it to the ordinary path.
  let last = -1;
  const progress = (fraction: number, rows?: number) => {
    if (fraction <= last) return;
    last = fraction;
    post({ id, type: 'progress', fraction: last, ...(rows === undefined ? {} : { rows }) }, []);
  };
  try {
    // Files and bytes go through the fast path first (fast.ts); it returns null
    // when only the ordinary path can read the file exactly.
    const fast =
      typeof file === 'string'
        ? null
        : await readCsvFast(file instanceof ArrayBuffer ? new Uint8Array(file) : file, options, (f, rows) => progress(f * FAST_SHARE, rows));
    const { table, meta } = fast ?? (await readOrdinary(file, options, progress));
    if (fast) progress(1, meta.rowCount);
    // The summary is computed here, off the page's main thread (it scans every column).
    const summaries = summarise(table);
    post({ id, type: 'result', table, meta, summaries }, transferList(table));
  } catch (error) {
    const size = typeof file === 'string' ? undefined : file instanceof ArrayBuffer ? file.byteLength : file.size;
    post({ id, type: 'error', error: errorData(error, size) }, []);
  }
}
