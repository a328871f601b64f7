import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface SplitFixture {
  holdout_sizes: ({ n: number; test: number; train_size: number; test_size: number } | { n: number; test: number; error: string })[];
  stratified: { name: string; labels: string[]; classes: string[]; test: number; train_counts: number[][]; error: string | null }[];
  single_member_error: string;
  kfold: { n: number; k: number; test_folds: number[][] }[];
  stratified_kfold: { name: string; labels: string[]; classes: string[]; k: number; test_folds: number[][]; test_counts: number[][] }[];
  learning_curve: { n: number; steps: number; sizes: number[] }[];
}

export const splits = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/prepare/splits.json', import.meta.url)), 'utf8'),
) as SplitFixture;

/** Every index 0 … n − 1 exactly once across the parts. */
export function expectPartition(n: number, ...parts: ArrayLike<number>[]): void {
  const all = parts.flatMap((p) => Array.from(p)).sort((a, b) => a - b);
  if (all.length !== n || all.some((x, i) => x !== i)) throw new Error(`not a partition of 0…${n - 1}: ${all.join(',')}`);
}

export function classCounts(labels: string[], rows: ArrayLike<number>, classes: string[]): number[] {
  return classes.map((c) => Array.from(rows).filter((r) => labels[r] === c).length);
}
