// What every model cell does before fitting: wait for data, take the parts
// of its input, check that the target and features are columns of the
// training part (asking for replacements when new data lacks them), and
// deal with gaps in them: say which columns have gaps (the view offers to
// drop the rows or add a prepare cell), or drop those rows when the cell's
// `missing: drop` says so, counting them.
import { columnRoles, usableAsFeature } from '../../lib/data/roles';
import { summarise } from '../../lib/data/summary';
import { getColumn, isMissing, isNumeric, missingCount, takeRows, type Column, type Table } from '../../lib/data/table';
import { partsFrom, type DataParts, type PartName } from './parts';
import { missingColumns, waitingOn, type ColumnChoice, type Waiting } from './table-input';

export interface ModelColumns {
  target: string;
  features: string[];
}

/** What a model cell does with rows that have a gap in its target or features. */
export type MissingRule = 'ask' | 'drop';

/** The model's columns have gaps: the view offers the two ways out, keeping its pickers. */
export interface GapsInColumns extends Waiting {
  gaps: { column: string; missing: number; role: 'target' | 'feature' }[];
  /** Rows of the training part with at least one gap. */
  rows: number;
  trainRows: number;
  /** Columns a model can take as numeric features, for the pickers. */
  numeric: string[];
}

export function isGapsInColumns(output: unknown): output is GapsInColumns {
  return Array.isArray((output as Partial<GapsInColumns> | undefined)?.gaps);
}

/** Rows dropped from each part for a gap in the target or a feature (`missing: drop`). */
export type DroppedRows = Partial<Record<PartName, { dropped: number; of: number }>>;

const PART_NAMES: PartName[] = ['train', 'validation', 'test'];

/** The parts to fit on, or what the cell should output instead (a wait, a column choice, gaps to handle). */
export function modelParts(
  inputs: Record<string, unknown>,
  inputId: string,
  columns: ModelColumns,
  /** Which columns to offer as replacements (a regression needs numbers everywhere). */
  offer: (column: Column) => boolean = () => true,
  missing: MissingRule = 'ask',
): { parts: DataParts; dropped?: DroppedRows } | { instead: Waiting | ColumnChoice | GapsInColumns } {
  const input = inputs[inputId];
  const waiting = waitingOn(input);
  if (waiting) return { instead: waiting };
  const parts = partsFrom(input, inputId);
  const named = [columns.target, ...columns.features];
  const choice = missingColumns(parts.train, named);
  if (choice) {
    const offered = new Set(parts.train.columns.filter(offer).map((c) => c.name));
    return { instead: { ...choice, available: choice.available.filter((name) => offered.has(name)) } };
  }
  if (columns.features.includes(columns.target)) {
    throw new Error(`'${columns.target}' is the target; it cannot also be a feature.`);
  }
  if (missing === 'drop') return dropIncomplete(parts, named);
  const gaps = gapsIn(parts, columns);
  return gaps ? { instead: gaps } : { parts };
}

/** The rows of `table` with a gap in one of `names`. */
function incompleteRows(table: Table, names: string[]): boolean[] {
  const present = names.map((n) => getColumn(table, n)).filter((c): c is Column => c !== undefined);
  return Array.from({ length: table.rowCount }, (_, row) => present.some((c) => isMissing(c, row)));
}

function gapsIn(parts: DataParts, columns: ModelColumns): GapsInColumns | undefined {
  const gaps: GapsInColumns['gaps'] = [];
  const named = [columns.target, ...columns.features];
  for (const name of named) {
    let count = 0;
    for (const part of PART_NAMES) {
      const column = parts[part] && getColumn(parts[part], name);
      if (column) count += missingCount(column);
    }
    if (count) gaps.push({ column: name, missing: count, role: name === columns.target ? 'target' : 'feature' });
  }
  if (!gaps.length) return undefined;
  const rows = incompleteRows(parts.train, named).filter(Boolean).length;
  const what = gaps.map((g) => `'${g.column}' (${g.missing})`).join(', ');
  return {
    waiting: `Waiting for the gaps in ${what} to be handled in the model cell.`,
    gaps,
    rows,
    trainRows: parts.train.rowCount,
    numeric: featureColumnNames(parts.train),
  };
}

function dropIncomplete(parts: DataParts, named: string[]): { parts: DataParts; dropped: DroppedRows } {
  const kept: DataParts = { train: parts.train };
  const dropped: DroppedRows = {};
  for (const part of PART_NAMES) {
    const table = parts[part];
    if (!table) continue;
    const incomplete = incompleteRows(table, named);
    const keep = incomplete.flatMap((bad, row) => (bad ? [] : [row]));
    kept[part] = keep.length === table.rowCount ? table : takeRows(table, keep);
    dropped[part] = { dropped: table.rowCount - keep.length, of: table.rowCount };
  }
  if (kept.train.rowCount === 0) throw new Error('Every training row has a missing value in the target or a feature: nothing is left to fit.');
  return { parts: kept, dropped };
}

// Roles take a pass over the table; a slider's re-run reuses them.
const featureNamesOf = new WeakMap<Table, string[]>();

/** Records the names computed for this table elsewhere (by the engine worker), so the page needs no pass of its own. */
export function knownFeatureColumnNames(table: Table, names: string[]): void {
  featureNamesOf.set(table, names);
}

/**
 * Numeric columns a model may take as features, for the pickers: never an
 * identifier (a distinct whole number on every row), a constant or an empty
 * column (see lib/data/roles).
 */
export function featureColumnNames(table: Table): string[] {
  let names = featureNamesOf.get(table);
  if (!names) {
    const numeric = table.columns.filter(isNumeric);
    const roles = columnRoles(table, summarise({ columns: numeric, rowCount: table.rowCount }));
    names = roles.filter((r) => usableAsFeature(r.role)).map((r) => r.name);
    featureNamesOf.set(table, names);
  }
  return names;
}
