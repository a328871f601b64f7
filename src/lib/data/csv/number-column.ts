// A numeric column while the CSV fast path reads it (scan.ts, plain.ts): one
// Float64Array sized for the whole file (from the bytes per row of the file's
// start), filled row by row and handed over as a view, so the values are
// never copied block by block at the end. It starts at most INITIAL_ROWS long
// and jumps to the estimate when it fills: a column that turns out to be text
// in its first rows (most do) never takes the whole file's room. It also keeps what
// type inference needs to know of the cells (infer.ts, NumericSource).

import { isDottedThousands } from '../infer';
import { decodeField } from './field';

/** Room for this many more rows when a column outgrows its estimate (it then grows by half). */
const MIN_GROWTH = 1024;

/** Rows a column has room for before it takes the whole estimate. */
const INITIAL_ROWS = 1 << 16;

export class NumberColumn {
  values: Float64Array;
  /** Rows filled. */
  length = 0;
  /** 0: no dotted cell yet; 1: every dotted cell looked like "1.234"; 2: one did not (stop looking). */
  dotted = 0;
  dottedExample: string | undefined;

  /** `expectedRows`: the rows the file is expected to have. */
  constructor(private readonly expectedRows: number) {
    this.values = new Float64Array(Math.max(16, Math.min(expectedRows, INITIAL_ROWS)));
  }

  push(x: number): void {
    if (this.length === this.values.length) this.grow();
    this.values[this.length++] = x;
  }

  /** More room: the whole estimate, or half as much again when the estimate was short (the file's start had longer rows than the rest). */
  grow(): void {
    const size = this.values.length;
    const bigger = new Float64Array(this.expectedRows > size ? this.expectedRows : size + Math.max(MIN_GROWTH, size >> 1));
    bigger.set(this.values.subarray(0, this.length));
    this.values = bigger;
  }

  /** Notes a cell with a decimal point (its trimmed text), for the dotted-thousands warning. */
  noteDotted(trimmed: string): void {
    if (isDottedThousands(trimmed)) {
      this.dotted = 1;
      this.dottedExample ??= trimmed;
    } else {
      this.dotted = 2;
    }
  }

  /** noteDotted for the plain cell in bytes [start, end). */
  noteDottedBytes(bytes: Uint8Array, start: number, end: number): void {
    this.noteDotted(decodeField(bytes, start, end));
  }

  /**
   * The values read: a view of the array when the estimate was close (no
   * copy; the few spare rows at its end travel with it), else a copy of the
   * right length, so that a wild overestimate does not hold memory.
   */
  finish(): Float64Array {
    const { values, length } = this;
    this.values = new Float64Array(0);
    if (values.length - length <= (length >> 4) + MIN_GROWTH) return values.subarray(0, length);
    return values.slice(0, length);
  }
}

/** Whether a column had no value at all: every cell missing (NaN). */
export function allMissing(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) return false;
  return true;
}
