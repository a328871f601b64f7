// The planner runs the built notebook's data cells ahead of time, with the
// same library functions the prepare and split cells call, so that the model
// cell names exactly the columns its training part will have (one-hot columns
// exist only for categories seen in training; an indicator only for columns
// with gaps there) and so that no built cell can end in an error.
import { dropMissing, fitAndApplyPipeline, type Pipeline } from '../../data/prepare';
import { takeRows, type Table } from '../../data/table';
import { holdoutSplit, labelsOf, stratifiedHoldoutSplit, type HoldoutSplit } from '../../validation';

export interface SplitSettings {
  test: number;
  seed: number;
  /** The class column to stratify by (classification). */
  stratify?: string;
}

/** The rows the split sees: all of them, or those with a target when rows without one are dropped first. */
export function rowsWithTarget(table: Table, target: string, drop: boolean): Table {
  return drop ? dropMissing(table, { columns: [target] }).table : table;
}

export function splitRows(table: Table, settings: SplitSettings): HoldoutSplit {
  const fractions = { test: settings.test, validation: 0, seed: settings.seed };
  return settings.stratify ? stratifiedHoldoutSplit(labelsOf(table, settings.stratify), fractions) : holdoutSplit(table.rowCount, fractions);
}

/** The training part as the model cell will get it: the split's training rows, prepared by a pipeline fitted on them. */
export function preparedTraining(table: Table, split: HoldoutSplit, pipeline: Pipeline): Table {
  const train = takeRows(table, split.train);
  return pipeline.length ? fitAndApplyPipeline(train, pipeline).table : train;
}
