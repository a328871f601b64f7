// Design matrices in two bases.
//  - The raw basis Z is what the user sees: an intercept column (when fitted) and one
//    column per term x_f^d. Its coefficients b are the ones reported.
//  - The conditioned basis F is what the QR factorisation sees: each feature is mapped
//    to t = (x - c) / h in [-1, 1] before forming powers, and every column is then
//    centred and scaled. F spans the same space as Z, and b = L a maps F's coefficients
//    a to the raw ones exactly (L is built from binomial expansions of t^d).
// Z keeps powers in double-double so that residuals y - Z b can be formed to ~32 digits
// during iterative refinement (see least-squares.ts).
import { ddMul, type Pair } from './dd';
import type { Matrix } from './matrix';
import { mean, spread } from './stats';

export interface Term {
  /** Index of the input feature. */
  feature: number;
  /** Power of the feature (1 for a plain linear term). */
  power: number;
  name: string;
}

export const INTERCEPT_NAME = '(Intercept)';

/** Raw design columns in double-double (lo is null where the column is exact in float64). */
export interface RawDesign {
  rows: number;
  hi: Float64Array[];
  lo: (Float64Array | null)[];
}

export interface Basis {
  terms: Term[];
  intercept: boolean;
  /** Number of parameters: terms plus the intercept when fitted. */
  size: number;
  raw: RawDesign;
  /** Conditioned columns F (fresh arrays: the QR may overwrite them). */
  conditioned: Float64Array[];
  /** L, size × size, row-major: raw coefficients b = L a. */
  toRaw: Float64Array;
  /**
   * Per term, sum (z - mean z)^2 of its raw column (about 0 without an intercept), known from
   * conditioning for plain features (NaN for powers): saves the VIFs two passes per column.
   */
  rawCentredSS: Float64Array;
}

export function termName(feature: string, power: number): string {
  return power === 1 ? feature : `${feature}^${power}`;
}

/** Terms of a polynomial of the given degree in each feature (powers only, no interactions). */
export function polynomialTerms(featureNames: string[], degree: number): Term[] {
  if (!Number.isInteger(degree) || degree < 1) throw new Error(`Polynomial degree must be a positive integer (got ${degree}).`);
  const terms: Term[] = [];
  featureNames.forEach((name, feature) => {
    for (let power = 1; power <= degree; power++) terms.push({ feature, power, name: termName(name, power) });
  });
  return terms;
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/** Maps x to t = (x - centre) / halfRange, in [-1, 1] over the data. */
function featureAffine(x: Float64Array, degree: number, intercept: boolean): { centre: number; halfRange: number } {
  if (degree === 1) return { centre: 0, halfRange: 1 }; // plain columns are only centred and scaled
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of x) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // Without an intercept a shift would create a constant term that has nowhere to go.
  const centre = intercept ? (lo + hi) / 2 : 0;
  const halfRange = intercept ? (hi - lo) / 2 : Math.max(Math.abs(lo), Math.abs(hi));
  return { centre, halfRange: halfRange > 0 ? halfRange : 1 };
}

/** Raw design in double-double: x^d formed by repeated dd multiplication. */
export function rawDesign(X: Matrix, terms: Term[], intercept: boolean): RawDesign {
  const n = X.rows;
  const hi: Float64Array[] = [];
  const lo: (Float64Array | null)[] = [];
  if (intercept) {
    hi.push(new Float64Array(n).fill(1));
    lo.push(null);
  }
  const p: Pair = { hi: 0, lo: 0 };
  let prevHi: Float64Array | null = null;
  let prevLo: Float64Array | null = null;
  for (const term of terms) {
    const x = X.columns[term.feature];
    if (term.power === 1) {
      hi.push(x);
      lo.push(null);
      prevHi = x;
      prevLo = null;
      continue;
    }
    if (!prevHi) throw new Error('Polynomial terms must list powers in increasing order.');
    const h = new Float64Array(n);
    const l = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      ddMul(prevHi[i], prevLo ? prevLo[i] : 0, x[i], 0, p);
      h[i] = p.hi;
      l[i] = p.lo;
    }
    hi.push(h);
    lo.push(l);
    prevHi = h;
    prevLo = l;
  }
  return { rows: n, hi, lo };
}

export function buildBasis(X: Matrix, terms: Term[], intercept: boolean): Basis {
  const n = X.rows;
  const off = intercept ? 1 : 0;
  const size = terms.length + off;
  const L = new Float64Array(size * size);
  const conditioned: Float64Array[] = [];
  if (intercept) {
    conditioned.push(new Float64Array(n).fill(1));
    L[0] = 1;
  }
  const maxPower = new Map<number, number>();
  for (const t of terms) maxPower.set(t.feature, Math.max(maxPower.get(t.feature) ?? 0, t.power));
  const affine = new Map<number, { centre: number; halfRange: number }>();
  for (const [f, d] of maxPower) affine.set(f, featureAffine(X.columns[f], d, intercept));
  // column index of (feature, power) in the raw basis
  const index = new Map<string, number>();
  const rawCentredSS = new Float64Array(terms.length).fill(NaN);
  terms.forEach((t, k) => index.set(`${t.feature}:${t.power}`, k + off));

  terms.forEach((term, k) => {
    const x = X.columns[term.feature];
    const { centre: c, halfRange: h } = affine.get(term.feature)!;
    // x ** 1 is x exactly, so a plain feature is read as is: Math.pow on every entry was the
    // largest single cost of a 1M-row fit.
    const plain = term.power === 1 && c === 0 && h === 1;
    const col = new Float64Array(n);
    if (!plain) for (let i = 0; i < n; i++) col[i] = ((x[i] - c) / h) ** term.power;
    const source = plain ? x : col;
    const m = intercept ? mean(source) : 0;
    const sd = spread(source, m);
    const s = sd > 0 ? sd : 1;
    if (plain) rawCentredSS[k] = n * sd * sd;
    for (let i = 0; i < n; i++) col[i] = (source[i] - m) / s;
    conditioned.push(col);
    // t^d = h^-d * sum_j C(d, j) x^j (-c)^(d-j): spread over the raw columns x^j.
    const d = term.power;
    const a = k + off;
    for (let j = 0; j <= d; j++) {
      const coef = (binomial(d, j) * (-c) ** (d - j)) / h ** d;
      if (j === 0) {
        if (intercept) L[a] += coef / s; // row 0 (intercept)
        continue;
      }
      const row = index.get(`${term.feature}:${j}`);
      if (row === undefined) throw new Error(`Polynomial term ${term.name} needs all lower powers.`);
      L[row * size + a] += coef / s;
    }
    if (intercept) L[a] -= m / s;
  });
  return { terms, intercept, size, raw: rawDesign(X, terms, intercept), conditioned, toRaw: L, rawCentredSS };
}

/** b = L a (float64). */
export function mapToRaw(L: Float64Array, a: ArrayLike<number>, out = new Float64Array(a.length)): Float64Array {
  const q = a.length;
  for (let i = 0; i < q; i++) {
    let s = 0;
    for (let k = 0; k < q; k++) s += L[i * q + k] * a[k];
    out[i] = s;
  }
  return out;
}

/** L' g (float64). */
export function mapToConditioned(L: Float64Array, g: ArrayLike<number>, out = new Float64Array(g.length)): Float64Array {
  const q = g.length;
  for (let k = 0; k < q; k++) {
    let s = 0;
    for (let i = 0; i < q; i++) s += L[i * q + k] * g[i];
    out[k] = s;
  }
  return out;
}

/** Evaluates intercept + sum of coef * x_f^d for each row (Horner-free: powers are small). */
export function evaluateTerms(X: Matrix, terms: Term[], intercept: number, coefficients: ArrayLike<number>): Float64Array {
  const out = new Float64Array(X.rows).fill(intercept);
  terms.forEach((t, k) => {
    const x = X.columns[t.feature];
    const b = coefficients[k];
    for (let i = 0; i < X.rows; i++) out[i] += b * x[i] ** t.power;
  });
  return out;
}
