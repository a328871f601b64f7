// One-hot encoding: a categorical column with levels {a, b, c} becomes three
// 0/1 columns `<name>_a`, `<name>_b`, `<name>_c`, in place of the original.
//
// Conventions, following scikit-learn's OneHotEncoder:
//   - levels are the sorted distinct values seen when fitting (strings by
//     code point, like Python's sorted; booleans false before true);
//   - dropFirst removes the first level's column (drop='first'): with an
//     intercept and no penalty the full set of dummies is collinear (the
//     "dummy-variable trap"); the dropped level is then the all-zeros row;
//   - a level not seen when fitting encodes as all zeros
//     (handle_unknown='ignore') and is counted in the report.
// Differs from scikit-learn 1.2: a missing value also encodes as all zeros
// (sklearn would make it a category of its own); the report counts them.

import { isNumeric, type Column, type Table } from '../table';
import { mapColumns, numericColumn, requireFreeName, requireRows, selectColumns } from './columns';
import { count, emptyReport, type StepResult } from './report';

export interface OneHotOptions {
  /** Columns to encode (categorical, text or boolean); every categorical column when left out. */
  columns?: string[];
  dropFirst?: boolean;
}

export interface OneHotEncoding {
  column: string;
  kind: 'string' | 'boolean';
  /** All levels seen when fitting, sorted (booleans as "0" and "1"). */
  levels: string[];
  /** The level without a column (dropFirst), or null. */
  dropped: string | null;
  /** Names of the columns added, one per level that is not dropped, in level order. */
  outputs: string[];
}

export interface OneHotParams {
  dropFirst: boolean;
  encodings: OneHotEncoding[];
}

const STEP = 'One-hot encoding';

/** Sorts strings by UTF-16 code unit, which is Python's order for every character outside the astral planes. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function fitOneHot(table: Table, options: OneHotOptions = {}): OneHotParams {
  requireRows(table, STEP);
  const dropFirst = options.dropFirst === true;
  const columns = selectColumns(table, options.columns, STEP, (c) => c.type === 'categorical');
  const encodings = columns.map((column) => encodingFor(column, dropFirst));
  // Every new name must be new: not an existing column that stays, not another dummy.
  const removed = new Set(encodings.map((e) => e.column));
  const kept: Table = { columns: table.columns.filter((c) => !removed.has(c.name)), rowCount: table.rowCount };
  const seen = new Set<string>();
  for (const name of encodings.flatMap((e) => e.outputs)) {
    requireFreeName(kept, name, STEP);
    if (seen.has(name)) throw new Error(`${STEP}: two encoded columns would both be called "${name}". Rename a column or a category first.`);
    seen.add(name);
  }
  return { dropFirst, encodings };
}

function encodingFor(column: Column, dropFirst: boolean): OneHotEncoding {
  if (column.type === 'numeric') {
    throw new Error(
      `${STEP}: column "${column.name}" holds numbers. One-hot encoding is for categories; ` +
        `if these numbers are codes for categories, change the column's type to categorical first.`,
    );
  }
  const levels = [...new Set(levelKeys(column).filter((k): k is string => k !== null))].sort(compareStrings);
  if (levels.length === 0) {
    throw new Error(`${STEP}: column "${column.name}" has no values, so it has no categories to encode.`);
  }
  const labelOf = (level: string): string =>
    column.type === 'boolean' && column.labels ? column.labels[Number(level)] : level;
  const dropped = dropFirst ? levels[0] : null;
  const outputs = levels.filter((l) => l !== dropped).map((l) => `${column.name}_${labelOf(l)}`);
  return { column: column.name, kind: isNumeric(column) ? 'boolean' : 'string', levels, dropped, outputs };
}

/** Each row's level as a string key ("0"/"1" for booleans), null when missing. */
function levelKeys(column: Column): (string | null)[] {
  if (!isNumeric(column)) return column.values;
  return Array.from(column.values, (v) => (Number.isNaN(v) ? null : String(v)));
}

export function applyOneHot(table: Table, params: OneHotParams): StepResult {
  const report = emptyReport('one-hot', table.rowCount);
  const byName = new Map(params.encodings.map((e) => [e.column, e]));
  for (const encoding of params.encodings) {
    const column = table.columns.find((c) => c.name === encoding.column);
    if (!column) throw new Error(`${STEP}: there is no column "${encoding.column}" in this table, though it was there when the step was fitted.`);
    if ((encoding.kind === 'boolean') !== isNumeric(column)) {
      throw new Error(`${STEP}: column "${encoding.column}" was ${encoding.kind === 'boolean' ? 'boolean' : 'text'} when fitted but is ${column.type} here.`);
    }
  }
  const result = mapColumns(table, (column) => {
    const encoding = byName.get(column.name);
    if (!encoding) return [column];
    const index = new Map(encoding.levels.map((level, i) => [level, i]));
    const offset = encoding.dropped === null ? 0 : 1;
    const dummies = encoding.outputs.map(() => new Float64Array(table.rowCount));
    let unseen = 0;
    let missing = 0;
    levelKeys(column).forEach((key, row) => {
      if (key === null) return void missing++;
      const i = index.get(key);
      if (i === undefined) return void unseen++;
      if (i - offset >= 0) dummies[i - offset][row] = 1;
    });
    count(report, column.name, { unseenLevels: unseen, missing });
    report.missingEncoded += missing;
    report.columnsRemoved.push(column.name);
    report.columnsAdded.push(...encoding.outputs);
    return encoding.outputs.map((name, j) => numericColumn(name, dummies[j]));
  });
  for (const name of report.columnsAdded) {
    if (result.columns.filter((c) => c.name === name).length > 1) {
      throw new Error(`${STEP}: cannot add column "${name}" because the table already has a column with that name. Rename it first.`);
    }
  }
  return { table: result, report };
}

/** Fit on a table and apply to the same table. */
export function oneHot(table: Table, options: OneHotOptions = {}): StepResult & { params: OneHotParams } {
  const params = fitOneHot(table, options);
  return { ...applyOneHot(table, params), params };
}
