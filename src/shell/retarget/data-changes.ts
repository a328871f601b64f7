// Notices when a dataset cell's data changes to a table with other columns
// (an upload onto a lesson, another shipped file), and which of the cells
// that depend on it name columns the new data lacks: then the notebook asks
// once, in the re-target dialog, for a new target and features. Notebooks
// with no target anywhere (only tables and plots) keep the per-cell question.
import type { Block } from '../../lib/notebook/model';
import type { ColumnSummary } from '../../lib/data/summary';
import type { Table } from '../../lib/data/table';
import { columnFacts, RetargetData } from '../../cells/shared/retarget';
import { asksForTarget, dependentCells, staleCells, type StaleCell } from '../../cells/shared/retarget-plan';

export interface DataChange {
  datasetId: string;
  /** The new file's name ("cars.csv"). */
  name: string;
  data: RetargetData;
  stale: StaleCell[];
}

interface DatasetData {
  table: Table;
  summaries: ColumnSummary[];
  name: string;
}

function isDatasetData(output: unknown): output is DatasetData {
  const o = output as Partial<DatasetData> | undefined;
  return Array.isArray(o?.table?.columns) && Array.isArray(o?.summaries);
}

export class DataChanges {
  /** The column names each dataset cell's data had when last seen. */
  readonly #columns = new Map<string, string[]>();
  readonly #outputs = new Map<string, unknown>();

  /**
   * Call with each dataset cell's latest output: a change of columns that
   * leaves dependents naming lost columns is returned (once per new output).
   */
  see(datasetId: string, output: unknown, blocks: readonly Block[]): DataChange | undefined {
    if (!isDatasetData(output) || this.#outputs.get(datasetId) === output) return undefined;
    this.#outputs.set(datasetId, output);
    const names = output.table.columns.map((c) => c.name);
    const before = this.#columns.get(datasetId);
    this.#columns.set(datasetId, names);
    if (!before || sameNames(before, names) || !asksForTarget(dependentCells(blocks, datasetId))) return undefined;
    const data = new RetargetData(columnFacts(output.table, output.summaries));
    const stale = staleCells(blocks, datasetId, before, data);
    return stale.length ? { datasetId, name: output.name, data, stale } : undefined;
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}
