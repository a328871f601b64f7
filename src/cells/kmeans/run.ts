// The kmeans cell clusters the rows of its input by the chosen numeric
// features: k-means++ and Lloyd's iterations (lib/ml/kmeans), the elbow curve
// of inertia over k, the silhouette score, and, when a label column is named,
// how the clusters line up with its classes.
import { getColumn, isMissing, isNumeric, numericValues, type Table } from '../../lib/data/table';
import { createRng, permutation } from '../../lib/data/random';
import { kMeans, silhouetteScore, type KMeansResult } from '../../lib/ml/kmeans';
import { matrixFromColumns, type Matrix } from '../../lib/ml/matrix';
import { valueOf } from '../../lib/notebook/controls';
import type { RunContext } from '../types';
import { missingColumns, tableFrom, waitingOn, type ColumnChoice, type Waiting } from '../shared/table-input';
import { crossTabulate, type CrossTable } from './compare';
import type { KMeansOptions } from './schema';

const NEEDS_NUMBERS = 'k-means places rows by numbers';

export interface KMeansOutput extends Omit<KMeansResult, 'centres'> {
  features: string[];
  /** Centres in the features' own units (for the plot and the table). */
  centres: number[][];
  k: number;
  standardized: boolean;
  /** Rows clustered, and rows left out for a gap in a feature. */
  rows: number;
  skipped: number;
  /** The clustered rows' values of the plot's axes. */
  x: { name: string; values: Float64Array };
  y: { name: string; values: Float64Array };
  /** Mean silhouette (k ≥ 2), computed on `silhouetteRows` rows (a seeded sample of large tables). */
  silhouette?: number;
  silhouetteRows: number;
  /** Inertia for k = 1 … elbow, each from k-means++ with the cell's seed. */
  elbow: { k: number; inertia: number }[];
  comparison?: CrossTable;
  /** Numeric columns and every column of the input, for the pickers. */
  numeric: string[];
  all: string[];
}

/** The silhouette is quadratic in the rows: above this many, a seeded sample is scored (scikit-learn's sample_size). */
export const SILHOUETTE_ROWS = 2000;

export function runKMeans({ options, inputs }: RunContext<KMeansOptions>): KMeansOutput | ColumnChoice | Waiting {
  const input = inputs[options.input];
  const waiting = waitingOn(input);
  if (waiting) return waiting;
  const table = tableFrom(input, options.input);
  const numeric = table.columns.filter(isNumeric).map((c) => c.name);
  const x = options.x ?? options.features[0];
  const y = options.y ?? options.features[1] ?? options.features[0];
  const choice = missingColumns(table, [...options.features, x, y, ...(options.compare ? [options.compare] : [])]);
  if (choice) return choice;

  const kept = completeRows(table, [...options.features, x, y]);
  const k = valueOf(options.k);
  if (kept.length < k) throw new Error(`Only ${kept.length} rows have every feature; k = ${k} clusters need at least ${k}.`);
  const X = scaled(matrixFromColumns(options.features.map((f) => pick(numericValues(table, f, NEEDS_NUMBERS), kept))), options.standardize);
  const result = kMeans(X, { k, seed: options.seed, maxIterations: valueOf(options.iterations) });
  const elbow = elbowCurve(table, X, options, kept.length);
  const silhouette = k >= 2 && k < kept.length ? sampledSilhouette(X, result.labels, k, options.seed) : undefined;
  const compare = options.compare ? getColumn(table, options.compare)! : undefined;
  return {
    ...result,
    features: options.features,
    centres: result.centres.map((c) => Array.from(c, (v, j) => v * X.scale[j] + X.centre[j])),
    k,
    standardized: options.standardize,
    rows: kept.length,
    skipped: table.rowCount - kept.length,
    x: { name: x, values: pick(numericValues(table, x, NEEDS_NUMBERS), kept) },
    y: { name: y, values: pick(numericValues(table, y, NEEDS_NUMBERS), kept) },
    silhouette: silhouette?.score,
    silhouetteRows: silhouette?.rows ?? 0,
    elbow,
    comparison: compare ? crossTabulate(result.labels, k, kept.map((row) => labelOf(compare, row)), options.compare!) : undefined,
    numeric,
    all: table.columns.map((c) => c.name),
  };
}

/**
 * The elbow curve depends on the data, the features and axes, standardisation, the
 * seed and its length, not on k or the iteration cap: moving those sliders
 * reuses it instead of refitting k-means ten times.
 */
const elbows = new WeakMap<Table, { key: string; curve: KMeansOutput['elbow'] }>();

function elbowCurve(table: Table, X: Matrix, options: KMeansOptions, rows: number): KMeansOutput['elbow'] {
  // x and y count too: rows with a gap in an axis are left out of the clustering.
  const key = JSON.stringify([options.features, options.x, options.y, options.standardize, options.seed, options.elbow]);
  const known = elbows.get(table);
  if (known?.key === key) return known.curve;
  const curve = Array.from({ length: Math.min(options.elbow, rows) }, (_, i) => ({ k: i + 1, inertia: kMeans(X, { k: i + 1, seed: options.seed }).inertia }));
  elbows.set(table, { key, curve });
  return curve;
}


function completeRows(table: Table, names: string[]): number[] {
  const columns = names.map((n) => numericValues(table, n, NEEDS_NUMBERS));
  const rows: number[] = [];
  for (let i = 0; i < table.rowCount; i++) if (columns.every((c) => !Number.isNaN(c[i]))) rows.push(i);
  return rows;
}

function pick(values: Float64Array, rows: number[]): Float64Array {
  return Float64Array.from(rows, (i) => values[i]);
}

/** The matrix, standardised (population standard deviation, as scikit-learn's StandardScaler) when asked, with the means and scales to undo it. */
function scaled(X: Matrix, standardize: boolean): Matrix & { centre: number[]; scale: number[] } {
  if (!standardize) return { ...X, centre: X.columns.map(() => 0), scale: X.columns.map(() => 1) };
  const centre = X.columns.map((c) => c.reduce((s, v) => s + v, 0) / X.rows);
  const scale = X.columns.map((c, j) => Math.sqrt(c.reduce((s, v) => s + (v - centre[j]) ** 2, 0) / X.rows) || 1);
  return { ...X, columns: X.columns.map((c, j) => c.map((v) => (v - centre[j]) / scale[j])), centre, scale };
}

function sampledSilhouette(X: Matrix, labels: Int32Array, k: number, seed: number): { score: number; rows: number } {
  if (X.rows <= SILHOUETTE_ROWS) return { score: silhouetteScore(X, labels, k), rows: X.rows };
  const rows = permutation(X.rows, createRng(seed)).subarray(0, SILHOUETTE_ROWS);
  const sample = matrixFromColumns(X.columns.map((c) => Float64Array.from(rows, (i) => c[i])));
  return { score: silhouetteScore(sample, Int32Array.from(rows, (i) => labels[i]), k), rows: SILHOUETTE_ROWS };
}

function labelOf(column: ReturnType<typeof getColumn> & object, row: number): string {
  if (isMissing(column, row)) return '(missing)';
  if (!isNumeric(column)) return String(column.values[row]);
  return column.type === 'boolean' && column.labels ? column.labels[column.values[row] ? 1 : 0] : String(column.values[row]);
}
