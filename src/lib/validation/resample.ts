// Random over- and under-sampling for imbalanced classes. It is applied to
// the TRAINING rows only, inside a model's fit: resampling before the split
// would copy rows into the test part (over-sampling) or judge the model on a
// test part whose class shares are not the real ones (under-sampling).
//
// The result is a list of row indices into the training rows, so a caller
// (or a test) can take exactly those rows, and scikit-learn or numpy can be
// given the very same resample.
import type { Label } from '../ml/labels';
import { uniqueLabels } from '../ml/labels';
import { createRng } from '../data/random';

export type ResampleMode = 'none' | 'over' | 'under';

/**
 * Row indices after resampling `labels`:
 * - 'over': every class keeps all its rows, and smaller classes get extra
 *   rows drawn at random with replacement until each has as many rows as
 *   the largest class (imbalanced-learn's RandomOverSampler);
 * - 'under': every class keeps a random subset, without replacement, of as
 *   many rows as the smallest class has (RandomUnderSampler);
 * - 'none': every row once.
 * Indices come out grouped by class in the sorted class order, each group
 * in ascending row order, then the drawn extras.
 */
export function resampleRows(labels: readonly Label[], mode: ResampleMode, seed: number): number[] {
  const all = labels.map((_, i) => i);
  if (mode === 'none') return all;
  const rng = createRng(seed);
  const byClass = uniqueLabels(labels).map((label) => all.filter((i) => labels[i] === label));
  const sizes = byClass.map((rows) => rows.length);
  const out: number[] = [];
  if (mode === 'over') {
    const target = Math.max(...sizes);
    for (const rows of byClass) {
      out.push(...rows);
      for (let k = rows.length; k < target; k++) out.push(rows[rng.int(rows.length)]);
    }
    return out;
  }
  const target = Math.min(...sizes);
  for (const rows of byClass) out.push(...sample(rows, target, rng).sort((a, b) => a - b));
  return out;
}

/** `count` distinct values of `rows`, chosen at random (a partial Fisher–Yates shuffle). */
function sample(rows: number[], count: number, rng: ReturnType<typeof createRng>): number[] {
  const pool = rows.slice();
  for (let i = 0; i < count; i++) {
    const j = i + rng.int(pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}

/** Rows per class, in sorted class order: what a resample did, for the cell to report. */
export function classCounts(labels: readonly Label[], rows: readonly number[]): { label: Label; count: number }[] {
  const counts = new Map<Label, number>();
  for (const i of rows) counts.set(labels[i], (counts.get(labels[i]) ?? 0) + 1);
  return uniqueLabels(labels).map((label) => ({ label, count: counts.get(label) ?? 0 }));
}
