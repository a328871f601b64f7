// Splitting rows by class, shared by every figure that colours points by class.
import { sampleRows } from './sample';
import type { Figure } from './types';

export type ClassLabel = string | number;

export interface ClassGroups {
  /** The distinct labels, in display (and colour) order. */
  labels: ClassLabel[];
  /** rows[k]: the row indices whose label is labels[k]. */
  rows: number[][];
}

/** Distinct labels sorted numerically when all are numbers, else alphabetically: stable colours across fits. */
export function sortedLabels(values: ArrayLike<ClassLabel>): ClassLabel[] {
  const distinct = [...new Set(Array.from(values))];
  return distinct.every((v) => typeof v === 'number')
    ? (distinct as number[]).sort((a, b) => a - b)
    : distinct.sort((a, b) => String(a).localeCompare(String(b)));
}

/** Groups row indices by class; `order` fixes the label order (labels not in it are added after). */
export function groupByClass(values: ArrayLike<ClassLabel>, order?: readonly ClassLabel[]): ClassGroups {
  const labels = order ? [...order, ...sortedLabels(values).filter((l) => !order.includes(l))] : sortedLabels(values);
  const index = new Map(labels.map((l, k) => [l, k]));
  const rows = labels.map((): number[] => []);
  for (let i = 0; i < values.length; i += 1) rows[index.get(values[i])!].push(i);
  return { labels, rows };
}

/** The rows a figure draws, by class, as indices into the full arrays. */
export interface DrawnClassRows extends ClassGroups {
  /** The number of points drawn (it picks scatter or scattergl). */
  total: number;
  /** The rows drawn, ascending, when a sample is drawn (undefined: every row). */
  sample?: number[];
  /** The sample's size and the table's, for the sentence under the plot. */
  shown?: Figure['shown'];
}

/**
 * Every row by class, or for a large table a seeded sample (sample.ts) that keeps
 * the rows holding the extremes of each array in `keep`, so the axes stay those of
 * the whole table.
 */
export function classRowsToDraw(values: ArrayLike<ClassLabel>, order: readonly ClassLabel[] | undefined, keep: readonly ArrayLike<number>[]): DrawnClassRows {
  const n = values.length;
  const sample = sampleRows(n, keep);
  if (!sample) return { ...groupByClass(values, order), total: n };
  const groups = groupByClass(
    sample.map((i) => values[i]),
    order,
  );
  return {
    labels: groups.labels,
    rows: groups.rows.map((rows) => rows.map((j) => sample[j])),
    total: sample.length,
    sample,
    shown: { points: sample.length, of: n },
  };
}

/**
 * Values for the drawn rows only (others stay NaN), computed in ascending row order,
 * so a seeded jitter is the same as it always was when every row is drawn.
 */
export function valuesForDrawn(n: number, drawn: { sample?: readonly number[] }, value: (row: number) => number): Float64Array {
  const out = new Float64Array(n).fill(NaN);
  if (drawn.sample) for (const i of drawn.sample) out[i] = value(i);
  else for (let i = 0; i < n; i += 1) out[i] = value(i);
  return out;
}
