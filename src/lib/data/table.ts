// The one in-memory shape of a dataset, shared by every layer.
// Numeric and boolean columns hold Float64Array (NaN marks a missing value;
// booleans are 0/1), so the engine can use them without copying. Categorical
// and text columns hold strings, with null for a missing value.

import { inSteps, runSteps, type Steps } from './slices';

export type ColumnType = 'numeric' | 'boolean' | 'categorical' | 'text';

export interface NumericColumn {
  name: string;
  type: 'numeric' | 'boolean';
  values: Float64Array;
  /** For boolean columns: the spellings read for false and true, e.g. ['no', 'yes']. */
  labels?: [string, string];
}

export interface StringColumn {
  name: string;
  type: 'categorical' | 'text';
  values: (string | null)[];
}

export type Column = NumericColumn | StringColumn;

export interface Table {
  columns: Column[];
  rowCount: number;
}

export function isNumeric(column: Column): column is NumericColumn {
  return column.type === 'numeric' || column.type === 'boolean';
}

export function columnNames(table: Table): string[] {
  return table.columns.map((c) => c.name);
}

export function getColumn(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}

/**
 * The values of a numeric (or boolean) column; throws a sentence naming the
 * column when it is missing or holds text. `why` ends the sentence: what the
 * caller needs numbers for.
 */
export function numericValues(table: Table, name: string, why = 'it needs numbers'): Float64Array {
  const column = getColumn(table, name);
  if (!column) throw new Error(`There is no column '${name}'.`);
  if (!isNumeric(column)) throw new Error(`The column '${name}' is ${column.type}; ${why}.`);
  return column.values;
}

export function isMissing(column: Column, row: number): boolean {
  return isNumeric(column) ? Number.isNaN(column.values[row]) : column.values[row] === null;
}

// A column's values are never changed once the table is made (every step makes
// new columns), so the count is kept with the values array: the model cells
// check the same million-row columns before every fit and at every threshold
// move, and the page then pays the pass once.
const missingCounts = new WeakMap<object, number>();

/** How many values of the column are missing (NaN, or null for text). */
export function missingCount(column: Column): number {
  let count = missingCounts.get(column.values);
  if (count !== undefined) return count;
  count = 0;
  if (isNumeric(column)) {
    const values = column.values;
    for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) count++; // NaN is the only value unequal to itself
  } else {
    for (const value of column.values) if (value === null) count++;
  }
  missingCounts.set(column.values, count);
  return count;
}

/** A new table holding only the given rows, in the given order. */
export function takeRows(table: Table, rows: ArrayLike<number>): Table {
  return runSteps(takeRowsSteps(table, rows));
}

/** takeRows as steps (lib/data/slices.ts): a part of a million rows is gathered in slices. */
export function* takeRowsSteps(table: Table, rows: ArrayLike<number>): Steps<Table> {
  const columns: Column[] = [];
  // Two loops, so that each copies one kind of array (a loop that sees both runs slower).
  for (const c of table.columns) {
    if (isNumeric(c)) {
      const values = new Float64Array(rows.length);
      yield* inSteps(rows.length, (start, end) => {
        for (let i = start; i < end; i++) values[i] = c.values[rows[i]];
      });
      columns.push({ ...c, values });
    } else {
      const values = new Array<string | null>(rows.length);
      yield* inSteps(rows.length, (start, end) => {
        for (let i = start; i < end; i++) values[i] = c.values[rows[i]];
      });
      columns.push({ ...c, values });
    }
  }
  return { columns, rowCount: rows.length };
}
