// The engine's boundary checks: every number a caller hands a solver (options, features,
// targets, weights) is checked here before any loop runs, and refused in the reader's words,
// naming the option or the column. NaN slips through ordinary comparisons (NaN < 0 is false),
// which is how a NaN penalty once made a damping loop spin forever; these checks use positive
// tests (`x >= 0`) that NaN fails.
import type { Matrix } from './matrix';

/** Magnitudes a column may reach before its squares and products leave float64's range (about 1e±308). */
export const LARGEST_USABLE = 1e300;
export const SMALLEST_USABLE = 1e-300;

export interface NumberRule {
  /** Lower bound (inclusive unless `above`). */
  min?: number;
  /** The value must exceed `min`. */
  above?: boolean;
  /** Upper bound (inclusive unless `below`). */
  max?: number;
  below?: boolean;
  integer?: boolean;
}

function describeRule(rule: NumberRule): string {
  const kind = rule.integer ? 'a whole number' : 'a finite number';
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`${rule.above ? '>' : '≥'} ${rule.min}`);
  if (rule.max !== undefined) parts.push(`${rule.below ? '<' : '≤'} ${rule.max}`);
  return parts.length ? `${kind} ${parts.join(' and ')}` : kind;
}

function satisfies(value: number, rule: NumberRule): boolean {
  if (!Number.isFinite(value)) return false;
  if (rule.integer && !Number.isInteger(value)) return false;
  if (rule.min !== undefined && !(rule.above ? value > rule.min : value >= rule.min)) return false;
  if (rule.max !== undefined && !(rule.below ? value < rule.max : value <= rule.max)) return false;
  return true;
}

/**
 * Returns `value`, or `fallback` when it is undefined; throws "The L2 strength must be a
 * finite number ≥ 0, got NaN." when it breaks the rule.
 */
export function checkNumber(label: string, value: number | undefined, fallback: number, rule: NumberRule = {}): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !satisfies(value, rule)) {
    throw new RangeError(`${label} must be ${describeRule(rule)}, got ${String(value)}.`);
  }
  return value;
}

/** Penalty strengths: finite and ≥ 0. */
export function checkPenalties(l1: number | undefined, l2: number | undefined): { l1: number; l2: number } {
  return {
    l1: checkNumber('The L1 strength (l1)', l1, 0, { min: 0 }),
    l2: checkNumber('The L2 strength (l2)', l2, 0, { min: 0 }),
  };
}

function around(v: number): string {
  return v === 0 ? '0' : `1e${Math.round(Math.log10(Math.abs(v)))}`;
}

/** The largest absolute value of a column (NaN when it holds a NaN). */
export function largestMagnitude(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (!(a <= m)) m = a; // NaN wins, so that the caller sees it
  }
  return m;
}

/**
 * Features: the row count, then every value finite, then magnitudes the solvers can square
 * and sum. Names the column and the first offending row.
 */
export function checkFeatures(what: string, X: Matrix, n: number, names: readonly string[]): void {
  if (X.rows !== n) throw new Error(`${what}: ${X.rows} rows of features but ${n} targets.`);
  if (names.length !== X.cols) throw new Error(`${what}: ${names.length} feature names for ${X.cols} columns.`);
  X.columns.forEach((c, j) => {
    // One pass for both checks (a wide fit's columns are read a handful of times in all): the
    // largest magnitude, and whether a NaN (comparing false both ways) was seen; the row of a
    // NaN or an infinity is looked for only when there is one.
    let big = 0;
    let nan = false;
    for (let i = 0; i < c.length; i++) {
      const a = Math.abs(c[i]);
      if (a > big) big = a;
      else if (!(a <= big)) nan = true;
    }
    if (nan || big === Infinity) {
      const i = Array.prototype.findIndex.call(c, (v: number) => !Number.isFinite(v));
      throw new Error(`${what}: column '${names[j]}' holds ${describeMissing(c[i])} at row ${i + 1}; impute or drop it first.`);
    }
    if (big > LARGEST_USABLE) {
      throw new Error(
        `${what}: column '${names[j]}' holds values around ${around(big)}, too close to the largest double-precision number ` +
          `(about 1.8e308) for its squares and sums to be computed. Divide it by a power of ten (rescale it) first.`,
      );
    }
  });
}

function describeMissing(v: number): string {
  return Number.isNaN(v) ? 'a missing value (NaN)' : `an infinite value (${v})`;
}

/** A numeric target: finite values, the right count. */
export function checkTarget(what: string, y: ArrayLike<number>, name = 'the target'): void {
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) {
      throw new Error(`${what}: ${name === 'the target' ? 'the target' : `target '${name}'`} holds ${describeMissing(y[i])} at row ${i + 1}; drop or impute it first.`);
    }
  }
  const big = largestMagnitude(y);
  if (big > LARGEST_USABLE) {
    throw new Error(`${what}: ${name === 'the target' ? 'the target' : `target '${name}'`} holds values around ${around(big)}, too large to square; rescale it first.`);
  }
}

/** Sample weights: one per row, finite, ≥ 0, and not all zero. */
export function checkSampleWeights(weights: ArrayLike<number> | undefined, n: number): void {
  if (weights === undefined) return;
  if (weights.length !== n) throw new Error(`There must be one sample weight per row: got ${weights.length} for ${n} rows.`);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(Number.isFinite(w) && w >= 0)) throw new RangeError(`Sample weights must be finite numbers ≥ 0; row ${i + 1} has ${String(w)}.`);
    total += w;
  }
  if (!(total > 0)) throw new RangeError('The sample weights are all zero: at least one row must count.');
}

/** Class weights: finite and ≥ 0. */
export function checkClassWeights(classWeight: 'balanced' | Record<string, number> | undefined): void {
  if (classWeight === undefined || classWeight === 'balanced') return;
  for (const [label, w] of Object.entries(classWeight)) {
    if (!(typeof w === 'number' && Number.isFinite(w) && w >= 0)) {
      throw new RangeError(`The weight of class '${label}' must be a finite number ≥ 0, got ${String(w)}.`);
    }
  }
}

/** Power-of-two factor that brings a positive magnitude into [1, 2): multiplying by it is exact. */
export function powerOfTwoScale(magnitude: number): number {
  if (!(magnitude > 0) || !Number.isFinite(magnitude)) return 1;
  return 2 ** Math.max(-1000, Math.min(1000, -Math.floor(Math.log2(magnitude))));
}

export { around as orderOfMagnitude };
