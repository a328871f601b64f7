// K-fold cross-validation ("we randomly split the cases into K folds and for
// each fold we train the model and record the error"), its stratified
// variant, and leave-one-out (k = n, "computationally expensive").
//
// Fold sizes follow scikit-learn's KFold: ⌊n/k⌋ rows each, and the first
// n mod k folds one more. Unshuffled folds are consecutive rows, exactly
// sklearn's. Train and test indices are returned ascending, as sklearn does.

import { createRng, permutation, shuffleInPlace } from '../data/random';
import { complement, requireRowCount, sortedCopy, type Fold, type FoldSequence } from './folds';
import { encodeLabels, type Label } from './labels';

export interface KFoldOptions {
  /** Shuffle rows before cutting folds (default false, as in sklearn). */
  shuffle?: boolean;
  /** Seed of the shuffle (default 0). Ignored without shuffle. */
  seed?: number;
}

/** How many test rows each of k folds gets. */
export function foldSizes(n: number, k: number): number[] {
  requireFoldCount(n, k, 'K-fold');
  const base = Math.floor(n / k);
  return Array.from({ length: k }, (_, i) => base + (i < n % k ? 1 : 0));
}

function requireFoldCount(n: number, k: number, what: string): void {
  requireRowCount(n, what);
  if (!Number.isInteger(k) || k < 2) {
    throw new Error(`${what}: the number of folds k must be a whole number of at least 2 (one part to test, the rest to train), got ${k}.`);
  }
  if (k > n) {
    throw new Error(`${what}: ${k} folds need at least ${k} rows, but the table has ${n}. Use fewer folds, or leave-one-out (k = n).`);
  }
}

export function kFold(n: number, k: number, options: KFoldOptions = {}): Fold[] {
  const sizes = foldSizes(n, k);
  const order = options.shuffle ? permutation(n, options.seed ?? 0) : Int32Array.from({ length: n }, (_, i) => i);
  let start = 0;
  return sizes.map((size) => {
    const test = sortedCopy(order.subarray(start, (start += size)));
    return { train: complement(n, test), test };
  });
}

/**
 * Stratified k-fold: each fold keeps the class proportions. The per-fold
 * class counts are scikit-learn's StratifiedKFold's: classes are ordered by
 * first appearance, the rows sorted by class are dealt to folds round-robin
 * (row p of the sorted list to fold p mod k), and each class's fold numbers
 * go to its rows in table order, or shuffled with the seed. With shuffle off
 * the folds are exactly sklearn's.
 */
export function stratifiedKFold(labels: ArrayLike<Label>, k: number, options: KFoldOptions = {}): Fold[] {
  const what = 'Stratified k-fold';
  const n = labels.length;
  requireFoldCount(n, k, what);
  const { classes, codes, counts } = encodeLabels(labels, 'first-seen', what);
  if (counts.every((c) => c < k)) {
    throw new Error(`${what}: ${k} folds need at least one class with ${k} or more rows, but the largest class has ${Math.max(...counts)}. Use fewer folds.`);
  }
  const rng = createRng(options.seed ?? 0);
  // Deal the class-sorted rows to folds round-robin: class c fills positions [start, start + count).
  const foldsOfClass: number[][] = [];
  let position = 0;
  for (let c = 0; c < classes.length; c++) {
    const folds: number[] = [];
    for (let i = 0; i < counts[c]; i++) folds.push(position++ % k);
    folds.sort((a, b) => a - b); // sklearn repeats fold numbers in order: 0,0,…,1,1,…
    foldsOfClass.push(options.shuffle ? shuffleInPlace(folds, rng) : folds);
  }
  const testFold = new Int32Array(n);
  const next = new Array<number>(classes.length).fill(0);
  for (let row = 0; row < n; row++) testFold[row] = foldsOfClass[codes[row]][next[codes[row]]++];
  return Array.from({ length: k }, (_, f) => {
    const test = Int32Array.from(testFold.keys()).filter((row) => testFold[row] === f);
    return { train: complement(n, test), test };
  });
}

/** Leave-one-out: n folds, each testing one row. Built lazily, one fold at a time. */
export function leaveOneOut(n: number): FoldSequence & Iterable<Fold> {
  requireFoldCount(n, n, 'Leave-one-out');
  const fold = (i: number): Fold => ({ train: complement(n, [i]), test: Int32Array.of(i) });
  return {
    length: n,
    at: (index: number) => {
      const i = index < 0 ? n + index : index;
      return Number.isInteger(i) && i >= 0 && i < n ? fold(i) : undefined;
    },
    *[Symbol.iterator]() {
      for (let i = 0; i < n; i++) yield fold(i);
    },
  };
}
