// The split cell holds rows out: a test part (and optionally a validation
// part) that models never train on. Downstream of a prepare cell it splits
// the prepare cell's *input* rows, fits the preparation on the training part
// only, and applies what it learned, unchanged, to the held-out parts — so no
// statistic of a held-out row leaks into training.
import { applyPipeline, fitAndApplyPipeline, type FittedPipeline, type StepReport } from '../../lib/data/prepare';
import { takeRows, type Table } from '../../lib/data/table';
import { valueOf } from '../../lib/notebook/controls';
import { holdoutSplit, labelsOf, stratifiedHoldoutSplit, type HoldoutSplit } from '../../lib/validation';
import type { RunContext } from '../types';
import { heldOutParts, type PartName, type SplitOutput } from '../shared/parts';
import { missingColumns, tableFrom, waitingOn, type ColumnChoice, type Waiting } from '../shared/table-input';
import { askForColumns, isPrepareOutput } from '../prepare/run';
import { learnedOnSentence } from './leakage';
import type { SplitOptions } from './schema';

type PartRecord<T> = { train: T; validation?: T; test: T };

export interface ClassCounts {
  column: string;
  classes: string[];
  /** Rows of each class in each part, as split (before any preparation drops rows). */
  counts: PartRecord<number[]>;
}

export interface SplitCellOutput extends SplitOutput {
  test: Table;
  /** Rows in each part, as the models get them. */
  sizes: PartRecord<number>;
  /** Columns of the rows that were split (for the stratify picker). */
  columns: string[];
  /** Row numbers of the input (the prepare cell's input, when there is one) in each part. */
  rows: PartRecord<Int32Array>;
  classCounts?: ClassCounts;
  /** When a preparation was re-fitted: what it learned on the training part and did to each part. */
  fitted?: FittedPipeline;
  reports?: PartRecord<StepReport[]>;
  /** The no-leakage sentence, when a preparation was re-fitted. */
  learnedOn?: string;
}

function indicesOf(source: Table, options: SplitOptions): HoldoutSplit {
  const fractions = { test: valueOf(options.test), validation: valueOf(options.validation), seed: options.seed };
  return options.stratify ? stratifiedHoldoutSplit(labelsOf(source, options.stratify), fractions) : holdoutSplit(source.rowCount, fractions);
}

function countClasses(source: Table, column: string, split: HoldoutSplit, parts: PartName[]): ClassCounts {
  const labels = labelsOf(source, column);
  // Sorted as the engine sorts classes: numbers by value, text by code point.
  const distinct = [...new Set(labels)].filter((l): l is string | number => l !== null);
  const classes = distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
  const tally = (rows: Int32Array) => {
    const n = new Map(classes.map((c) => [c, 0]));
    for (const row of rows) n.set(String(labels[row]), n.get(String(labels[row]))! + 1);
    return classes.map((c) => n.get(c)!);
  };
  const counts = Object.fromEntries(parts.map((p) => [p, tally(split[p])])) as PartRecord<number[]>;
  return { column, classes, counts };
}

export function runSplit({ options, inputs }: RunContext<SplitOptions>): SplitCellOutput | ColumnChoice | Waiting {
  const input = inputs[options.input];
  const waiting = waitingOn(input);
  if (waiting) return waiting;
  const prepared = isPrepareOutput(input) ? input : undefined;
  const source = prepared ? prepared.source : tableFrom(input, options.input);
  if (options.stratify) {
    const choice = missingColumns(source, [options.stratify]);
    if (choice) return askForColumns(choice);
  }

  const split = indicesOf(source, options);
  const names: PartName[] = split.validation.length ? ['train', 'validation', 'test'] : ['train', 'test'];
  const raw = Object.fromEntries(names.map((p) => [p, takeRows(source, split[p])])) as PartRecord<Table>;
  const rows = Object.fromEntries(names.map((p) => [p, split[p]])) as PartRecord<Int32Array>;
  const classCounts = options.stratify ? countClasses(source, options.stratify, split, names) : undefined;

  const columns = source.columns.map((c) => c.name);
  if (!prepared) {
    return finish(raw, rows, columns, classCounts);
  }
  // Fit on the training rows only; the held-out parts get the fitted steps as they are.
  const train = fitAndApplyPipeline(raw.train, prepared.pipeline);
  const parts: PartRecord<Table> = { train: train.table, test: raw.test };
  const reports: PartRecord<StepReport[]> = { train: train.reports, test: [] };
  for (const part of heldOutParts(raw)) {
    const result = applyPipeline(raw[part]!, train.fitted);
    parts[part] = result.table;
    reports[part] = result.reports;
  }
  return {
    ...finish(parts, rows, columns, classCounts),
    fitted: train.fitted,
    reports,
    learnedOn: learnedOnSentence(prepared.pipeline, raw.train.rowCount, heldOutParts(raw)),
  };
}

function finish(
  parts: PartRecord<Table>,
  rows: PartRecord<Int32Array>,
  columns: string[],
  classCounts: ClassCounts | undefined,
): SplitCellOutput {
  const sizes: PartRecord<number> = { train: parts.train.rowCount, test: parts.test.rowCount };
  if (parts.validation) sizes.validation = parts.validation.rowCount;
  return { parts: true, table: parts.train, ...parts, sizes, columns, rows, classCounts };
}
