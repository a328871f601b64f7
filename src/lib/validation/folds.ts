// The shapes every splitter returns. Row indices are Int32Array: compact,
// transferable to a worker, and enough for 2^31 rows. Indices refer to the
// rows of the table the split was made from.

/** One train/test division of the rows. Both index lists are ascending unless a function says otherwise. */
export interface Fold {
  train: Int32Array;
  test: Int32Array;
}

/**
 * A list of folds that may be built on demand: arrays satisfy it, and
 * leave-one-out returns a lazy one (n folds of n − 1 indices each would be
 * n² integers held at once).
 */
export interface FoldSequence {
  readonly length: number;
  at(index: number): Fold | undefined;
}

/** The folds of a sequence, one at a time. */
export function* iterateFolds(folds: FoldSequence): Generator<Fold> {
  for (let i = 0; i < folds.length; i++) {
    const fold = folds.at(i);
    if (fold) yield fold;
  }
}

/** Checks a row count before splitting it. */
export function requireRowCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what}: the number of rows must be a whole number, got ${n}.`);
  if (n === 0) throw new Error(`${what}: the table has no rows, so there is nothing to split.`);
}

/** The indices 0 … n − 1 that are not in `test` (which must be within range), ascending. */
export function complement(n: number, test: ArrayLike<number>): Int32Array {
  const inTest = new Uint8Array(n);
  for (let i = 0; i < test.length; i++) inTest[test[i]] = 1;
  const train = new Int32Array(n - test.length);
  let j = 0;
  for (let i = 0; i < n; i++) if (!inTest[i]) train[j++] = i;
  return train;
}

export function sortedCopy(indices: ArrayLike<number>): Int32Array {
  return Int32Array.from(indices).sort();
}
