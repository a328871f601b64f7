// The CSV fast path: a File (or bytes) read in chunks and scanned row by row
// as bytes (scan.ts) so that numeric columns go straight into
// Float64Arrays, with no string per field and no copy of the whole text.
//
// It gives exactly what parse.ts + infer.ts (the ordinary path) give, or
// nothing: readCsvFast returns null whenever it cannot promise that (bytes
// that are not UTF-8, unusual quoting, a file that is empty or all comments),
// and the caller then reads the file the ordinary way, which also produces
// the precise error message. Every column starts out read as numbers; a
// column that meets a cell that is not a number (a name, a category, "1,5")
// is read again as text on a second pass over the file.

import { inferSources, parseNumber, type ColumnSource } from '../infer';
import { MISSING_MARKERS, missingTest } from '../missing';
import { checkNotBinary, checkSize } from './decode';
import { detectDelimiter } from './delimiter';
import { MAX_CSV_BYTES, type CsvOptions } from './options';
import { commentWarning, finalWarnings, leadingComments } from './parse';
import type { CsvReadResult } from './read';
import { Fallback, RowScanner } from './scan';

/** Bytes read at a time. */
export const FAST_CHUNK_BYTES = 8 * 1024 * 1024;

/** Slices being read ahead (by the browser, off this thread) while one is scanned. */
const READ_AHEAD = 2;

/**
 * Bytes looked at before reading rows, for the delimiter and leading comments:
 * enough for detectDelimiter's 64 K-character sample, so that it sees what it
 * would see in the whole text.
 */
const SNIFF_BYTES = 512 * 1024;
const DELIMITER_SAMPLE_CHARS = 64 * 1024;

/**
 * A column found not to be numeric within this many rows restarts the pass
 * after the current chunk; one found later, at the end of the pass (with
 * every other such column found too).
 */
const EARLY_RESTART_ROWS = 10_000;

/** Passes over the file before giving up to the ordinary path. */
const MAX_PASSES = 3;

export interface FastOptions extends CsvOptions {
  /** Bytes per read; tests use tiny ones to put chunk boundaries everywhere. */
  chunkBytes?: number;
  /** A column found not numeric before this many rows restarts the pass at once (tests set 0). */
  earlyRestartRows?: number;
  /** Checked before each slice: an aborted read throws the signal's reason. */
  signal?: AbortSignal;
}

/** Fraction of the file read, and the data rows read so far. */
export type RowProgress = (fraction: number, rows: number) => void;

type Source = Blob | Uint8Array;

function sizeOf(source: Source): number {
  return source instanceof Uint8Array ? source.byteLength : source.size;
}

async function bytesOf(source: Source, start: number, end: number): Promise<Uint8Array> {
  return source instanceof Uint8Array ? source.subarray(start, end) : new Uint8Array(await source.slice(start, end).arrayBuffer());
}

/** The position after `lines` line breaks (\n, \r\n or a lone \r each count once) from `pos`. */
function skipLines(bytes: Uint8Array, pos: number, lines: number): number {
  for (let k = 0; k < lines; k++) {
    while (pos < bytes.length && bytes[pos] !== 10 && bytes[pos] !== 13) pos++;
    pos += bytes[pos] === 13 && bytes[pos + 1] === 10 ? 2 : 1;
  }
  return pos;
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** bytes followed by more, in one array. */
function joined(bytes: Uint8Array, more: Uint8Array): Uint8Array {
  if (bytes.length === 0) return more;
  const all = new Uint8Array(bytes.length + more.length);
  all.set(bytes);
  all.set(more, bytes.length);
  return all;
}

/** The missing-value markers that read as numbers ("-999"): a number must then be checked against them. */
function hasNumericMarker(markers: readonly string[]): boolean {
  return [...MISSING_MARKERS, ...markers].some((m) => !Number.isNaN(parseNumber(m)));
}

type Pass = { scanner: RowScanner; delimiter: ',' | ';' | '\t' | '|' };

async function pass(source: Source, options: FastOptions, textColumns: ReadonlySet<number>, onProgress?: RowProgress): Promise<Pass> {
  const size = sizeOf(source);
  const chunk = options.chunkBytes ?? FAST_CHUNK_BYTES;
  const isMissing = missingTest(options.missingMarkers);
  const numericMarkers = hasNumericMarker(options.missingMarkers ?? []);
  const signal = options.signal;
  let pending: Uint8Array = new Uint8Array(0); // bytes not yet scanned: the start of an unfinished row
  let offset = 0;
  let scanner: RowScanner | null = null;
  let delimiter: Pass['delimiter'] = ',';
  let start = 0;
  // The next slices are being read (by the browser, off this thread) while this one is scanned.
  const ahead: Promise<Uint8Array>[] = [];
  let requested = 0;
  const readAhead = () => {
    while (ahead.length < READ_AHEAD + 1 && requested < size) {
      const read = bytesOf(source, requested, Math.min(requested + chunk, size));
      read.catch(() => undefined); // a pass that stops early never awaits it; its failure is not news
      ahead.push(read);
      requested = Math.min(requested + chunk, size);
    }
  };
  for (;;) {
    signal?.throwIfAborted();
    const end = Math.min(offset + chunk, size);
    const final = end === size;
    readAhead();
    const bytes = (await ahead.shift()) ?? new Uint8Array(0);
    readAhead();
    pending = joined(pending, bytes);
    offset = end;
    if (!scanner) {
      if (pending.length <= SNIFF_BYTES && !final) continue;
      const sniffed = sniff(pending, final, options);
      const expectedRows = estimateRows(pending, sniffed.start, size, final);
      scanner = new RowScanner(sniffed.delimiter.charCodeAt(0), textColumns, isMissing, numericMarkers, sniffed.firstLine, sniffed.warnings, expectedRows);
      delimiter = sniffed.delimiter;
      start = sniffed.start;
    }
    const consumed = scanner.scan(pending, start, pending.length, final);
    pending = pending.subarray(consumed);
    start = 0;
    onProgress?.(offset / size, scanner.rowCount);
    if (final) return { scanner, delimiter };
    if (scanner.firstFailureRow < (options.earlyRestartRows ?? EARLY_RESTART_ROWS)) return { scanner, delimiter };
  }
}

/**
 * The data rows to expect, from the line breaks in bytes[start, …) (the
 * file's start, or all of it when `final`): the numeric columns are made this
 * long at once. A little over, so that a file whose rows all have the same
 * length never grows them.
 */
function estimateRows(bytes: Uint8Array, start: number, size: number, final: boolean): number {
  let breaks = 0;
  const lf = bytes.indexOf(10, start) !== -1;
  for (let k = bytes.indexOf(lf ? 10 : 13, start); k !== -1; k = bytes.indexOf(lf ? 10 : 13, k + 1)) breaks++;
  if (final) return breaks + 1;
  const bytesPerRow = (bytes.length - start) / Math.max(breaks, 1);
  return Math.ceil(((size - start) / bytesPerRow) * 1.02) + 16;
}

interface Sniffed {
  delimiter: Pass['delimiter'];
  /** Where the rows start in the bytes (after a BOM and leading comments), and on which line. */
  start: number;
  firstLine: number;
  warnings: string[];
}

/** What parse.ts finds before reading rows (comments, the delimiter), from the start of the file. */
function sniff(bytes: Uint8Array, final: boolean, options: FastOptions): Sniffed {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !final });
  } catch {
    throw new Fallback('not UTF-8'); // the ordinary path says where
  }
  const comments = leadingComments(text.replace(/\r\n?/g, '\n'));
  // The delimiter is detected on the first 64 K characters after the comments,
  // which must all be here (with one more, as a \r at the end may change).
  if (!/\S/.test(comments.rest) || (!final && comments.rest.length <= DELIMITER_SAMPLE_CHARS + 1)) {
    throw new Fallback('empty, or mostly comments');
  }
  return {
    delimiter: !options.delimiter || options.delimiter === 'auto' ? detectDelimiter(comments.rest) : options.delimiter,
    start: skipLines(bytes, hasBom(bytes) ? 3 : 0, comments.lines),
    firstLine: comments.lines + 1,
    warnings: comments.count > 0 ? [commentWarning(comments.count)] : [],
  };
}

/**
 * The Table of a CSV File or bytes, the same as readCsvText would give, or
 * null when the fast path cannot promise that. Throws the CsvErrors of the
 * size limit, binary files, files with no rows and bad rows, as readCsvText does.
 */
export async function readCsvFast(source: Source, options: FastOptions = {}, onProgress?: RowProgress): Promise<CsvReadResult | null> {
  const size = sizeOf(source);
  checkSize(size, options.maxBytes ?? MAX_CSV_BYTES);
  checkNotBinary(await bytesOf(source, 0, Math.min(size, 8192)));
  const textColumns = new Set<number>();
  try {
    for (let attempt = 0; attempt < MAX_PASSES; attempt++) {
      const { scanner, delimiter } = await pass(source, options, textColumns, onProgress);
      if (scanner.failed.size > 0) {
        for (const j of scanner.failed) textColumns.add(j);
        continue;
      }
      const names = scanner.names;
      if (names === null) return null; // no header: the ordinary path says why
      const { rowCount, badRows } = scanner;
      const warnings = finalWarnings(names.length, rowCount, badRows, scanner.warnings, options);
      const decimalComma = options.decimalComma ?? delimiter !== ',';
      const sources: ColumnSource[] = scanner.finish();
      const inferred = inferSources(names, sources, rowCount, { missingMarkers: options.missingMarkers ?? [], decimalComma });
      return {
        table: { columns: inferred.table.columns, rowCount },
        meta: { delimiter, warnings: [...warnings, ...inferred.warnings], badRows, rowCount, columnCount: names.length },
      };
    }
    return null;
  } catch (error) {
    if (error instanceof Fallback) return null;
    throw error;
  }
}
