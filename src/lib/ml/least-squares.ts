// Least squares with iterative refinement of the augmented system (Björck 1967):
//
//     [ I   Z ] [r]   [y]          r + Z b = y      (residual definition)
//     [ Z'  0 ] [b] = [c]          Z' r    = c      (normal equations; c = 0 for a fit)
//
// Each round forms the two residuals f = y - r - Z b and g = c - Z' r in double-double
// in the RAW basis Z, then solves for a correction with the QR factorisation of the
// well-conditioned basis F (F = Z L). The fixed point is the solution for the raw
// basis itself, so the conversion from F's coefficients to raw ones, where digits
// would die, is corrected away. With c = -e_j and y = 0 the same loop returns column
// j of (Z'Z)^-1, which gives accurate standard errors.
import { applyQ, applyQt, solveR, solveRt, type QR } from './qr';
import { mapToConditioned, mapToRaw, type RawDesign } from './basis';
import { ddAdd, type Pair } from './dd';

export interface RefinedSolution {
  /** Solution in the raw basis, as double-double (hi + lo). */
  bHi: Float64Array;
  bLo: Float64Array;
  /** Residual r = y - Z b, as double-double. */
  rHi: Float64Array;
  rLo: Float64Array;
  /** Rounds of refinement done (the first round is the plain solve). */
  rounds: number;
  /** Largest relative correction in the last round. */
  lastCorrection: number;
}

export interface RefineOptions {
  /** Maximum rounds (default 10). 1 = plain float64 solve in the conditioned basis. */
  maxRounds?: number;
  /** Stop when every |db_j| <= tolerance * |b_j| (default 1e-17). */
  tolerance?: number;
}

export function solveRefined(
  qr: QR,
  Z: RawDesign,
  L: Float64Array,
  y: Float64Array | null,
  c: Float64Array | null,
  options: RefineOptions = {},
): RefinedSolution {
  const m = Z.rows;
  const q = Z.hi.length;
  if (qr.rank < q) throw new Error('solveRefined needs a full-rank factorisation.');
  const maxRounds = options.maxRounds ?? 10;
  const tol = options.tolerance ?? 1e-17;
  const bHi = new Float64Array(q);
  const bLo = new Float64Array(q);
  const rHi = new Float64Array(m);
  const rLo = new Float64Array(m);
  const fHi = new Float64Array(m);
  const fLo = new Float64Array(m);
  const g = new Float64Array(q);
  const s: Pair = { hi: 0, lo: 0 };
  let rounds = 0;
  let last = Infinity;
  let previous = Infinity;

  // Crude condition estimate of F from the pivoted R: refinement contracts the error by
  // roughly q * eps * cond(F) per round, which tells when one more round cannot matter.
  const condF = Math.abs(qr.rDiag[0] / qr.rDiag[q - 1]);
  const rate = Math.min(1, 10 * q * 2.2e-16 * condF);

  while (rounds < maxRounds) {
    rounds++;
    if (rounds === 1) {
      // r = 0 and b = 0: f = y and g = c, exactly.
      for (let i = 0; i < m; i++) {
        fHi[i] = y ? y[i] : 0;
        fLo[i] = 0;
      }
      for (let j = 0; j < q; j++) g[j] = c ? c[j] : 0;
    } else {
      residuals(Z, y, c, rHi, rLo, bHi, bLo, fHi, fLo, g);
    }
    // Correction from F = QR (pivoted): F' dr = L' g, dr + F da = f.
    const gA = mapToConditioned(L, g);
    const gP = new Float64Array(q);
    for (let k = 0; k < q; k++) gP[k] = gA[qr.perm[k]];
    const h = solveRt(qr, gP, q);
    const d = new Float64Array(m);
    for (let i = 0; i < m; i++) d[i] = fHi[i] + fLo[i];
    applyQt(qr, d);
    const d1 = new Float64Array(q);
    for (let k = 0; k < q; k++) {
      d1[k] = d[k] - h[k];
      d[k] = h[k];
    }
    applyQ(qr, d); // d is now dr
    const daP = solveR(qr, d1, q);
    const da = new Float64Array(q);
    for (let k = 0; k < q; k++) da[qr.perm[k]] = daP[k];
    const db = mapToRaw(L, da);
    for (let i = 0; i < m; i++) {
      ddAdd(rHi[i], rLo[i], d[i], 0, s);
      rHi[i] = s.hi;
      rLo[i] = s.lo;
    }
    last = 0;
    for (let j = 0; j < q; j++) {
      ddAdd(bHi[j], bLo[j], db[j], 0, s);
      bHi[j] = s.hi;
      bLo[j] = s.lo;
      const size = Math.abs(s.hi);
      const rel = size > 0 ? Math.abs(db[j]) / size : db[j] === 0 ? 0 : Infinity;
      if (rel > last) last = rel;
    }
    if (last <= tol) break;
    // The next correction would be about last * rate: below tolerance, stop now.
    if (rounds >= 2 && last * rate <= tol) break;
    // Stagnation: corrections no longer shrink, so more rounds cannot help.
    if (rounds > 2 && last > 0.5 * previous) break;
    previous = last;
  }
  return { bHi, bLo, rHi, rLo, rounds, lastCorrection: last };
}

/** Diagonal of (Z'Z)^-1, each column refined (accurate even when Z is ill-conditioned). */
export function inverseGramDiagonalRefined(qr: QR, Z: RawDesign, L: Float64Array, maxRounds = 10): Float64Array {
  const q = Z.hi.length;
  const out = new Float64Array(q);
  const c = new Float64Array(q);
  for (let j = 0; j < q; j++) {
    c.fill(0);
    c[j] = -1;
    const sol = solveRefined(qr, Z, L, null, c, { maxRounds });
    out[j] = sol.bHi[j] + sol.bLo[j];
  }
  return out;
}

/** Diagonal of (Z'Z)^-1 = L (F'F)^-1 L' from R alone (cheap float64 version for large data). */
export function inverseGramDiagonal(qr: QR, L: Float64Array): Float64Array {
  const q = qr.cols;
  // Rows of L P R^-1: the covariance diagonal is the squared norm of each row.
  const out = new Float64Array(q);
  const row = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    for (let k = 0; k < q; k++) row[k] = L[i * q + qr.perm[k]];
    // w' = row R^-1  <=>  R' w = row
    const w = solveRt(qr, row, q);
    let s = 0;
    for (const v of w) s += v * v;
    out[i] = s;
  }
  return out;
}

const SPLITTER = 134217729; // 2^27 + 1, for Dekker's exact products (see dd.ts)

/**
 * f = y - r - Z b and g = c - Z' r in double-double, column by column, in one pass over each
 * column of Z (each entry is loaded and split once for both). The hot loop is written out
 * (rather than calling dd.ts) because it runs over every entry of Z in each round; the
 * operations are those of Dekker's TwoProduct and Knuth's TwoSum (g accumulates as Dot2 of
 * Ogita, Rump and Oishi).
 */
function residuals(
  Z: RawDesign,
  y: Float64Array | null,
  c: Float64Array | null,
  rHi: Float64Array,
  rLo: Float64Array,
  bHi: Float64Array,
  bLo: Float64Array,
  fHi: Float64Array,
  fLo: Float64Array,
  g: Float64Array,
): void {
  const m = Z.rows;
  const s: Pair = { hi: 0, lo: 0 };
  for (let i = 0; i < m; i++) {
    ddAdd(y ? y[i] : 0, 0, -rHi[i], -rLo[i], s);
    fHi[i] = s.hi;
    fLo[i] = s.lo;
  }
  for (let j = 0; j < Z.hi.length; j++) {
    const bh = bHi[j];
    const bl = bLo[j];
    const zh = Z.hi[j];
    const zl = Z.lo[j];
    let t = SPLITTER * bh;
    const bhh = t - (t - bh);
    const bhl = bh - bhh;
    const updateF = bh !== 0 || bl !== 0;
    let sum = c ? c[j] : 0;
    let comp = 0;
    for (let i = 0; i < m; i++) {
      const a = zh[i];
      t = SPLITTER * a;
      const ah = t - (t - a);
      const al = a - ah;
      const zli = zl ? zl[i] : 0;
      if (updateF) {
        const prod = a * bh;
        let err = ah * bhh - prod + ah * bhl + al * bhh + al * bhl;
        err += a * bl + zli * bh;
        // (fh + fl) - (prod + err)
        const fh = fHi[i];
        const sm = fh - prod;
        const bb = sm - fh;
        const e = fh - (sm - bb) + (-prod - bb) + (fLo[i] - err);
        const hi = sm + e;
        fLo[i] = e - (hi - sm);
        fHi[i] = hi;
      }
      // sum -= a r exactly, the rounding error carried in comp
      const r = rHi[i];
      t = SPLITTER * r;
      const rh = t - (t - r);
      const rl = r - rh;
      const prod = a * r;
      const err = ah * rh - prod + ah * rl + al * rh + al * rl + a * rLo[i] + zli * r;
      const next = sum - prod;
      const bb = next - sum;
      comp += sum - (next - bb) + (-prod - bb) - err;
      sum = next;
    }
    g[j] = sum + comp;
  }
}
