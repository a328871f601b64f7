// The parsing core: text (or bytes) → header names and columns of raw field
// text. Pure and synchronous, so it runs the same in Node and in a worker.
// Types are inferred later (../infer.ts).

import Papa from 'papaparse';
import { decodeInput } from './decode';
import { detectDelimiter } from './delimiter';
import { CsvError, type BadRows } from './errors';
import { uniqueHeaders } from './headers';
import { MAX_CSV_BYTES, type CsvOptions, type Delimiter, type ProgressCallback } from './options';

export interface ParseOptions extends CsvOptions {
  onProgress?: ProgressCallback;
}

export interface ParseResult {
  delimiter: Delimiter;
  /** Column names, unique and trimmed. */
  names: string[];
  /** columns[j][i]: the text of row i in column j, exactly as in the file (unquoted). */
  columns: string[][];
  /** Data rows kept (bad rows and blank lines excluded). */
  rowCount: number;
  badRows: BadRows;
  warnings: string[];
}

/** How many bad rows' line numbers are reported. */
export const BAD_LINES_REPORTED = 5;

/** Characters papaparse parses at a time, between progress reports. */
const DEFAULT_CHUNK_CHARS = 1024 * 1024;

function isBlankRow(row: string[]): boolean {
  return row.length === 1 && row[0].trim() === '';
}

function countNewlines(field: string): number {
  let n = 0;
  for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) n++;
  return n;
}

/** Line breaks inside the first `fields` fields of a row (quoted fields may hold them). */
function newlinesIn(row: string[], fields = row.length): number {
  let n = 0;
  for (let j = 0; j < fields; j++) n += countNewlines(row[j]);
  return n;
}

function quoteError(error: Papa.ParseError, rowLine: number, row: string[]): CsvError {
  if (error.code === 'MissingQuotes') {
    // The open field is the row's last: the rest of the file ran into it.
    const line = rowLine + newlinesIn(row, row.length - 1);
    return new CsvError({
      code: 'unterminated-quote',
      line,
      message:
        `A quoted field that starts on line ${line} is never closed: there is a " with no matching " after it, ` +
        'so the rest of the file would be read as one value. Add the missing " (a " inside a quoted value is written "").',
    });
  }
  return new CsvError({
    code: 'malformed-quote',
    line: rowLine,
    message:
      `The row on line ${rowLine} has text right after a closing quote (like "abc"def). ` +
      'Put the whole value inside the quotes, and write a " inside a quoted value as "".',
  });
}

function emptyError(): CsvError {
  return new CsvError({ code: 'empty', message: 'This file is empty: it has no header and no rows.' });
}

interface LeadingComments {
  /** Comment lines skipped. */
  count: number;
  /** Lines (comments and blank lines between them) before the rest of the text. */
  lines: number;
  /** The text after the last comment line. */
  rest: string;
}

/**
 * Lines at the top whose first non-space character is # (notes some exporters
 * write before the header), with any blank lines among them. Lines after the
 * header are never comments: a data row may start with #.
 */
export function leadingComments(text: string): LeadingComments {
  let count = 0;
  let lines = 0;
  let restStart = 0;
  let line = 0;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    line++;
    const content = text.slice(start, end);
    if (/^\s*#/.test(content)) {
      count++;
      lines = line;
      restStart = end + 1;
    } else if (content.trim() !== '') {
      break;
    }
    start = end + 1;
  }
  return { count, lines, rest: count > 0 ? text.slice(restStart) : text };
}

export function commentWarning(count: number): string {
  return `Skipped ${count === 1 ? '1 comment line' : `${count} comment lines`} at the top (starting with #).`;
}

function lineList(lines: number[], count: number): string {
  const listed = lines.join(', ');
  return count > lines.length ? `${listed}, …` : listed;
}

function badRowsError(badRows: BadRows, fields: number, kept: number): CsvError {
  const rows = badRows.count === 1 ? '1 row has' : `${badRows.count} rows have`;
  const where = `line${badRows.firstLines.length === 1 ? '' : 's'} ${lineList(badRows.firstLines, badRows.count)}`;
  const advice =
    kept > 0
      ? ` You can skip ${badRows.count === 1 ? 'it' : 'them'} and keep the ${kept} good row${kept === 1 ? '' : 's'}.`
      : ' No row has the right number of fields, so there is nothing to keep: check the delimiter and the header.';
  return new CsvError({
    code: 'bad-rows',
    line: badRows.firstLines[0],
    badRows: { ...badRows, kept },
    message: `${rows} a different number of fields than the header (${fields}): ${where}.${advice}`,
  });
}

/** Receives papaparse's rows in order and keeps track of line numbers. */
class RowCollector {
  /** The file line the next row starts on (the first line is 1). */
  line: number;
  names: string[] | null = null;
  warnings: string[] = [];
  columns: string[][] = [];
  rowCount = 0;
  badRows: BadRows = { count: 0, firstLines: [] };

  /** `firstLine`: the file line the text handed to papaparse starts on. */
  constructor(firstLine = 1) {
    this.line = firstLine;
  }

  add(row: string[], error: Papa.ParseError | undefined): void {
    const rowLine = this.line;
    this.line += 1 + newlinesIn(row);
    if (error) throw quoteError(error, rowLine, row);
    if (isBlankRow(row)) return;
    if (this.names === null) {
      const headers = uniqueHeaders(row);
      this.names = headers.names;
      this.warnings.push(...headers.warnings);
      this.columns = this.names.map(() => []);
      return;
    }
    if (row.length !== this.names.length) {
      this.badRows.count++;
      if (this.badRows.firstLines.length < BAD_LINES_REPORTED) this.badRows.firstLines.push(rowLine);
      return;
    }
    for (let j = 0; j < row.length; j++) this.columns[j].push(row[j]);
    this.rowCount++;
  }
}

function reportEvery(onProgress: ProgressCallback | undefined): ProgressCallback {
  let last = -1;
  return (fraction) => {
    if (onProgress && (fraction - last >= 0.01 || fraction === 1) && fraction > last) {
      last = fraction;
      onProgress(fraction);
    }
  };
}

export function parseCsv(input: string | ArrayBuffer | Uint8Array, options: ParseOptions = {}): ParseResult {
  const progress = reportEvery(options.onProgress);
  const decoded = decodeInput(input, options.maxBytes ?? MAX_CSV_BYTES);
  // One kind of line break from here on (papaparse handles one per file, and
  // line counting is simpler); a quoted value's \r\n becomes \n too.
  const normalised = decoded.includes('\r') ? decoded.replace(/\r\n?/g, '\n') : decoded;
  if (!/\S/.test(normalised)) {
    throw emptyError();
  }
  // Comment lines go before anything else sees the text, so that they cannot
  // fool the delimiter detection or become the header.
  const comments = leadingComments(normalised);
  const text = comments.rest;
  if (!/\S/.test(text)) {
    throw new CsvError({
      code: 'empty',
      message: 'This file has only comment lines (starting with #): it has no header and no rows.',
    });
  }
  const delimiter = !options.delimiter || options.delimiter === 'auto' ? detectDelimiter(text) : options.delimiter;

  const collector = new RowCollector(comments.lines + 1);
  if (comments.count > 0) collector.warnings.push(commentWarning(comments.count));
  let failure: unknown = null;
  Papa.parse<string[]>(text, {
    worker: false,
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    chunkSize: options.chunkChars ?? DEFAULT_CHUNK_CHARS,
    chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
      try {
        // Errors name the row (of this chunk) being built when they happened. A
        // row past the chunk's end is an unfinished one papaparse parses again.
        const errors = new Map<number, Papa.ParseError>();
        for (const e of results.errors) if (e.row !== undefined && !errors.has(e.row)) errors.set(e.row, e);
        results.data.forEach((row: string[], i: number) => collector.add(row, errors.get(i)));
        progress(Math.min(results.meta.cursor / text.length, 0.999));
      } catch (error) {
        failure = error;
        parser.abort();
      }
    },
    // Required by the types when `chunk` is given; the collector has the result.
    complete() {},
  });
  if (failure) throw failure;

  if (collector.names === null) {
    throw emptyError();
  }
  const names = collector.names;
  const { badRows, rowCount } = collector;
  const warnings = finalWarnings(names.length, rowCount, badRows, collector.warnings, options);
  progress(1);
  return { delimiter, names, columns: collector.columns, rowCount, badRows, warnings };
}

/**
 * The checks once every row is read (no rows; bad rows, unless the reader
 * keeps the good ones) and the warnings then: shared by both readers (this
 * one and the fast path, fast.ts).
 */
export function finalWarnings(columnCount: number, rowCount: number, badRows: BadRows, warnings: readonly string[], options: CsvOptions): string[] {
  if (rowCount === 0 && badRows.count === 0) {
    throw new CsvError({
      code: 'no-rows',
      message: `This file has a header (${columnCount} column${columnCount === 1 ? '' : 's'}) but no data rows.`,
    });
  }
  const all = [...warnings];
  if (badRows.count > 0) {
    if (!options.keepBadRows || rowCount === 0) throw badRowsError(badRows, columnCount, rowCount);
    all.push(
      `Skipped ${badRows.count} row${badRows.count === 1 ? '' : 's'} with a different number of fields ` +
        `than the header (${columnCount}): line${badRows.firstLines.length === 1 ? '' : 's'} ` +
        `${lineList(badRows.firstLines, badRows.count)}.`,
    );
  }
  return all;
}
