// The first rows of some columns, as display text.
import { getColumn, isMissing, isNumeric, type Column, type Table } from '../../lib/data/table';

export interface TableRows {
  columns: string[];
  /** Cell texts, row by row; null for a missing value. */
  rows: (string | null)[][];
  totalRows: number;
}

export function firstRows(table: Table, names: string[], count: number): TableRows {
  const columns = names.map((n) => getColumn(table, n)!);
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
