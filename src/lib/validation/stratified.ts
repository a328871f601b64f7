// Stratified holdout: every class keeps its share of the rows in each part,
// so a rare class cannot vanish from the test set by bad luck.
//
// Class counts follow scikit-learn's train_test_split(stratify=y), which uses
// StratifiedShuffleSplit's allocation ("approximate mode" of the multivariate
// hypergeometric): the training part gets floor(count·n_train/n) rows of each
// class, and the rows still missing go to the classes with the largest
// fractional parts, ties broken at random. The validation part (if any) is
// allocated the same way from what remains, and the test part gets the rest.
//
// One addition: a class with 2 or more rows always gets at least one
// training row. sklearn can leave a small class out of the training part
// when the test fraction is large (e.g. 2 rows of 202 at test = 0.9); we
// move one training row to it from the class with the most training rows.

import { shuffleInPlace, shuffleSteps, createRng, type Rng } from '../data/random';
import { inSteps, runSteps, type Steps } from '../data/slices';
import { holdoutSizes, type HoldoutOptions, type HoldoutSplit } from './holdout';
import { encodeLabelsSteps, type EncodedLabels, type Label } from './labels';

const WHAT = 'Stratified split';

export function stratifiedHoldoutSplit(labels: ArrayLike<Label>, options: HoldoutOptions): HoldoutSplit {
  return runSteps(stratifiedSteps(labels, options)).split;
}

export interface StratifiedSplit {
  split: HoldoutSplit;
  /** The labels as encoded for the split (classes sorted), for counting each part's classes. */
  encoded: EncodedLabels;
}

/** stratifiedHoldoutSplit as steps (lib/data/slices.ts): the same draws in the same order. */
export function* stratifiedSteps(labels: ArrayLike<Label>, options: HoldoutOptions): Steps<StratifiedSplit> {
  const n = labels.length;
  if (options.shuffle === false) {
    // As sklearn: consecutive blocks of rows cannot keep every class's share.
    throw new Error(`${WHAT}: a stratified split always shuffles; leave shuffle on, or split without stratifying.`);
  }
  const sizes = holdoutSizes(n, options.test, options.validation ?? 0);
  const encoded = yield* encodeLabelsSteps(labels, 'sorted', WHAT);
  const { classes, codes, counts } = encoded;
  const rare = classes.filter((_, c) => counts[c] < 2);
  if (rare.length > 0) {
    throw new Error(
      `${WHAT}: class ${rare.map((c) => `"${c}"`).join(', ')} has only 1 row, which cannot be in both the training and the test part. ` +
        `Remove or merge that class, or split without stratifying.`,
    );
  }
  for (const [part, size] of Object.entries(sizes)) {
    if ((part !== 'validation' || size > 0) && size < classes.length) {
      throw new Error(
        `${WHAT}: the ${part} part would have ${size} rows, fewer than the ${classes.length} classes, so some class could not appear in it. ` +
          `Make the ${part} fraction larger.`,
      );
    }
  }

  const rng = createRng(options.seed);
  const train = approximateMode(counts, sizes.train, rng);
  ensureEveryClassTrains(train, counts);
  const left = counts.map((c, i) => c - train[i]);
  const validation = sizes.validation > 0 ? approximateMode(left, sizes.validation, rng) : left.map(() => 0);

  // Each class's rows in random order: the first go to train, the next to validation, the rest to test.
  const rowsOf: number[][] = classes.map(() => []);
  yield* inSteps(n, (start, end) => {
    for (let row = start; row < end; row++) rowsOf[codes[row]].push(row);
  });
  const parts: HoldoutSplit = { train: new Int32Array(sizes.train), validation: new Int32Array(sizes.validation), test: new Int32Array(sizes.test) };
  const filled = { train: 0, validation: 0, test: 0 };
  for (let c = 0; c < rowsOf.length; c++) {
    const rows = yield* shuffleSteps(rowsOf[c], rng);
    yield* inSteps(rows.length, (start, end) => {
      for (let i = start; i < end; i++) {
        const part = i < train[c] ? 'train' : i < train[c] + validation[c] ? 'validation' : 'test';
        parts[part][filled[part]++] = rows[i];
      }
    });
  }
  // Mix the classes within each part, so a learner reading rows in order does not see them grouped.
  yield* shuffleSteps(parts.train, rng);
  yield* shuffleSteps(parts.validation, rng);
  yield* shuffleSteps(parts.test, rng);
  return { split: parts, encoded };
}

/**
 * sklearn's _approximate_mode: split `draws` among classes in proportion to
 * `counts`, flooring, then handing the missing units to the largest
 * remainders (ties in random order).
 */
export function approximateMode(counts: readonly number[], draws: number, rng: Rng): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const continuous = counts.map((c) => (c / total) * draws);
  const floored = continuous.map(Math.floor);
  let need = draws - floored.reduce((a, b) => a + b, 0);
  const remainder = continuous.map((x, i) => x - floored[i]);
  const values = [...new Set(remainder)].sort((a, b) => b - a);
  for (const value of values) {
    if (need <= 0) break;
    const tied = shuffleInPlace(remainder.flatMap((r, i) => (r === value ? [i] : [])), rng);
    for (const i of tied.slice(0, need)) floored[i]++;
    need -= Math.min(need, tied.length);
  }
  return floored;
}

function ensureEveryClassTrains(train: number[], counts: readonly number[]): void {
  for (let c = 0; c < train.length; c++) {
    if (train[c] > 0 || counts[c] < 2) continue;
    let donor = 0;
    for (let d = 1; d < train.length; d++) if (train[d] > train[donor]) donor = d;
    if (train[donor] < 2) continue; // nothing to spare (cannot happen when train ≥ number of classes)
    train[donor]--;
    train[c]++;
  }
}
