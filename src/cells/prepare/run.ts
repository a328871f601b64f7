// The prepare cell turns its options into a preparation pipeline, fits it on
// the whole input table (to explore what it does) and passes on the steps
// and the untouched input, so a split cell can fit them again on its
// training rows only.
import { fitAndApplyPipeline, type FittedPipeline, type Pipeline, type StepReport } from '../../lib/data/prepare';
import type { ColumnSummary } from '../../lib/data/summary';
import type { Table } from '../../lib/data/table';
import type { RunContext } from '../types';
import { firstRows, type TableRows } from '../shared/rows';
import { missingColumns, tableFrom, waitingOn, type ColumnChoice, type HasTable, type Waiting } from '../shared/table-input';
import type { PrepareOptions } from './schema';
import { buildPipeline, namedColumns } from './steps';
import { runEngineTask } from '../engine/run-task';
import { withSourceColumns, type PreparedTable } from './source-columns';

export interface PrepareOutput extends HasTable {
  /** The whole input, prepared. */
  table: Table;
  /** The input as it came. */
  source: Table;
  /** The step specs, columns resolved, in the order they ran. */
  pipeline: Pipeline;
  /** What the steps learned from the whole input. */
  fitted: FittedPipeline;
  reports: StepReport[];
  /** The input's columns by kind, for the view's pickers. */
  columns: { all: string[]; numeric: string[]; categorical: string[] };
  preview: TableRows;
  /** The prepared table's column summaries, made by the engine (outputColumns reads them). */
  summaries?: ColumnSummary[];
}

/** A prepare cell's output: a split cell re-fits its pipeline on training rows. */
export function isPrepareOutput(value: unknown): value is PrepareOutput {
  const v = value as Partial<PrepareOutput> | undefined;
  return Array.isArray(v?.pipeline) && Array.isArray(v?.source?.columns);
}

const PREVIEW_ROWS = 5;

/** The choice for this cell's view; cells downstream see a Waiting and show a message rather than fail. */
export function askForColumns(choice: ColumnChoice): ColumnChoice & Waiting {
  return { ...choice, waiting: 'Waiting for replacement columns to be chosen upstream.' };
}

/** The cell's run: the pipeline is fitted and applied by the engine (its worker for large tables). */
export async function runPrepareCell(ctx: RunContext<PrepareOptions>): Promise<PrepareOutput | ColumnChoice | Waiting> {
  const ready = prepareInputs(ctx);
  if ('instead' in ready) return ready.instead;
  const { source, pipeline } = ready;
  const result = await runEngineTask<PreparedTable>('prepare', { pipeline }, { tables: { source }, signal: ctx.signal });
  return prepareOutput(source, pipeline, { ...result, table: withSourceColumns(result.table, source) });
}

/** The same, computed in this thread. */
export function runPrepare(ctx: RunContext<PrepareOptions>): PrepareOutput | ColumnChoice | Waiting {
  const ready = prepareInputs(ctx);
  return 'instead' in ready ? ready.instead : prepareOutput(ready.source, ready.pipeline, fitAndApplyPipeline(ready.source, ready.pipeline));
}

function prepareInputs({ options, inputs }: RunContext<PrepareOptions>): { source: Table; pipeline: Pipeline } | { instead: ColumnChoice | Waiting } {
  const input = inputs[options.input];
  const waiting = waitingOn(input);
  if (waiting) return { instead: waiting };
  const source = tableFrom(input, options.input);
  const choice = missingColumns(source, namedColumns(options));
  if (choice) return { instead: askForColumns(choice) };
  return { source, pipeline: buildPipeline(source, options) };
}

function prepareOutput(source: Table, pipeline: Pipeline, { table, reports, fitted, summaries }: PreparedTable): PrepareOutput {
  const names = (keep: (type: string) => boolean) => source.columns.filter((c) => keep(c.type)).map((c) => c.name);
  return {
    table,
    source,
    pipeline,
    fitted,
    reports,
    columns: { all: names(() => true), numeric: names((t) => t === 'numeric'), categorical: names((t) => t === 'categorical') },
    preview: firstRows(table, table.columns.map((c) => c.name), PREVIEW_ROWS),
    ...(summaries && { summaries }),
  };
}
