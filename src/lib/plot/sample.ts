// Drawing large tables: which rows a figure draws when there are too many to draw
// them all, and the sentence that says so.
import { createRng } from '../data/random';
import type { Figure } from './types';

/**
 * At most this many points per figure. With WebGL (scattergl) plotly draws 50,000
 * markers in a few frames; more adds little to what the eye sees in a scatter and
 * costs memory in every copy plotly makes (x, y, row numbers for hover).
 */
export const MAX_DRAWN_POINTS = 50_000;

/** The seed of the sample: the same table always shows the same points. */
export const SAMPLE_SEED = 20_240_601;

/**
 * The rows to draw out of `n`: all of them (undefined) when n ≤ max, else a seeded
 * random sample of `max` rows, in ascending order, that always contains the rows
 * holding the smallest and largest finite value of each array in `keep` (so the
 * axes span the same range as the full data: no extreme point is hidden).
 */
export function sampleRows(n: number, keep: readonly ArrayLike<number>[] = [], max = MAX_DRAWN_POINTS, seed = SAMPLE_SEED): number[] | undefined {
  if (n <= max) return undefined;
  const key = keep[0] ?? NO_ARRAYS;
  const kept = samples.get(key);
  if (kept && kept.n === n && kept.max === max && kept.seed === seed && kept.keep.length === keep.length && kept.keep.every((k, i) => k === keep[i])) {
    return kept.rows;
  }
  const rows = drawSample(n, keep, max, seed);
  samples.set(key, { n, keep: [...keep], max, seed, rows });
  return rows;
}

// A figure is rebuilt at every option change (a threshold move redraws the decision boundary over
// the same points), and drawing the sample scans every row for the extremes (~130 ms at 800,000
// rows): the rows are kept with the arrays they were drawn for, which are never changed once made.
// A sample with no arrays to keep (the held medians' rows) depends on n, max and seed alone; the
// last one is kept under NO_ARRAYS. Callers only read the rows.
const samples = new WeakMap<object, { n: number; keep: ArrayLike<number>[]; max: number; seed: number; rows: number[] }>();
const NO_ARRAYS = {};

function drawSample(n: number, keep: readonly ArrayLike<number>[], max: number, seed: number): number[] {
  const extremes = new Set<number>();
  for (const values of keep) {
    let lo = -1;
    let hi = -1;
    for (let i = 0; i < n; i += 1) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      if (lo < 0 || v < values[lo]) lo = i;
      if (hi < 0 || v > values[hi]) hi = i;
    }
    if (lo >= 0) extremes.add(lo).add(hi);
  }
  // Robert Floyd's algorithm: `max` distinct rows in `max` draws, without a list of all n rows.
  // A byte per row marks the rows drawn (a Set of 100,000 numbers took ~100 ms on the page);
  // j itself is never drawn before its own turn, so it needs no look-up.
  const rng = createRng(seed);
  const drawn = new Uint8Array(n);
  const picked = new Int32Array(max);
  for (let j = n - max, k = 0; j < n; j += 1, k += 1) {
    const t = rng.int(j + 1);
    const row = drawn[t] ? j : t;
    drawn[row] = 1;
    picked[k] = row;
  }
  // The extremes first, then the random rows in the order drawn, up to `max`.
  const rows = new Int32Array(max);
  let count = 0;
  for (const r of extremes) rows[count++] = r;
  for (let k = 0; k < max && count < max; k += 1) {
    if (!extremes.has(picked[k])) rows[count++] = picked[k];
  }
  return Array.from(rows.sort());
}

/** "Showing 50,000 of 1,000,000 points", or undefined when every point is drawn. */
export function shownSentence(shown: Figure['shown']): string | undefined {
  if (!shown || shown.points >= shown.of) return undefined;
  return `Showing ${count(shown.points)} of ${count(shown.of)} points (a random sample; the extremes are always drawn)`;
}

const count = (n: number) => n.toLocaleString('en-GB');
