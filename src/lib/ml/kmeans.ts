// k-means clustering: k-means++ seeding, Lloyd's iterations, inertia and the
// silhouette score. Points are the rows of a column-major Matrix.
//
// Lloyd's algorithm alternates two steps until no point changes cluster:
// assign every point to its nearest centre, then move every centre to the
// mean of its points. Each step can only lower the inertia (the sum of
// squared distances from points to their centres), so it stops, but at a
// local minimum that depends on the starting centres; k-means++ spreads those
// out (each next centre drawn with probability proportional to its squared
// distance from the nearest centre chosen so far), which makes bad minima
// rarer. The iteration matches scikit-learn's KMeans(algorithm="lloyd") given
// the same initial centres: same labels, centres and inertia.
import type { Matrix } from './matrix';
import { toRng, type Rng } from '../data/random';

export interface KMeansResult {
  /** The cluster of each row, 0…k-1. */
  labels: Int32Array;
  /** centres[c][j]: feature j of centre c. */
  centres: Float64Array[];
  /** Sum of squared distances from each row to its centre. */
  inertia: number;
  /** Lloyd iterations run (assign + update). */
  iterations: number;
  /** False when maxIterations ran out before the assignment settled. */
  converged: boolean;
  /** Rows in each cluster. */
  sizes: number[];
}

export interface KMeansOptions {
  k: number;
  /** A seed or a generator in use, for the k-means++ draws. */
  seed: number | Rng;
  maxIterations?: number;
  /** Start from these centres instead of k-means++ (a reference test does). */
  initialCentres?: Float64Array[];
}

function squaredDistance(X: Matrix, row: number, centre: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < X.cols; j++) {
    const d = X.columns[j][row] - centre[j];
    sum += d * d;
  }
  return sum;
}

function rowOf(X: Matrix, row: number): Float64Array {
  return Float64Array.from(X.columns, (column) => column[row]);
}

/** k-means++ seeding: the first centre uniformly, each next one with probability ∝ squared distance to the nearest chosen. */
export function kMeansPlusPlus(X: Matrix, k: number, seed: number | Rng): Float64Array[] {
  const rng = toRng(seed);
  const n = X.rows;
  const centres = [rowOf(X, rng.int(n))];
  const nearest = new Float64Array(n).fill(Infinity);
  while (centres.length < k) {
    const latest = centres[centres.length - 1];
    let total = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i], squaredDistance(X, i, latest));
      total += nearest[i];
    }
    // Every point already sits on a centre (fewer distinct points than k): take any row.
    if (total === 0) {
      centres.push(rowOf(X, rng.int(n)));
      continue;
    }
    let target = rng.next() * total;
    let pick = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearest[i];
      if (target < 0) {
        pick = i;
        break;
      }
    }
    centres.push(rowOf(X, pick));
  }
  return centres;
}

/** Assigns each row to its nearest centre (the lower index on a tie); returns how many rows changed. */
function assign(X: Matrix, centres: Float64Array[], labels: Int32Array, distances: Float64Array): number {
  let changed = 0;
  for (let i = 0; i < X.rows; i++) {
    let best = 0;
    let bestDistance = Infinity;
    for (let c = 0; c < centres.length; c++) {
      const d = squaredDistance(X, i, centres[c]);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    if (labels[i] !== best) changed++;
    labels[i] = best;
    distances[i] = bestDistance;
  }
  return changed;
}

/**
 * Moves each centre to the mean of its rows. A centre left with no rows is
 * moved onto the row farthest from its own centre (scikit-learn relocates
 * empty clusters the same way), so k clusters stay k.
 */
function update(X: Matrix, labels: Int32Array, distances: Float64Array, centres: Float64Array[]): void {
  const k = centres.length;
  const counts = new Float64Array(k);
  const sums = Array.from({ length: k }, () => new Float64Array(X.cols));
  for (let i = 0; i < X.rows; i++) {
    counts[labels[i]]++;
    for (let j = 0; j < X.cols; j++) sums[labels[i]][j] += X.columns[j][i];
  }
  const taken = new Set<number>();
  for (let c = 0; c < k; c++) {
    if (counts[c] > 0) {
      for (let j = 0; j < X.cols; j++) centres[c][j] = sums[c][j] / counts[c];
      continue;
    }
    let far = -1;
    for (let i = 0; i < X.rows; i++) if (!taken.has(i) && (far < 0 || distances[i] > distances[far])) far = i;
    taken.add(far);
    centres[c] = rowOf(X, far);
  }
}

/** Lloyd's k-means from k-means++ (or given) centres. */
export function kMeans(X: Matrix, options: KMeansOptions): KMeansResult {
  const { k } = options;
  if (!Number.isInteger(k) || k < 1) throw new Error(`The number of clusters k must be a whole number of at least 1, got ${k}.`);
  if (X.rows < k) throw new Error(`k-means needs at least k = ${k} rows; the data has ${X.rows}.`);
  const maxIterations = options.maxIterations ?? 300;
  const centres = (options.initialCentres ?? kMeansPlusPlus(X, k, options.seed)).map((c) => Float64Array.from(c));
  const labels = new Int32Array(X.rows).fill(-1);
  const distances = new Float64Array(X.rows);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    const changed = assign(X, centres, labels, distances);
    if (changed === 0) {
      converged = true;
      break;
    }
    update(X, labels, distances, centres);
    iterations++;
  }
  // Out of iterations: the labels must still belong to the final centres.
  if (!converged) assign(X, centres, labels, distances);
  let inertia = 0;
  for (let i = 0; i < X.rows; i++) inertia += distances[i];
  const sizes = new Array<number>(k).fill(0);
  for (const label of labels) sizes[label]++;
  return { labels, centres, inertia, iterations, converged, sizes };
}

/**
 * The mean silhouette over all rows: for a row, a = its mean distance to the
 * other rows of its cluster, b = the lowest mean distance to another cluster's
 * rows, s = (b − a) / max(a, b); a row alone in its cluster scores 0 (as in
 * scikit-learn). Near 1: tight, well-separated clusters; near 0: overlapping.
 * Quadratic in the rows: callers pass a sample of large tables.
 */
export function silhouetteScore(X: Matrix, labels: ArrayLike<number>, k: number): number {
  const n = X.rows;
  if (k < 2 || k >= n) throw new Error(`The silhouette needs 2 ≤ k < rows; got k = ${k} with ${n} rows.`);
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[labels[i]]++;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let m = 0; m < n; m++) {
      if (m === i) continue;
      let d = 0;
      for (let j = 0; j < X.cols; j++) {
        const diff = X.columns[j][i] - X.columns[j][m];
        d += diff * diff;
      }
      sums[labels[m]] += Math.sqrt(d);
    }
    const own = labels[i];
    if (sizes[own] <= 1) continue;
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    total += (b - a) / Math.max(a, b);
  }
  return total / n;
}
