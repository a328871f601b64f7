// The first rows of some columns, as display text.
import { isMissing, isNumeric, type Column, type Table } from '../../lib/data/table';

export interface TableRows {
  columns: string[];
  /** Cell texts, row by row; null for a missing value. */
  rows: (string | null)[][];
  totalRows: number;
}

export function firstRows(table: Table, names: string[], count: number): TableRows {
  // By name once: looking each one up in the list would be quadratic in a 10,000-column file.
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const columns = names.map((n) => byName.get(n)!);
  const shown = Math.min(count, table.rowCount);
  const rows: (string | null)[][] = [];
  for (let r = 0; r < shown; r++) {
    rows.push(columns.map((c) => (isMissing(c, r) ? null : cellText(c, r))));
  }
  return { columns: names, rows, totalRows: table.rowCount };
}

export function cellText(column: Column, row: number): string {
  if (!isNumeric(column)) return column.values[row] as string;
  const value = column.values[row];
  if (column.type === 'boolean' && column.labels) return column.labels[value ? 1 : 0];
  return String(value);
}
