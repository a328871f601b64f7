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

/**
 * The k-th smallest of `values[0..n)` (0-based), rearranging `values` in place:
 * Hoare's selection with a median-of-three pivot, linear time on average, so a
 * median of a million values costs a pass or two instead of a sort.
 */
function selectInPlace(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const a = values[lo];
    const b = values[mid];
    const c = values[hi];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i++] = values[j];
        values[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k];
  }
  return values[k];
}

/** The median of the non-missing values, as numpy's nanmedian gives it (NaN when there are none). */
export function medianOf(values: ArrayLike<number>): number {
  let n = 0;
  const present = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present[n++] = values[i];
  if (n === 0) return NaN;
  const rest = present.subarray(0, n);
  const upper = selectInPlace(rest, n >> 1);
  if (n % 2 === 1) return upper;
  // The lower middle is the largest value left of the upper one after the selection.
  let lower = -Infinity;
  for (let i = 0; i < n >> 1; i++) if (rest[i] > lower) lower = rest[i];
  return (lower + upper) / 2;
}
