// The split cell holds rows out: a test part (and optionally a validation
// part) that models never train on. Downstream of a prepare cell it splits
// the prepare cell's *input* rows, fits the preparation on the training part
// only, and applies what it learned, unchanged, to the held-out parts — so no
// statistic of a held-out row leaks into training.
import type { FittedPipeline, StepReport } from '../../lib/data/prepare';
import { inSteps, runSized, type Steps } from '../../lib/data/slices';
import type { ColumnSummary } from '../../lib/data/summary';
import { getColumn, takeRowsSteps, type Table } from '../../lib/data/table';
import { runEngineTask } from '../engine/run-task';
import { valueOf } from '../../lib/notebook/controls';
import { holdoutSteps, stratifiedSteps, type EncodedLabels, type HoldoutSplit, type Label } from '../../lib/validation';
import type { RunContext } from '../types';
import { heldOutParts, type PartName, type SplitOutput } from '../shared/parts';
import { missingColumns, tableFrom, waitingOn, type ColumnChoice, type Waiting } from '../shared/table-input';
import { askForColumns, isPrepareOutput, type PrepareOutput } from '../prepare/run';
import { learnedOnSentence } from './leakage';
import { refitHere, refitInEngine, type PartRecord, type Refitted } from './refit';
import type { SplitOptions } from './schema';


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
  /** The training part's column summaries, made by the engine for a large table (outputColumns reads them). */
  summaries?: ColumnSummary[];
}

interface SplitParts {
  split: HoldoutSplit;
  raw: PartRecord<Table>;
  classCounts?: ClassCounts;
}

/**
 * The parts' rows and tables, with each part's class counts when stratified: as steps, so that
 * a million rows are shuffled and gathered in slices between which the page can draw.
 */
function* partsSteps(source: Table, options: SplitOptions): Steps<SplitParts> {
  const fractions = { test: valueOf(options.test), validation: valueOf(options.validation), seed: options.seed };
  let split: HoldoutSplit;
  let encoded: EncodedLabels | undefined;
  if (options.stratify) {
    // The column's own values: a stratified split treats NaN as missing, as a null.
    const labels = getColumn(source, options.stratify)!.values as ArrayLike<Label>;
    ({ split, encoded } = yield* stratifiedSteps(labels, fractions));
  } else {
    split = yield* holdoutSteps(source.rowCount, fractions);
  }
  const names = partNames(split);
  const raw = {} as PartRecord<Table>;
  for (const p of names) raw[p] = yield* takeRowsSteps(source, split[p]);
  const classCounts = encoded ? yield* countClasses(options.stratify!, encoded, split, names) : undefined;
  return { split, raw, classCounts };
}

function partNames(split: HoldoutSplit): PartName[] {
  return split.validation.length ? ['train', 'validation', 'test'] : ['train', 'test'];
}

/** Rows of each class in each part; classes as the split encoded them (sorted as the engine sorts them). */
function* countClasses(column: string, encoded: EncodedLabels, split: HoldoutSplit, parts: PartName[]): Steps<ClassCounts> {
  const counts = {} as PartRecord<number[]>;
  for (const p of parts) {
    const tally = new Array<number>(encoded.classes.length).fill(0);
    const rows = split[p];
    yield* inSteps(rows.length, (start, end) => {
      for (let i = start; i < end; i++) tally[encoded.codes[rows[i]]]++;
    });
    counts[p] = tally;
  }
  return { column, classes: encoded.classes.map(String), counts };
}

type SplitResult = SplitCellOutput | ColumnChoice | Waiting;

/** Small tables are split at once; a large one in slices, so the page keeps drawing (lib/data/slices.ts). */
export function runSplit({ options, inputs, signal }: RunContext<SplitOptions>): SplitResult | Promise<SplitResult> {
  const input = inputs[options.input];
  const waiting = waitingOn(input);
  if (waiting) return waiting;
  const prepared = isPrepareOutput(input) ? input : undefined;
  const source = prepared ? prepared.source : tableFrom(input, options.input);
  if (options.stratify) {
    const choice = missingColumns(source, [options.stratify]);
    if (choice) return askForColumns(choice);
  }

  const parts = runSized(source.rowCount * (source.columns.length + 1), partsSteps(source, options), { signal });
  if (!(parts instanceof Promise)) return splitOutput(parts, source, prepared);
  // A large table's preparation and summaries are made by the engine (its worker), not on the page.
  return parts.then(async (p) => {
    if (prepared) return splitOutput(p, source, prepared, await refitInEngine(p.raw, prepared.pipeline, signal));
    const output = splitOutput(p, source, undefined);
    output.summaries = await runEngineTask<ColumnSummary[]>('summarise', {}, { tables: { table: output.train }, signal });
    return output;
  });
}

function splitOutput({ split, raw, classCounts }: SplitParts, source: Table, prepared: PrepareOutput | undefined, refitted?: Refitted): SplitCellOutput {
  const rows = Object.fromEntries(partNames(split).map((p) => [p, split[p]])) as PartRecord<Int32Array>;
  const columns = source.columns.map((c) => c.name);
  if (!prepared) return finish(raw, rows, columns, classCounts);
  const { parts, reports, fitted, summaries } = refitted ?? refitHere(raw, prepared.pipeline);
  return {
    ...finish(parts, rows, columns, classCounts),
    fitted,
    reports,
    learnedOn: learnedOnSentence(prepared.pipeline, raw.train.rowCount, heldOutParts(raw)),
    ...(summaries && { summaries }),
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
