// Per-column summaries, the numbers a dataset cell shows (like pandas' describe).

import { isNumeric, type Column, type ColumnType, type NumericColumn, type StringColumn, type Table } from './table';

export interface ColumnSummary {
  name: string;
  type: ColumnType;
  /** Missing cells. */
  missing: number;
  /** Non-missing cells. */
  count: number;
  /** Numeric and boolean columns only (a boolean's mean is the share of true); null otherwise or when count is 0. */
  mean: number | null;
  /** Sample standard deviation (divides by count − 1, as pandas does); null when count < 2. */
  std: number | null;
  min: number | null;
  max: number | null;
  /**
   * Distinct non-missing values. For a numeric column with fractions, counted
   * up to DISTINCT_CAP: a larger count is given as DISTINCT_CAP.
   */
  distinct: number;
  /** String columns: the most frequent value (the first seen among ties) and how often it occurs. */
  top?: string;
  topCount?: number;
}

export interface Moments {
  count: number;
  mean: number;
  /** Sample variance; NaN when count < 2. */
  variance: number;
  min: number;
  max: number;
}

/**
 * Count, mean, sample variance, min and max of the non-NaN values, by the
 * corrected two-pass algorithm: the mean first, then the squared deviations
 * from it, minus a term that cancels the rounding error of the mean (Chan,
 * Golub & LeVeque 1983). Unlike the one-pass Σx² − n·mean² it does not lose
 * digits when the mean is large compared with the spread.
 */
export function moments(values: ArrayLike<number>): Moments {
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isNaN(x)) continue;
    count++;
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (count === 0) return { count, mean: NaN, variance: NaN, min: NaN, max: NaN };
  const mean0 = sum / count;
  let squares = 0;
  let deviations = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isNaN(x)) continue;
    const d = x - mean0;
    squares += d * d;
    deviations += d;
  }
  const mean = mean0 + deviations / count;
  const variance = count < 2 ? NaN : (squares - (deviations * deviations) / count) / (count - 1);
  return { count, mean, variance: Math.max(0, variance), min, max };
}

function orNull(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

/** The slot of a double in a hash table of `mask + 1` slots: its two 32-bit halves, mixed. */
function slotOf(halves: Uint32Array, mask: number): number {
  return (Math.imul(halves[0] ^ Math.imul(halves[1], 0x9e3779b1), 0x85ebca6b) >>> 7) & mask;
}

/** Inserts x (not NaN) into the open-addressing table `keys` (NaN marks an empty slot); true if it was new. */
function insert(keys: Float64Array, mask: number, x: number, cell: Float64Array, halves: Uint32Array): boolean {
  cell[0] = x;
  let slot = slotOf(halves, mask);
  for (;;) {
    const k = keys[slot];
    if (k === x) return false;
    if (k !== k) {
      keys[slot] = x;
      return true;
    }
    slot = (slot + 1) & mask;
  }
}

/** Every value greater than the one before (so none is NaN and all are distinct). */
function isIncreasing(values: Float64Array): boolean {
  if (values.length === 0 || !(values[0] === values[0])) return false;
  for (let i = 1; i < values.length; i++) if (!(values[i] > values[i - 1])) return false;
  return true;
}

/** Whether every non-missing value is a whole number. */
function allWhole(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x === x && !Number.isInteger(x)) return false;
  }
  return true;
}

/**
 * Distinct values of a numeric column with fractions are counted up to this
 * many. What uses the count needs it exactly only when it is small (classes,
 * a constant) or for whole numbers (an identifier has a different one on
 * every row); the cap keeps the hash table small enough to stay in cache.
 */
export const DISTINCT_CAP = 100_000;

/**
 * Slots to start with: few, unless the first values are mostly distinct, when
 * the table would double all the way up; then room for every value at once.
 */
function initialSlots(values: Float64Array, cap: number): number {
  const SAMPLE = 512;
  if (values.length <= 4 * SAMPLE) return 1024;
  const seen = new Set<number>();
  for (let i = 0; i < SAMPLE; i++) seen.add(values[i]);
  if (seen.size < SAMPLE / 2) return 1024;
  let slots = 1024;
  while (slots < 2 * Math.min(values.length, cap)) slots *= 2;
  return slots;
}

/**
 * Distinct non-NaN values (0 and -0 count as one), with a hash set of the
 * values (open addressing, linear probing): linear time, unlike sorting a copy
 * of the column. The table starts small and doubles when half full, so a
 * column with few distinct values stays in the processor's cache.
 */
export function countDistinct(values: Float64Array, cap = Infinity): number {
  if (isIncreasing(values)) return values.length; // e.g. a row number: every value distinct
  let keys = new Float64Array(initialSlots(values, cap)).fill(NaN);
  let mask = keys.length - 1;
  const cell = new Float64Array(1);
  const halves = new Uint32Array(cell.buffer);
  let distinct = 0;
  for (let i = 0; i < values.length; i++) {
    let x = values[i];
    if (x !== x) continue; // NaN: missing
    if (x === 0) x = 0; // -0 → 0
    if (!insert(keys, mask, x, cell, halves)) continue;
    distinct++;
    if (distinct >= cap) return cap;
    if (2 * distinct > keys.length) {
      const old = keys;
      keys = new Float64Array(old.length * 2).fill(NaN);
      mask = keys.length - 1;
      for (const k of old) if (k === k) insert(keys, mask, k, cell, halves);
    }
  }
  return distinct;
}

function summariseNumeric(column: NumericColumn, rowCount: number): ColumnSummary {
  const m = moments(column.values);
  const distinct = countDistinct(column.values, allWhole(column.values) ? Infinity : DISTINCT_CAP);
  return {
    name: column.name,
    type: column.type,
    missing: rowCount - m.count,
    count: m.count,
    mean: orNull(m.mean),
    std: orNull(Math.sqrt(m.variance)),
    min: orNull(m.min),
    max: orNull(m.max),
    distinct,
  };
}

function summariseStrings(column: StringColumn, rowCount: number): ColumnSummary {
  const counts = new Map<string, number>();
  let count = 0;
  for (const v of column.values) {
    if (v === null) continue;
    count++;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const summary: ColumnSummary = {
    name: column.name,
    type: column.type,
    missing: rowCount - count,
    count,
    mean: null,
    std: null,
    min: null,
    max: null,
    distinct: counts.size,
  };
  // Map iterates in insertion order, so ">" keeps the first seen among ties.
  let topCount = 0;
  for (const [value, n] of counts) {
    if (n > topCount) {
      summary.top = value;
      topCount = n;
    }
  }
  if (topCount > 0) summary.topCount = topCount;
  return summary;
}

export function summariseColumn(column: Column, rowCount: number): ColumnSummary {
  return isNumeric(column) ? summariseNumeric(column, rowCount) : summariseStrings(column, rowCount);
}

export function summarise(table: Table): ColumnSummary[] {
  return table.columns.map((c) => summariseColumn(c, table.rowCount));
}
