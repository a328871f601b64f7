// The engine's exact results on shipped data, computed in Node, for browser
// tests to compare the cells' tables against.
import { readFileSync } from 'node:fs';
import { readCsvText } from '../../src/lib/data/csv/read';
import { takeRows, type Table } from '../../src/lib/data/table';
import { holdoutSplit } from '../../src/lib/validation';
import { fitRegressionSpec, type RegressionSpec } from '../../src/cells/regression/spec';

export function shippedTable(file: string): Table {
  return readCsvText(readFileSync(`datasets/${file}`)).table;
}

/** The training rows of a shipped file as a split cell with these options makes them. */
export function trainingPart(file: string, test: number, seed: number): Table {
  const table = shippedTable(file);
  return takeRows(table, holdoutSplit(table.rowCount, { test, seed }).train);
}

export function exactRegression(table: Table, spec: Partial<RegressionSpec> & Pick<RegressionSpec, 'target' | 'features'>) {
  return fitRegressionSpec({ degree: 1, intercept: true, penalty: 'none', alpha: 0, ...spec }, table);
}

/** Reads a number as the tables print it (− for minus, — for none). */
export function readNumber(text: string): number {
  const t = text.trim().replace('−', '-');
  return t === '—' ? NaN : Number(t);
}
