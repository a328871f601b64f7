// The CSV fast path's one-pass loop for plain numeric rows (scan.ts calls it
// while every column is numeric): it finds the fields and reads their numbers
// in the same walk over the bytes, straight into the columns' Float64Arrays.
//
// A plain row is one where every field is empty (missing) or has the plain
// form [+-]digits[.digits][e[+-]digits] whose digits make an integer below
// 2^53 and whose power of ten is within ±22 (number.ts explains why such a
// number is exactly Number()'s double), fields end at the delimiter, and the
// row at \n or \r\n. At anything else (a quote, a space, a letter, a short or
// long row, a blank line, a row cut by the end of the bytes) the loop stops
// at that row's start and the general scanner reads the row, then calls the
// loop again. A stopped row may have written some of its values already;
// the general scanner writes the same row again over them.

import type { NumberColumn } from './number-column';
import { MAX_POW, POW10 } from './number';

const LF = 10;
const CR = 13;
const DOT = 46;
const MINUS = 45;
const PLUS = 43;

/** Above this the digits may not be an exact integer in a double. */
const MAX_EXACT = Number.MAX_SAFE_INTEGER;

/**
 * Reads plain rows from bytes[start, end) into `columns` (one per field, at
 * least two) and returns where it stopped: at the start of the first row that
 * is not plain, or after the last \n (the rest may be an unfinished row). The
 * rows read are `columns[0].length` after minus before.
 */
export function readPlainRows(bytes: Uint8Array, start: number, end: number, delimiter: number, columns: NumberColumn[]): number {
  // Only up to the last \n: every field then ends before it, so the loops need no bounds checks
  // (a file with lone \r line breaks is left to the general scanner).
  const stop = bytes.lastIndexOf(LF, end - 1) + 1;
  if (stop <= start) return start;
  const n = columns.length;
  const last = n - 1;
  let values = columns.map((c) => c.values);
  // Columns still checking for dotted thousands (rare work, see NumberColumn.noteDotted).
  let dottedOpen = columns.some((c) => c.dotted !== 2);
  let row = columns[0].length;
  let capacity = Math.min(...values.map((v) => v.length));
  let pos = start;
  let rowStart = pos;
  rows: while (pos < stop) {
    if (row >= capacity) {
      for (const column of columns) {
        column.length = row;
        if (column.values.length <= row) column.grow();
      }
      values = columns.map((c) => c.values);
      capacity = Math.min(...values.map((v) => v.length));
    }
    rowStart = pos;
    for (let j = 0; j < n; j++) {
      const fieldStart = pos;
      let c = bytes[pos];
      const negative = c === MINUS;
      if (negative || c === PLUS) c = bytes[++pos];
      // The digits, before and after the point, as one integer m; the point only sets the scale.
      let m = 0;
      const digitsStart = pos;
      while (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        c = bytes[++pos];
      }
      let digits = pos - digitsStart;
      let scale = 0;
      const dot = c === DOT;
      if (dot) {
        const fractionStart = ++pos;
        c = bytes[pos];
        while (c >= 48 && c <= 57) {
          m = m * 10 + (c - 48);
          c = bytes[++pos];
        }
        scale = pos - fractionStart;
        digits += scale;
      }
      let x: number;
      if (digits === 0) {
        // Only an empty field is missing; "-", "." and the like are the general scanner's.
        if (pos !== fieldStart) break rows;
        x = NaN;
      } else {
        // m grows with each digit, so below 2^53 at the end means exact all along (Clinger's
        // condition; number.ts's 15 digits is a stricter form of it).
        if (m > MAX_EXACT) break rows;
        let power = -scale;
        if (c === 101 || c === 69) {
          // 'e' or 'E': at most 5 exponent digits, as number.ts reads them.
          c = bytes[++pos];
          const negativeExponent = c === MINUS;
          if (negativeExponent || c === PLUS) c = bytes[++pos];
          const exponentStart = pos;
          let exponent = 0;
          while (c >= 48 && c <= 57 && pos - exponentStart < 5) {
            exponent = exponent * 10 + (c - 48);
            c = bytes[++pos];
          }
          if (pos === exponentStart) break rows;
          power += negativeExponent ? -exponent : exponent;
        }
        if (power === 0 || m === 0) x = m;
        else if (power > 0 && power <= MAX_POW) x = m * POW10[power];
        else if (power < 0 && power >= -MAX_POW) x = m / POW10[-power];
        else break rows;
        if (negative) x = -x;
      }
      // The field must end here: at the delimiter, or at the row's line break after the last field.
      const fieldEnd = pos;
      if (j < last) {
        if (c !== delimiter) break rows;
      } else if (c === LF) {
        // pos + 1 ≤ stop
      } else if (c === CR && bytes[pos + 1] === LF) {
        pos++;
      } else {
        break rows; // another character, or a lone \r (the general scanner reads that row)
      }
      pos++;
      values[j][row] = x;
      if (dot && dottedOpen && columns[j].dotted !== 2) {
        columns[j].noteDottedBytes(bytes, fieldStart, fieldEnd);
        dottedOpen = columns.some((col) => col.dotted !== 2);
      }
    }
    row++;
    rowStart = pos;
  }
  for (const column of columns) column.length = row;
  return rowStart;
}
