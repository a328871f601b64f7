// The engine's exact results on shipped data, computed in Node, for browser
// tests to compare the cells' tables against.
import { readFileSync } from 'node:fs';
import { readCsvText } from '../../src/lib/data/csv/read';
import { takeRows, type Table } from '../../src/lib/data/table';
import { holdoutSplit, kFold } from '../../src/lib/validation';
import { fitRegressionSpec, predictRegression, type RegressionSpec } from '../../src/cells/regression/spec';
import type { Locator } from '@playwright/test';
import { fitClassifierSpec, scoreClassifier, type ClassifierSpec } from '../../src/cells/classifier/spec';
import { judge } from '../../src/cells/classifier/evaluation';
import { runSplit } from '../../src/cells/split/run';
import { splitSchema } from '../../src/cells/split/schema';
import { partsFrom, type DataParts } from '../../src/cells/shared/parts';
import { createRng } from '../../src/lib/data/random';

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

/**
 * A seeded synthetic table for the judging cells' tests: x uniform on
 * [−2, 6] and y = 1 + 2x − 0.5x² + noise·N(0, 1), a curve a straight line
 * underfits and a high-degree polynomial overfits.
 */
export function quadraticTable(n: number, seed: number, noise = 1): Table {
  const rng = createRng(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = -2 + 8 * rng.next();
    // Box–Muller: two uniforms to one standard normal.
    const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    y[i] = 1 + 2 * x[i] - 0.5 * x[i] ** 2 + noise * z;
  }
  return {
    rowCount: n,
    columns: [
      { name: 'x', type: 'numeric', values: x },
      { name: 'y', type: 'numeric', values: y },
    ],
  };
}

/** A shipped dataset held out as a split cell does it (same options, same rows). */
export function shippedSplit(file: string, options: { test?: number; validation?: number; seed?: number; stratify?: string }): DataParts {
  const out = runSplit({
    id: 'split',
    options: splitSchema.parse({ input: 'data', ...options }),
    inputs: { data: { table: shippedTable(file) } },
    signal: new AbortController().signal,
    progress: () => {},
    partial: () => {},
  });
  return partsFrom(out, 'split');
}

/** The classifier's exact fit on the training part, and its scores and decisions on each part at `threshold`. */
export function exactClassifier(
  parts: DataParts,
  spec: Partial<ClassifierSpec> & Pick<ClassifierSpec, 'target' | 'features'>,
  threshold = 0.5,
) {
  const full: ClassifierSpec = { intercept: true, penalty: 'none', alpha: 0, classWeight: 'none', ...spec };
  const fit = fitClassifierSpec(full, parts.train);
  const judgePart = (table: Table) => judge(scoreClassifier(fit, full, table), fit.model.classes, threshold);
  return { fit, train: judgePart(parts.train), test: parts.test && judgePart(parts.test) };
}

/**
 * A table of a cell by its caption, as row header → numbers of its cells
 * (a cell "87 97%" reads as 87).
 */
export async function tableValues(section: Locator, caption: string): Promise<Record<string, number[]>> {
  const table = section.getByRole('table').filter({ has: section.page().locator('caption', { hasText: caption }) });
  const out: Record<string, number[]> = {};
  for (const row of await table.locator('tbody tr').all()) {
    const name = (await row.getByRole('rowheader').innerText()).trim();
    out[name] = (await row.getByRole('cell').allInnerTexts()).map((text) => readNumber(text.trim().split(/\s+/)[0]));
  }
  return out;
}

/** The mean of the fold MSEs of a regression refitted on shuffled k-fold folds, as the crossval cell computes it. */
export function kFoldMse(table: Table, spec: Partial<RegressionSpec> & Pick<RegressionSpec, 'target' | 'features'>, k: number, seed: number): number {
  const full: RegressionSpec = { degree: 1, intercept: true, penalty: 'none', alpha: 0, ...spec };
  const scores = kFold(table.rowCount, k, { shuffle: true, seed }).map((fold) => {
    const test = takeRows(table, fold.test);
    const { actual, predicted } = predictRegression(fitRegressionSpec(full, takeRows(table, fold.train)), full, test);
    return actual.reduce((s, y, i) => s + (y - predicted[i]) ** 2, 0) / actual.length;
  });
  return scores.reduce((a, b) => a + b, 0) / k;
}
