// Double-double ("dd") arithmetic: a value is the unevaluated sum hi + lo of two
// float64 numbers, giving about 32 significant digits. The exact solvers use it
// only where digits would otherwise die: residuals y - Xb and products X'r in
// iterative refinement, and powers of x for polynomial designs.
// Algorithms: Dekker (1971) and Knuth's error-free transformations.

const SPLITTER = 134217729; // 2^27 + 1

/** Scratch pair returned by the error-free transforms (avoids allocating). */
export interface Pair {
  hi: number;
  lo: number;
}

/** a + b = s + e exactly (Knuth's TwoSum). */
export function twoSum(a: number, b: number, out: Pair): Pair {
  const s = a + b;
  const bb = s - a;
  out.hi = s;
  out.lo = a - (s - bb) + (b - bb);
  return out;
}

/** a * b = p + e exactly (Dekker's TwoProduct with Veltkamp splitting). */
export function twoProd(a: number, b: number, out: Pair): Pair {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  out.hi = p;
  out.lo = ah * bh - p + ah * bl + al * bh + al * bl;
  return out;
}

const tmp: Pair = { hi: 0, lo: 0 };

/** (ah + al) + (bh + bl) in dd, written into out. */
export function ddAdd(ah: number, al: number, bh: number, bl: number, out: Pair): Pair {
  twoSum(ah, bh, tmp);
  const sHi = tmp.hi;
  const sLo = tmp.lo;
  twoSum(al, bl, tmp);
  const tHi = tmp.hi;
  const tLo = tmp.lo;
  let hi = sHi;
  let lo = sLo + tHi;
  let s = hi + lo;
  lo = lo - (s - hi);
  hi = s;
  lo += tLo;
  s = hi + lo;
  out.lo = lo - (s - hi);
  out.hi = s;
  return out;
}

/** (ah + al) * (bh + bl) in dd, written into out. */
export function ddMul(ah: number, al: number, bh: number, bl: number, out: Pair): Pair {
  twoProd(ah, bh, tmp);
  const p = tmp.hi;
  const e = tmp.lo + (ah * bl + al * bh);
  const s = p + e;
  out.lo = e - (s - p);
  out.hi = s;
  return out;
}

/** (ah + al) / (bh + bl) in dd (one Newton correction of the float64 quotient). */
export function ddDiv(ah: number, al: number, bh: number, bl: number, out: Pair): Pair {
  const q1 = ah / bh;
  ddMul(q1, 0, bh, bl, tmp);
  ddAdd(ah, al, -tmp.hi, -tmp.lo, tmp);
  const q2 = tmp.hi / bh;
  return twoSum(q1, q2, out);
}

/**
 * Accumulates a sum of products in dd. Used for dot products whose result
 * is much smaller than its terms (Ogita, Rump and Oishi's Dot2 idea).
 */
export class DdAccumulator {
  hi = 0;
  lo = 0;
  private readonly p: Pair = { hi: 0, lo: 0 };

  reset(hi = 0, lo = 0): this {
    this.hi = hi;
    this.lo = lo;
    return this;
  }

  /** += a (a float64). */
  add(a: number): this {
    ddAdd(this.hi, this.lo, a, 0, this.p);
    this.hi = this.p.hi;
    this.lo = this.p.lo;
    return this;
  }

  /** += (ah + al). */
  addDd(ah: number, al: number): this {
    ddAdd(this.hi, this.lo, ah, al, this.p);
    this.hi = this.p.hi;
    this.lo = this.p.lo;
    return this;
  }

  /** += (ah + al) * (bh + bl). */
  addProduct(ah: number, al: number, bh: number, bl: number): this {
    ddMul(ah, al, bh, bl, this.p);
    return this.addDd(this.p.hi, this.p.lo);
  }

  value(): number {
    return this.hi + this.lo;
  }
}

/**
 * Compensated (Neumaier) sum of a float64 array: accurate means and totals. Each step's rounding
 * error is taken with Knuth's TwoSum, which is exact like Neumaier's ordered Fast2Sum (so the
 * result is the same to the bit) but has no data-dependent branch to mispredict.
 */
export function accurateSum(values: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = s + v;
    const bb = t - s;
    c += s - (t - bb) + (v - bb);
    s = t;
  }
  return s + c;
}
