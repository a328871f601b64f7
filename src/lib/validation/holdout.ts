// Holdout: keep a part of the rows unseen ("80% train and 20% test or 70%
// train and 30% test"), optionally with a validation part for tuning.
//
// Sizes follow scikit-learn's train_test_split: test = ceil(n·test),
// validation = ceil(n·validation) (both fractions of all n rows), and train
// gets the rest, so rounding never takes rows from the test part.

import { permutationSteps } from '../data/random';
import { runSteps, type Steps } from '../data/slices';
import { requireRowCount } from './folds';

/** The two splits the study guide names. */
export const TEST_FRACTION_PRESETS = [0.2, 0.3] as const;

export interface HoldoutOptions {
  /** Fraction of all rows for the test part, in (0, 1). */
  test: number;
  /** Fraction of all rows for a validation part, in [0, 1); none when left out. */
  validation?: number;
  seed: number;
  /** Shuffle before splitting (default true). Without it the parts are consecutive rows: train, validation, test. */
  shuffle?: boolean;
}

/** Row indices of each part, in random order when shuffled (ascending otherwise). validation is empty when not asked for. */
export interface HoldoutSplit {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

export interface HoldoutSizes {
  train: number;
  validation: number;
  test: number;
}

export function holdoutSizes(n: number, test: number, validation = 0): HoldoutSizes {
  requireRowCount(n, 'Holdout split');
  requireFraction(test, 'test', false);
  requireFraction(validation, 'validation', true);
  const nTest = Math.ceil(n * test);
  const nValidation = Math.ceil(n * validation);
  const nTrain = n - nTest - nValidation;
  if (nTrain < 1) {
    throw new Error(
      `Holdout split: with ${n} rows, a test part of ${nTest}` +
        (nValidation > 0 ? ` and a validation part of ${nValidation}` : '') +
        ` leave no rows to train on. Use smaller fractions or more data.`,
    );
  }
  return { train: nTrain, validation: nValidation, test: nTest };
}

function requireFraction(x: number, name: string, zeroAllowed: boolean): void {
  if (typeof x !== 'number' || !(x > 0 || (zeroAllowed && x === 0)) || !(x < 1)) {
    const range = zeroAllowed ? '0 (none) or more, and less than 1' : 'more than 0 and less than 1';
    throw new Error(`Holdout split: the ${name} fraction must be ${range} (e.g. 0.2 for 20%), got ${x}.`);
  }
}

export function holdoutSplit(n: number, options: HoldoutOptions): HoldoutSplit {
  return runSteps(holdoutSteps(n, options));
}

/** holdoutSplit as steps (lib/data/slices.ts): the shuffle of a million rows, in slices. */
export function* holdoutSteps(n: number, options: HoldoutOptions): Steps<HoldoutSplit> {
  const sizes = holdoutSizes(n, options.test, options.validation ?? 0);
  let order: Int32Array;
  if (options.shuffle === false) {
    // Consecutive blocks in table order: train first, as train_test_split(shuffle=False) does.
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    return {
      train: order.slice(0, sizes.train),
      validation: order.slice(sizes.train, sizes.train + sizes.validation),
      test: order.slice(sizes.train + sizes.validation),
    };
  }
  order = yield* permutationSteps(n, options.seed);
  // Test first, as ShuffleSplit takes it from the front of the permutation.
  return {
    test: order.slice(0, sizes.test),
    validation: order.slice(sizes.test, sizes.test + sizes.validation),
    train: order.slice(sizes.test + sizes.validation),
  };
}
