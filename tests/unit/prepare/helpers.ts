import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Column, NumericColumn, Table } from '../../../src/lib/data/table';

const root = fileURLToPath(new URL('../../fixtures/prepare/', import.meta.url));

/** A JSON fixture written by scripts/make-prepare-fixtures.py (null stands for NaN in numeric data). */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(root + name, 'utf8')) as T;
}

export const nanOf = (x: number | null): number => (x === null ? NaN : x);

export function num(name: string, values: (number | null)[]): NumericColumn {
  return { name, type: 'numeric', values: Float64Array.from(values, nanOf) };
}

export function cat(name: string, values: (string | null)[]): Column {
  return { name, type: 'categorical', values: [...values] };
}

export function table(...columns: Column[]): Table {
  return { columns, rowCount: columns[0]?.values.length ?? 0 };
}

/** A table of numeric columns from a row-major matrix (as the fixtures store them). */
export function fromRows(names: string[], rows: (number | null)[][]): Table {
  return table(...names.map((name, j) => num(name, rows.map((r) => r[j]))));
}

/** The table's numeric columns as a row-major matrix (NaN as null), for comparison with fixtures. */
export function toRows(t: Table): (number | null)[][] {
  return Array.from({ length: t.rowCount }, (_, i) =>
    t.columns.map((c) => {
      const v = c.values[i] as number;
      return Number.isNaN(v) ? null : v;
    }),
  );
}

export function values(t: Table, name: string): ArrayLike<number | string | null> {
  const column = t.columns.find((c) => c.name === name);
  if (!column) throw new Error(`no column ${name}`);
  return column.values;
}

/** Element-wise closeness, with null/NaN only matching null/NaN. */
export function expectClose(actual: (number | null)[][], expected: (number | null)[][], digits = 12): void {
  if (actual.length !== expected.length) throw new Error(`rows: ${actual.length} ≠ ${expected.length}`);
  actual.forEach((row, i) => {
    if (row.length !== expected[i].length) throw new Error(`row ${i}: ${row.length} columns ≠ ${expected[i].length}`);
    row.forEach((x, j) => {
      const e = expected[i][j];
      if (e === null || x === null) {
        if (e !== x) throw new Error(`[${i}][${j}]: ${x} ≠ ${e}`);
        return;
      }
      if (Math.abs(x - e) > 10 ** -digits * Math.max(1, Math.abs(e))) throw new Error(`[${i}][${j}]: ${x} ≠ ${e}`);
    });
  });
}
