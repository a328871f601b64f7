// Column statistics shared by the solvers (compensated sums keep means exact enough
// for centring ill-conditioned data such as Longley's).
import { accurateSum } from './dd';

export function mean(values: ArrayLike<number>): number {
  return values.length === 0 ? NaN : accurateSum(values) / values.length;
}

// Deviations outside [2^-200, 2^200] are scaled by a power of two before squaring (exact), so
// that columns around 1e-200 do not square to 0 (and look constant) nor around 1e200 to Infinity.
const SAFE_LOW = 2 ** -200;
const SAFE_HIGH = 2 ** 200;

/** Population standard deviation about `centre` (root mean square when centre is 0). */
export function spread(values: ArrayLike<number>, centre: number): number {
  // Scaling by a power of two is exact, so when no square over- or underflows the unscaled sum is
  // the same to the bit: try it first (one pass), and scale only when the total says it must.
  const direct = squaredDeviations(values, centre, 1);
  if (direct >= 2 ** -900 && direct < Infinity) return Math.sqrt(direct / values.length);
  let largest = 0;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i] - centre));
  if (largest === 0 || !Number.isFinite(largest)) return largest;
  const k = largest < SAFE_LOW || largest > SAFE_HIGH ? 2 ** -Math.floor(Math.log2(largest)) : 1;
  return Math.sqrt(squaredDeviations(values, centre, k) / values.length) / k;
}

/** Compensated sum of ((v - centre) k)^2. */
function squaredDeviations(values: ArrayLike<number>, centre: number, k: number): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const d = (values[i] - centre) * k;
    const v = d * d;
    const t = s + v;
    c += s >= v ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
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
