// Column statistics shared by the solvers (compensated sums keep means exact enough
// for centring ill-conditioned data such as Longley's).
import { accurateSum } from './dd';

export function mean(values: ArrayLike<number>): number {
  return values.length === 0 ? NaN : accurateSum(values) / values.length;
}

/** Population standard deviation about `centre` (root mean square when centre is 0). */
export function spread(values: ArrayLike<number>, centre: number): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - centre;
    const v = d * d;
    const t = s + v;
    c += s >= v ? s - t + v : v - t + s;
    s = t;
  }
  return Math.sqrt((s + c) / values.length);
}

/** Mean and scale of each column; scale falls back to 1 for a constant column. */
export function columnScaling(columns: ArrayLike<number>[], centre: boolean): { mean: Float64Array; scale: Float64Array } {
  const m = new Float64Array(columns.length);
  const s = new Float64Array(columns.length);
  columns.forEach((c, j) => {
    m[j] = centre ? mean(c) : 0;
    const sd = spread(c, m[j]);
    s[j] = sd > 0 && Number.isFinite(sd) ? sd : 1;
  });
  return { mean: m, scale: s };
}
