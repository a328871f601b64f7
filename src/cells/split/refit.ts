// A split below a prepare cell fits the preparation again on the training rows only, and
// applies what it learned, unchanged, to the held-out parts (so no statistic of a held-out
// row leaks into training). Small tables do it here; a large one through the engine (its
// worker), since outlier fences, medians and scalers of a million rows take 100–400 ms.
import { applyPipeline, fitAndApplyPipeline, type FittedPipeline, type Pipeline, type StepReport } from '../../lib/data/prepare';
import type { ColumnSummary } from '../../lib/data/summary';
import type { Table } from '../../lib/data/table';
import { runEngineTask } from '../engine/run-task';
import { withSourceColumns, type PreparedTable } from '../prepare/source-columns';
import { heldOutParts } from '../shared/parts';

export type PartRecord<T> = { train: T; validation?: T; test: T };

export interface Refitted {
  parts: PartRecord<Table>;
  reports: PartRecord<StepReport[]>;
  fitted: FittedPipeline;
  /** The prepared training part's summaries, when the engine made them. */
  summaries?: ColumnSummary[];
}

export function refitHere(raw: PartRecord<Table>, pipeline: Pipeline): Refitted {
  const train = fitAndApplyPipeline(raw.train, pipeline);
  const parts: PartRecord<Table> = { train: train.table, test: raw.test };
  const reports: PartRecord<StepReport[]> = { train: train.reports, test: [] };
  for (const part of heldOutParts(raw)) {
    const result = applyPipeline(raw[part]!, train.fitted);
    parts[part] = result.table;
    reports[part] = result.reports;
  }
  return { parts, reports, fitted: train.fitted };
}

/** refitHere through the engine's `prepare` and `prepare.apply` tasks: the same functions, off the page. */
export async function refitInEngine(raw: PartRecord<Table>, pipeline: Pipeline, signal?: AbortSignal): Promise<Refitted> {
  const train = await runEngineTask<PreparedTable>('prepare', { pipeline }, { tables: { source: raw.train }, signal });
  const parts: PartRecord<Table> = { train: withSourceColumns(train.table, raw.train), test: raw.test };
  const reports: PartRecord<StepReport[]> = { train: train.reports, test: [] };
  for (const part of heldOutParts(raw)) {
    const source = raw[part]!;
    const result = await runEngineTask<PreparedTable>('prepare.apply', { fitted: train.fitted }, { tables: { source }, signal });
    parts[part] = withSourceColumns(result.table, source);
    reports[part] = result.reports;
  }
  return { parts, reports, fitted: train.fitted, summaries: train.summaries };
}
