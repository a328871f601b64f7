// Evaluating a two-feature model on a grid that covers the data.
import { extent, linspace, padded } from './numbers';

export interface Grid {
  /** Grid columns (first feature) and rows (second feature). */
  xs: number[];
  ys: number[];
  /** z[j][i] = f(xs[i], ys[j]): plotly's heatmap/contour layout (rows are y). */
  z: number[][];
}

/**
 * `f` on a resolution × resolution grid spanning the data's range on both features,
 * widened by `margin` (a fraction of each span) so the boundary is visible past the
 * outermost points.
 */
export function gridOver(
  x1: ArrayLike<number>,
  x2: ArrayLike<number>,
  f: (a: number, b: number) => number,
  resolution = 60,
  margin = 0.1,
): Grid {
  const xs = linspace(...padded(extent(x1), margin), resolution);
  const ys = linspace(...padded(extent(x2), margin), resolution);
  return { xs, ys, z: ys.map((b) => xs.map((a) => f(a, b))) };
}
