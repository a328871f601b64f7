// Where a sweep fits and where it scores. It needs rows the model never
// trains on: the validation part when there is one, else the test part (with
// a warning), else a part it splits off the training rows itself.
import { takeRows, type Table } from '../../lib/data/table';
import { holdoutSplit } from '../../lib/validation';
import type { DataParts } from '../shared/parts';

export interface SweepData {
  train: Table;
  held: Table;
  /** What `held` is, for column headers and sentences. */
  heldName: 'validation' | 'test';
  /** Said under the curve when the choice of rows needs explaining. */
  note?: string;
}

export function sweepData(parts: DataParts, fraction: number, seed: number): SweepData {
  if (parts.validation) return { train: parts.train, held: parts.validation, heldName: 'validation' };
  if (parts.test) {
    return {
      train: parts.train,
      held: parts.test,
      heldName: 'test',
      note:
        'The data has no validation part, so this sweep scores on the test part. Picking a value by its test error uses the test part up: ' +
        'its error is no longer a fair estimate for new data. Give the split a validation fraction to keep the test part for the end.',
    };
  }
  const split = holdoutSplit(parts.train.rowCount, { test: fraction, seed });
  return {
    train: takeRows(parts.train, split.train),
    held: takeRows(parts.train, split.test),
    heldName: 'validation',
    note:
      `The model has no held-out rows, so this sweep set ${split.test.length} of its ${parts.train.rowCount} training rows ` +
      `(${Math.round(fraction * 100)}%, seed ${seed}) aside to validate on, and fits on the other ${split.train.length}.`,
  };
}
