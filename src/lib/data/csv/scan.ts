// The CSV fast path's row scanner (see fast.ts): it walks the file's bytes,
// finds rows and fields the way parse.ts (papaparse on the decoded text with
// normalised line breaks) does for ordinary files, and writes the fields of
// numeric columns straight into Float64Arrays, with no string per field.
// While every column is numeric, rows in the plain form go through a tighter
// one-pass loop (plain.ts); this scanner reads the others.
// Delimiters, quotes and line breaks are ASCII, which never occurs inside a
// UTF-8 sequence, so fields can be cut from the bytes before decoding; the
// fields that become text are decoded one by one with a strict decoder (a
// file that is not UTF-8 throws Fallback, and parse.ts then says where). Whatever it is not sure to read exactly as parse.ts would (a
// quote inside an unquoted field, text after a closing quote, a quote that
// never closes) throws Fallback, and the caller reads the file the old way.

import { parseNumber } from '../infer';
import type { MissingTest } from '../missing';
import type { BadRows } from './errors';
import { decodeField, Fallback } from './field';
import { uniqueHeaders } from './headers';
import { lastParse, parsed, readDecimal } from './number';
import { allMissing, NumberColumn } from './number-column';
import { BAD_LINES_REPORTED } from './parse';
import { readPlainRows } from './plain';

export { decodeField, Fallback } from './field';

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** Flags of a quoted field whose text needs work: it holds "" or a CR. */
const ESCAPED = 1;
const HAS_CR = 2;

export type ScannedColumn = { values: Float64Array; allMissing: boolean; dottedExample: string | undefined } | string[];

export class RowScanner {
  /** Line of the file (1-based) where the next row starts. */
  line: number;
  names: string[] | null = null;
  readonly warnings: string[];
  rowCount = 0;
  readonly badRows: BadRows = { count: 0, firstLines: [] };
  /** Columns read as numbers that met a cell that is not one: to be read as text next time. */
  readonly failed = new Set<number>();
  /** The data row where the first column failed (Infinity while none has). */
  firstFailureRow = Infinity;

  private numbers: (NumberColumn | null)[] = [];
  /** The columns, while every one is numeric and no marker is a number: plain rows then take readPlainRows. */
  private plain: NumberColumn[] | null = null;
  private strings: (string[] | null)[] = [];
  /** 1 for the bytes that end an unquoted field (or must not be in one). */
  private readonly stops = new Uint8Array(256);
  // The current row's fields: where each starts and ends in the bytes, and its flags.
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private flags = new Uint8Array(64);

  constructor(
    private readonly delimiter: number,
    /** Columns (by position) to keep as text; the others are read as numbers. */
    private readonly textColumns: ReadonlySet<number>,
    private readonly isMissing: MissingTest,
    /** Some missing-value marker is itself a number ("-999"): numbers must be checked against the markers. */
    private readonly numericMarkers: boolean,
    firstLine: number,
    warnings: string[],
    /** The data rows the file is expected to have (an estimate): the size the numeric columns start with. */
    private readonly expectedRows = 1024,
  ) {
    this.line = firstLine;
    this.warnings = warnings;
    for (const c of [delimiter, LF, CR, QUOTE]) this.stops[c] = 1;
  }

  /**
   * Reads the complete rows in bytes[start, end); returns where the first
   * incomplete one starts (end when all were complete). With `final` the
   * bytes reach the end of the file, so the last row is complete.
   */
  scan(bytes: Uint8Array, start: number, end: number, final: boolean): number {
    const len = end;
    const delimiter = this.delimiter;
    const stops = this.stops;
    let { starts, ends, flags } = this;
    let pos = start;
    while (pos < len) {
      if (this.plain) {
        const before = this.rowCount;
        pos = readPlainRows(bytes, pos, len, delimiter, this.plain);
        this.rowCount = this.plain[0].length;
        this.line += this.rowCount - before;
        if (pos === len) break;
      }
      const rowStart = pos;
      let breaks = 0; // line breaks inside quoted fields
      let fields = 0;
      for (;;) {
        let c = pos < len ? bytes[pos] : -1;
        let s: number;
        let e: number;
        let flag = 0;
        if (c === QUOTE) {
          s = pos + 1;
          let i = s;
          for (;;) {
            let q = bytes.indexOf(QUOTE, i);
            if (q >= len) q = -1;
            if (q === -1 || (q + 1 === len && !final)) {
              if (final) throw new Fallback('a quote that never closes');
              return rowStart; // the rest is in the next chunk
            }
            if (q + 1 < len && bytes[q + 1] === QUOTE) {
              flag |= ESCAPED;
              i = q + 2;
              continue;
            }
            e = q;
            break;
          }
          for (let k = s; k < e; k++) {
            const d = bytes[k];
            if (d === LF) breaks++;
            else if (d === CR) {
              flag |= HAS_CR;
              if (k + 1 === e || bytes[k + 1] !== LF) breaks++; // \r\n counts once, at its \n
            }
          }
          pos = e + 1;
          c = pos < len ? bytes[pos] : -1;
          if (pos < len && c !== delimiter && c !== LF && c !== CR) throw new Fallback('text after a closing quote');
        } else {
          s = pos;
          while (pos < len && stops[bytes[pos]] === 0) pos++;
          c = pos < len ? bytes[pos] : -1;
          if (c === QUOTE) throw new Fallback('a quote inside an unquoted field');
          e = pos;
        }
        if (fields === starts.length) {
          this.growFields();
          ({ starts, ends, flags } = this);
        }
        starts[fields] = s;
        ends[fields] = e;
        flags[fields] = flag;
        fields++;
        if (pos === len) {
          if (!final) return rowStart;
          break;
        }
        if (c === delimiter) {
          pos++;
          continue;
        }
        if (c === CR) {
          if (pos + 1 === len && !final) return rowStart; // a \n may follow in the next chunk
          pos += pos + 1 < len && bytes[pos + 1] === LF ? 2 : 1;
        } else {
          pos++;
        }
        break;
      }
      const rowLine = this.line;
      this.line += breaks + 1;
      this.commit(bytes, fields, rowLine, rowStart, pos);
    }
    return pos;
  }

  private growFields(): void {
    const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    const n = this.starts.length * 2;
    this.starts = grow(this.starts, new Int32Array(n));
    this.ends = grow(this.ends, new Int32Array(n));
    this.flags = grow(this.flags, new Uint8Array(n));
  }

  /** The text of field j of the current row, as parse.ts gives it (unquoted, line breaks as \n). */
  private fieldText(bytes: Uint8Array, j: number): string {
    let t = decodeField(bytes, this.starts[j], this.ends[j]);
    const flag = this.flags[j];
    if (flag & HAS_CR) t = t.replace(/\r\n?/g, '\n');
    if (flag & ESCAPED) t = t.replace(/""/g, '"');
    return t;
  }

  private commit(bytes: Uint8Array, fields: number, rowLine: number, rowStart: number, rowEnd: number): void {
    if (fields === 1 && this.fieldText(bytes, 0).trim() === '') return; // a blank line
    if (this.names === null) {
      this.header(Array.from({ length: fields }, (_, j) => this.fieldText(bytes, j)));
      return;
    }
    if (fields !== this.names.length) {
      decodeField(bytes, rowStart, rowEnd); // only to check that it is UTF-8, as the whole file must be
      this.badRows.count++;
      if (this.badRows.firstLines.length < BAD_LINES_REPORTED) this.badRows.firstLines.push(rowLine);
      return;
    }
    for (let j = 0; j < fields; j++) {
      const column = this.numbers[j];
      if (column) this.pushNumber(bytes, j, column);
      else this.strings[j]?.push(this.fieldText(bytes, j));
    }
    this.rowCount++;
  }

  private header(row: string[]): void {
    const headers = uniqueHeaders(row);
    this.names = headers.names;
    this.warnings.push(...headers.warnings);
    this.numbers = row.map((_, j) => (this.textColumns.has(j) ? null : new NumberColumn(this.expectedRows)));
    this.strings = row.map((_, j) => (this.textColumns.has(j) ? [] : null));
    // One column: an empty field is a blank line, which only the general scanner tells apart.
    const allNumeric = this.numbers.every((c) => c !== null);
    if (allNumeric && row.length > 1 && !this.numericMarkers) this.plain = this.numbers as NumberColumn[];
  }

  /** Field j as a number, as inference rule 1 reads it (missing: NaN); a cell that is not a number fails the column. */
  private pushNumber(bytes: Uint8Array, j: number, column: NumberColumn): void {
    const s = this.starts[j];
    const e = this.ends[j];
    if (s === e) {
      column.push(NaN);
      return;
    }
    let x = this.flags[j] === 0 && readDecimal(bytes, s, e) ? parsed[0] : NaN;
    let dotted: string | null = null; // the trimmed cell, when it has a dot and the column needs to know
    if (x === x) {
      if (this.numericMarkers && this.isMissing(decodeField(bytes, s, e))) {
        column.push(NaN);
        return;
      }
      if (lastParse.dot && column.dotted !== 2) dotted = decodeField(bytes, s, e);
    } else {
      // Unusual forms (spaces, markers such as NA, many digits): the ordinary reading of the text.
      const t = this.fieldText(bytes, j);
      if (this.isMissing(t)) {
        column.push(NaN);
        return;
      }
      x = parseNumber(t);
      if (!Number.isFinite(x)) {
        this.fail(j);
        return;
      }
      if (column.dotted !== 2 && t.includes('.')) dotted = t.trim();
    }
    column.push(x);
    if (dotted !== null) column.noteDotted(dotted);
  }

  /** Column j is not numeric after all: stop keeping it; the caller reads it again as text. */
  private fail(j: number): void {
    if (this.failed.size === 0) this.firstFailureRow = this.rowCount;
    this.failed.add(j);
    this.numbers[j] = null;
    this.plain = null;
  }

  /** The columns read, in order: numbers with what inference needs, or raw texts. */
  finish(): ScannedColumn[] {
    return (this.names ?? []).map((_, j): ScannedColumn => {
      const column = this.numbers[j];
      if (!column) return this.strings[j] ?? [];
      const values = column.finish();
      this.numbers[j] = null;
      return { values, allMissing: allMissing(values), dottedExample: column.dotted === 1 ? column.dottedExample : undefined };
    });
  }
}
