// Order statistics of a numeric column, computed exactly as numpy does so the
// outlier fences a learner sees here match the ones in a Python notebook.

/** The non-missing values, sorted ascending. */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  let n = 0;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[n++] = values[i];
  return out.subarray(0, n).sort();
}

/**
 * The q-quantile of sorted values by numpy's default method ('linear',
 * Hyndman & Fan type 7): position h = (n − 1)·q between the two neighbouring
 * order statistics. The interpolation is written as numpy 1.24 writes it
 * (from the upper neighbour when the fraction is ≥ ½), so results agree to
 * the last bit.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (!(q >= 0 && q <= 1)) throw new Error(`A quantile must lie between 0 and 1, got ${q}.`);
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const t = h - lo;
  const a = sorted[lo];
  const b = sorted[hi];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** The median as numpy (and SimpleImputer) compute it: the mean of the two middle values for even n. */
export function medianSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
