// A tiny CSV reader for the shipped datasets (no quotes or missing values in them);
// the real CSV module lives in src/lib/data and is tested there.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { matrixFromColumns, type Matrix } from '../../../src/lib/ml/matrix';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface Csv {
  header: string[];
  column(name: string): Float64Array;
  labels(name: string): string[];
  matrix(names: string[]): Matrix;
}

export function readDataset(file: string): Csv {
  const lines = readFileSync(`${root}datasets/${file}`, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const index = (name: string) => {
    const j = header.indexOf(name);
    if (j < 0) throw new Error(`${file}: no column ${name}`);
    return j;
  };
  const column = (name: string) => Float64Array.from(rows, (r) => Number(r[index(name)]));
  return {
    header,
    column,
    labels: (name) => rows.map((r) => r[index(name)]),
    matrix: (names) => matrixFromColumns(names.map(column)),
  };
}

/** (x - mean) / population std, column by column (the fixtures standardise the same way). */
export function standardiseMatrix(m: Matrix): Matrix {
  const columns = m.columns.map((c) => {
    let mu = 0;
    for (const v of c) mu += v;
    mu /= c.length;
    let ss = 0;
    for (const v of c) ss += (v - mu) ** 2;
    const sd = Math.sqrt(ss / c.length);
    return c.map((v) => (v - mu) / sd);
  });
  return { rows: m.rows, cols: m.cols, columns };
}

export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(`${root}tests/fixtures/sklearn/${name}`, 'utf8')) as T;
}

/** max_j |a_j - b_j| / max(|b|_inf, floor): relative to the size of the reference vector. */
export function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>, floor = 1e-300): number {
  let scale = floor;
  for (let j = 0; j < b.length; j++) scale = Math.max(scale, Math.abs(b[j]));
  let err = 0;
  for (let j = 0; j < b.length; j++) err = Math.max(err, Math.abs(a[j] - b[j]));
  return err / scale;
}

/** Largest element-wise relative error |a - b| / |b| (absolute where |b| < floor). */
export function maxElementwiseError(a: ArrayLike<number>, b: ArrayLike<number>, floor = 1e-12): number {
  let err = 0;
  for (let j = 0; j < b.length; j++) err = Math.max(err, Math.abs(a[j] - b[j]) / Math.max(Math.abs(b[j]), floor));
  return err;
}
