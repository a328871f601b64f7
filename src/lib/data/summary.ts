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
  /** Distinct non-missing values. */
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

/** Distinct non-NaN values, by sorting a copy (a Set of a million doubles is several times slower). */
export function countDistinct(values: Float64Array): number {
  const sorted = values.slice().sort(); // typed-array sort is numeric and puts NaN last
  let distinct = 0;
  for (let i = 0; i < sorted.length && !Number.isNaN(sorted[i]); i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  }
  return distinct;
}

function summariseNumeric(column: NumericColumn, rowCount: number): ColumnSummary {
  const m = moments(column.values);
  const distinct = countDistinct(column.values);
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
