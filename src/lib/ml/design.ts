// From a Table (src/lib/data) to the engine's inputs: a feature matrix from numeric
// columns, a numeric target, or class labels. Missing values are refused with a message
// that says where; imputing or dropping them is the preparation step's job.
import { getColumn, isNumeric, type Column, type Table } from '../data/table';
import type { Label } from './labels';
import type { Matrix } from './matrix';

function requireColumn(table: Table, name: string): Column {
  const column = getColumn(table, name);
  if (!column) throw new Error(`No column named "${name}".`);
  return column;
}

function missingRows(values: ArrayLike<unknown>): number[] {
  const rows: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || (typeof v === 'number' && !Number.isFinite(v))) rows.push(i);
  }
  return rows;
}

function refuseMissing(name: string, values: ArrayLike<unknown>): void {
  const rows = missingRows(values);
  if (rows.length > 0) {
    const shown = rows.slice(0, 5).map((r) => r + 1).join(', ');
    throw new Error(
      `Column "${name}" has ${rows.length} missing value${rows.length > 1 ? 's' : ''} (row${rows.length > 1 ? 's' : ''} ${shown}${rows.length > 5 ? ', …' : ''}); impute or drop them first.`,
    );
  }
}

/** Names of the numeric (and boolean) columns: the ones that can be features. */
export function numericColumnNames(table: Table): string[] {
  return table.columns.filter(isNumeric).map((c) => c.name);
}

/** The feature matrix of the named numeric columns (shares the table's arrays; no copy). */
export function designMatrix(table: Table, features: string[]): { X: Matrix; featureNames: string[] } {
  if (features.length === 0) throw new Error('Choose at least one feature.');
  const columns = features.map((name) => {
    const c = requireColumn(table, name);
    if (!isNumeric(c)) throw new Error(`Column "${name}" is ${c.type}, not numeric; encode it first.`);
    refuseMissing(name, c.values);
    return c.values;
  });
  return { X: { rows: table.rowCount, cols: columns.length, columns }, featureNames: [...features] };
}

export function numericTarget(table: Table, name: string): Float64Array {
  const c = requireColumn(table, name);
  if (!isNumeric(c)) throw new Error(`Target "${name}" is ${c.type}; regression needs a numeric target.`);
  refuseMissing(name, c.values);
  return c.values;
}

/** Class labels of a column: strings for categorical/text, the true/false spellings for booleans, numbers otherwise. */
export function labelTarget(table: Table, name: string): Label[] {
  const c = requireColumn(table, name);
  refuseMissing(name, c.values);
  if (!isNumeric(c)) return c.values as string[];
  if (c.type === 'boolean' && c.labels) return Array.from(c.values, (v) => c.labels![v ? 1 : 0]);
  return Array.from(c.values);
}
