// Fewer points for drawing a long threshold curve. A ROC, precision–recall or
// cost curve has a point per distinct score: a million rows give a million
// points, which would cost seconds to clone, format and draw, while a plot is a
// few hundred pixels wide. Evenly spaced points (by index, i.e. by rank) keep
// the curve's shape to within 1/max of its rows; the areas and the best point
// are computed on the whole curve before this.

/** The curve points drawn at most (a curve with fewer is kept whole). */
export const MAX_CURVE_POINTS = 2_000;

/**
 * Indices to keep of a curve of `length` points: all of them when there are at
 * most `max`, else about `max` evenly spaced ones, always with the first, the
 * last and the `keep` indices (a best point, say), ascending.
 */
export function curveIndices(length: number, max = MAX_CURVE_POINTS, keep: readonly number[] = []): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const chosen = new Set<number>([0, length - 1, ...keep.filter((i) => i >= 0 && i < length)]);
  const step = (length - 1) / (max - 1);
  for (let j = 0; j < max; j++) chosen.add(Math.round(j * step));
  return [...chosen].sort((a, b) => a - b);
}

/** The values of `values` at `indices`. */
export function pickPoints<T>(values: ArrayLike<T>, indices: readonly number[]): T[] {
  return indices.map((i) => values[i]);
}
