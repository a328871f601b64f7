// Extreme magnitudes in the linear solver. A feature around 1e-200 squares to 0 and one around
// 1e200 to Infinity, so before solving, each feature whose terms leave [2^-100, 2^100] (and the
// target, likewise) is multiplied by a power of two that brings it near 1. Multiplying by a power
// of two is exact, so nothing is lost and data of ordinary size is left untouched (no copy,
// identical arithmetic). Terms no float64 can hold (x^4 of values around 1e100) are refused
// with the column named.
//
// Scaled problem: z'_k = sigma_k z_k (sigma_k = s_f^d for the term x_f^d), y' = t y. Its solution
// b'_k = t b_k / sigma_k, b0' = t b0 is the raw one rescaled, provided the penalties are
// per-term: l1 t sigma_k and l2 sigma_k^2 (the scaled objective is t^2 times the raw one).
import type { Term } from './basis';
import { largestMagnitude, orderOfMagnitude, powerOfTwoScale } from './checks';
import type { Matrix } from './matrix';

const SAFE_LOG2 = 100;
const LIMIT_LOG10 = 300;

export interface Rescaled {
  X: Matrix;
  y: Float64Array;
  /** sigma_k per term (1 when untouched). */
  termScale: Float64Array;
  /** t. */
  yScale: number;
  /** Whether anything was scaled. */
  active: boolean;
}

function outside(log2: number): boolean {
  return log2 < -SAFE_LOG2 || log2 > SAFE_LOG2;
}

/** Checks every term's magnitude and scales the features and the target where needed. */
export function rescale(X: Matrix, y: Float64Array, terms: Term[], featureNames: string[]): Rescaled {
  const maxPower = new Float64Array(X.cols);
  for (const t of terms) maxPower[t.feature] = Math.max(maxPower[t.feature], t.power);
  const factor = new Float64Array(X.cols).fill(1);
  X.columns.forEach((c, f) => {
    const big = largestMagnitude(c);
    if (big === 0 || maxPower[f] === 0) return;
    const d = maxPower[f];
    const log10 = d * Math.log10(big);
    if (log10 > LIMIT_LOG10 || log10 < -LIMIT_LOG10) {
      const term = d === 1 ? `'${featureNames[f]}'` : `'${featureNames[f]}^${d}'`;
      throw new RangeError(
        `Column '${featureNames[f]}' holds values around ${orderOfMagnitude(big)}, so ${term} reaches 1e${Math.round(log10)}, ` +
          `beyond the range of double-precision numbers (about 1e±308). Rescale '${featureNames[f]}' ` +
          `(multiply or divide it by a power of ten) before fitting${d > 1 ? ', or lower the degree' : ''}.`,
      );
    }
    if (outside(d * Math.log2(big)) || outside(Math.log2(big))) factor[f] = powerOfTwoScale(big);
  });
  const yBig = largestMagnitude(y);
  const yScale = yBig > 0 && outside(Math.log2(yBig)) ? powerOfTwoScale(yBig) : 1;
  const active = yScale !== 1 || factor.some((s) => s !== 1);
  const termScale = Float64Array.from(terms, (t) => factor[t.feature] ** t.power);
  if (!active) return { X, y, termScale, yScale, active };
  const columns = X.columns.map((c, f) => (factor[f] === 1 ? c : c.map((v) => v * factor[f])));
  return { X: { rows: X.rows, cols: X.cols, columns }, y: yScale === 1 ? y : y.map((v) => v * yScale), termScale, yScale, active };
}

/**
 * Raw coefficients b_k = b'_k sigma_k / t; throws, naming the term, when one is beyond float64
 * (a target around 1e200 regressed on a feature around 1e-200 needs a slope around 1e400).
 */
export function unscaleCoefficients(scaled: ArrayLike<number>, r: Rescaled, names: string[]): Float64Array {
  const out = Float64Array.from(scaled, (b, k) => toRawUnits(b, r.termScale[k], r.yScale));
  out.forEach((b, k) => {
    if (!Number.isFinite(b)) {
      throw new RangeError(
        `The coefficient of '${names[k]}' is beyond the range of double-precision numbers: the target and '${names[k]}' ` +
          'differ in size by more than about 1e300. Rescale one of them (multiply or divide by a power of ten).',
      );
    }
  });
  return out;
}

/** b sigma / t, ordered so that an intermediate does not overflow or underflow needlessly. */
export function toRawUnits(b: number, sigma: number, t: number): number {
  const direct = (b * sigma) / t;
  return Number.isFinite(direct) && (direct !== 0 || b === 0) ? direct : (b / t) * sigma;
}
