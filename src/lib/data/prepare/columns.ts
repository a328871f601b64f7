// Looking up the columns a step names, with errors written for a learner,
// and building new tables from old ones without touching the input.

import { getColumn, isNumeric, type Column, type NumericColumn, type StringColumn, type Table } from '../table';

/** The named column, or an Error that lists the columns the table does have. */
export function requireColumn(table: Table, name: string, step: string): Column {
  const column = getColumn(table, name);
  if (!column) {
    const available = table.columns.map((c) => `"${c.name}"`).join(', ') || '(none)';
    throw new Error(`${step}: there is no column "${name}" in this table. Its columns are ${available}.`);
  }
  return column;
}

/** A numeric (or boolean) column, or an Error saying why this step needs numbers. */
export function requireNumericColumn(table: Table, name: string, step: string, why: string): NumericColumn {
  const column = requireColumn(table, name, step);
  if (!isNumeric(column)) {
    throw new Error(`${step}: column "${name}" holds ${column.type} values (text), but ${why}.`);
  }
  return column;
}

/**
 * The columns a step works on: the ones named, or when none are named, every
 * column that passes the filter (e.g. "numeric columns" for scaling). Names
 * must be unique.
 */
export function selectColumns(
  table: Table,
  names: readonly string[] | undefined,
  step: string,
  byDefault: (column: Column) => boolean,
): Column[] {
  if (names === undefined) return table.columns.filter(byDefault);
  const seen = new Set<string>();
  return names.map((name) => {
    if (seen.has(name)) throw new Error(`${step}: column "${name}" is listed twice.`);
    seen.add(name);
    return requireColumn(table, name, step);
  });
}

/** The step needs at least one row to learn anything from. */
export function requireRows(table: Table, step: string): void {
  if (table.rowCount === 0) throw new Error(`${step}: the table has no rows, so there is nothing to learn from.`);
}

/** Throws when a column the step wants to add already exists (it would be overwritten silently otherwise). */
export function requireFreeName(table: Table, name: string, step: string): void {
  if (getColumn(table, name)) {
    throw new Error(`${step}: cannot add column "${name}" because the table already has a column with that name. Rename it first.`);
  }
}

export function numericColumn(name: string, values: Float64Array): NumericColumn {
  return { name, type: 'numeric', values };
}

/** The same column with new values (a boolean keeps its labels only while it still holds 0/1). */
export function withValues(column: NumericColumn, values: Float64Array): NumericColumn {
  if (column.type === 'boolean' && values.some((v) => v !== 0 && v !== 1 && !Number.isNaN(v))) {
    return numericColumn(column.name, values);
  }
  return { ...column, values };
}

export function withStrings(column: StringColumn, values: (string | null)[]): StringColumn {
  return { ...column, values };
}

/**
 * A table whose columns are rebuilt one by one: `replace` maps each original
 * column to the columns that take its place (itself, a changed copy, the copy
 * plus a new column after it, or nothing).
 */
export function mapColumns(table: Table, replace: (column: Column) => Column[]): Table {
  return { columns: table.columns.flatMap(replace), rowCount: table.rowCount };
}
