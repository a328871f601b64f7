// A prepared table often passes columns of its source through untouched
// (scaling three columns of twelve). Coming back from the engine worker,
// such a column is named by its position in the source instead of sent, and
// the page puts the source's own column back: no copy, and the page keeps
// one array per column as it does when it prepares in-process.
import type { FittedPipeline, StepReport } from '../../lib/data/prepare';
import type { ColumnSummary } from '../../lib/data/summary';
import type { Column, Table } from '../../lib/data/table';

export interface PreparedTable {
  table: Table;
  reports: StepReport[];
  fitted: FittedPipeline;
  /** The prepared table's column summaries, when the engine task made them. */
  summaries?: ColumnSummary[];
}

interface SourceReference {
  name: string;
  type: Column['type'];
  fromSource: number;
}

/** In the task: unchanged columns become references to the source's. */
export function referToSource(table: Table, source: Table): Table {
  const index = new Map(source.columns.map((c, j) => [c.values, j] as const));
  const columns = table.columns.map((c) => {
    const j = index.get(c.values);
    return j === undefined ? c : ({ name: c.name, type: c.type, fromSource: j } satisfies SourceReference as unknown as Column);
  });
  return { ...table, columns };
}

/** On the page: references become the source's columns again (renamed or retyped as the step left them). */
export function withSourceColumns(table: Table, source: Table): Table {
  const columns = table.columns.map((c) => {
    const ref = c as unknown as Partial<SourceReference>;
    return typeof ref.fromSource === 'number' ? ({ ...source.columns[ref.fromSource], name: c.name, type: ref.type } as Column) : c;
  });
  return { ...table, columns };
}
