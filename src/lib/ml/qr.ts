// Householder QR with column pivoting (Businger & Golub), on column-major data.
// A P = Q R, where P permutes columns so that |R[0,0]| >= |R[1,1]| >= ...; the
// numerical rank is where the diagonal of R drops below a relative tolerance,
// which is how rank deficiency (collinear columns) is detected and reported.

export interface QR {
  /** Number of rows m and columns n of the factorised matrix. */
  rows: number;
  cols: number;
  /** Column j holds R above the diagonal and the Householder vector below it (v[j] is kept in vHead). */
  columns: Float64Array[];
  /** Diagonal of R. */
  rDiag: Float64Array;
  /** First element of each Householder vector, and its beta = 2 / (v'v). */
  vHead: Float64Array;
  beta: Float64Array;
  /** perm[k] = index of the original column that sits at position k. */
  perm: Int32Array;
  /** Numerical rank: the number of leading |rDiag| above tolerance * |rDiag[0]|. */
  rank: number;
}

export interface QROptions {
  /** Relative tolerance on |R[k,k]| / |R[0,0]| below which a column is treated as dependent. */
  rankTolerance?: number;
  /** Pivot columns by largest remaining norm (default true). */
  pivot?: boolean;
}

export const DEFAULT_RANK_TOLERANCE = 1e-10;

// Plain sums of squares inside this range cannot have overflowed, and entries that underflowed
// when squared are below 1e-290 of the total: the result is as accurate as the scaled sum.
const PLAIN_LOW = 1e-250;
const PLAIN_HIGH = 1e290;

/** Sum of squares of c[from..]: plain (fast) when safe, scaled otherwise. */
function sumSquaresFast(c: Float64Array, from: number): number {
  let s0 = 0;
  let s1 = 0;
  const m = c.length;
  let i = from;
  for (; i + 1 < m; i += 2) {
    s0 += c[i] * c[i];
    s1 += c[i + 1] * c[i + 1];
  }
  if (i < m) s0 += c[i] * c[i];
  const s = s0 + s1;
  return s > PLAIN_LOW && s < PLAIN_HIGH ? s : sumSquares(c, from);
}

function sumSquares(c: Float64Array, from: number): number {
  // Scaled sum of squares: avoids overflow/underflow on extreme data.
  let scale = 0;
  let ssq = 1;
  for (let i = from; i < c.length; i++) {
    const v = c[i];
    if (v !== 0) {
      const a = Math.abs(v);
      if (scale < a) {
        ssq = 1 + ssq * (scale / a) * (scale / a);
        scale = a;
      } else {
        ssq += (a / scale) * (a / scale);
      }
    }
  }
  return scale * scale * ssq;
}

/** Factorises the given columns in place (they are overwritten). */
export function householderQR(columns: Float64Array[], options: QROptions = {}): QR {
  const n = columns.length;
  const m = n === 0 ? 0 : columns[0].length;
  if (m < n) throw new Error(`QR needs at least as many rows (${m}) as columns (${n}).`);
  const tol = options.rankTolerance ?? DEFAULT_RANK_TOLERANCE;
  const pivot = options.pivot ?? true;
  const cols = columns.slice();
  const perm = new Int32Array(n);
  for (let j = 0; j < n; j++) perm[j] = j;
  const rDiag = new Float64Array(n);
  const vHead = new Float64Array(n);
  const beta = new Float64Array(n);
  const norms = new Float64Array(n);

  // Remaining column norms are recomputed at every step rather than downdated (downdating
  // suffers cancellation), in the same pass that applies the reflector to the column: at step k,
  // norms[j] is the sum of squares of cols[j][k..].
  for (let j = 0; j < n; j++) norms[j] = sumSquaresFast(cols[j], 0);
  for (let k = 0; k < n; k++) {
    if (pivot) {
      let best = k;
      for (let j = k; j < n; j++) if (norms[j] > norms[best]) best = j;
      if (best !== k) {
        const c = cols[k];
        cols[k] = cols[best];
        cols[best] = c;
        const p = perm[k];
        perm[k] = perm[best];
        perm[best] = p;
        const t = norms[k];
        norms[k] = norms[best];
        norms[best] = t;
      }
    }
    const x = cols[k];
    const normX = Math.sqrt(norms[k]);
    if (normX === 0) {
      for (let j = k + 1; j < n; j++) norms[j] = sumSquaresFast(cols[j], k + 1);
      rDiag[k] = 0;
      beta[k] = 0;
      vHead[k] = 0;
      continue;
    }
    const alpha = x[k] > 0 ? -normX : normX;
    const v0 = x[k] - alpha;
    // v = [v0, x[k+1..]]; v'v = v0^2 + (normX^2 - x[k]^2) = -2 alpha v0
    const b = -1 / (alpha * v0);
    vHead[k] = v0;
    beta[k] = b;
    rDiag[k] = alpha;
    // The reflector is applied to two columns per pass where it can: x is read once for both.
    let j = k + 1;
    for (; j + 1 < n; j += 2) reflectPair(x, v0, b, cols[j], cols[j + 1], k, m, norms, j);
    if (j < n) reflectPair(x, v0, b, cols[j], null, k, m, norms, j);
    x[k] = alpha;
  }

  let rank = 0;
  const r0 = n > 0 ? Math.abs(rDiag[0]) : 0;
  while (rank < n && r0 > 0 && Math.abs(rDiag[rank]) > tol * r0) rank++;
  return { rows: m, cols: n, columns: cols, rDiag, vHead, beta, perm, rank };
}

/**
 * Applies reflector k (v = [v0, x[k+1..]], beta b) to columns c and d (d may be null) and stores
 * the sums of squares of their entries below k in norms[j] and norms[j + 1]. Subtracting s x
 * with s = 0 leaves a column exactly as it was, so there is no special case.
 */
function reflectPair(
  x: Float64Array,
  v0: number,
  b: number,
  c: Float64Array,
  d: Float64Array | null,
  k: number,
  m: number,
  norms: Float64Array,
  j: number,
): void {
  let sc = v0 * c[k];
  let sd = d ? v0 * d[k] : 0;
  if (d) for (let i = k + 1; i < m; i++) {
    const xi = x[i];
    sc += xi * c[i];
    sd += xi * d[i];
  }
  else for (let i = k + 1; i < m; i++) sc += x[i] * c[i];
  sc *= b;
  sd *= b;
  c[k] -= sc * v0;
  let qc = 0;
  let qd = 0;
  if (d) {
    d[k] -= sd * v0;
    for (let i = k + 1; i < m; i++) {
      const xi = x[i];
      const a = c[i] - sc * xi;
      const e = d[i] - sd * xi;
      c[i] = a;
      d[i] = e;
      qc += a * a;
      qd += e * e;
    }
  } else {
    for (let i = k + 1; i < m; i++) {
      const a = c[i] - sc * x[i];
      c[i] = a;
      qc += a * a;
    }
  }
  norms[j] = qc > PLAIN_LOW && qc < PLAIN_HIGH ? qc : sumSquares(c, k + 1);
  if (d) norms[j + 1] = qd > PLAIN_LOW && qd < PLAIN_HIGH ? qd : sumSquares(d, k + 1);
}

/** y := Q' y (y has length m), in place. */
export function applyQt(qr: QR, y: Float64Array): Float64Array {
  const { cols: n, rows: m } = qr;
  let k = 0;
  for (; k + 1 < n; k += 2) applyReflectorPair(qr, k, y, m, false);
  if (k < n) applyReflector(qr, k, y, m);
  return y;
}

/** y := Q y (y has length m), in place. */
export function applyQ(qr: QR, y: Float64Array): Float64Array {
  const { cols: n, rows: m } = qr;
  let k = n - 1;
  if (n % 2 === 1) applyReflector(qr, k--, y, m);
  for (; k > 0; k -= 2) applyReflectorPair(qr, k - 1, y, m, true);
  return y;
}

/**
 * Reflectors k and k + 1 together, in two passes over y instead of four (for a tall y, memory
 * traffic is the cost): with a = beta_k v_k'y and b = beta_{k+1} v_{k+1}'y computed in one pass,
 * H_{k+1} H_k y = y - a v_k - (b - beta_{k+1} a v_{k+1}'v_k) v_{k+1}, and H_k H_{k+1} (for Q y)
 * likewise with the roles exchanged.
 */
function applyReflectorPair(qr: QR, k: number, y: Float64Array, m: number, reverse: boolean): void {
  const bk = qr.beta[k];
  const bl = qr.beta[k + 1];
  if (bk === 0 || bl === 0) {
    // a zero column (rank deficiency) has no reflector: one at a time
    if (reverse) {
      applyReflector(qr, k + 1, y, m);
      applyReflector(qr, k, y, m);
    } else {
      applyReflector(qr, k, y, m);
      applyReflector(qr, k + 1, y, m);
    }
    return;
  }
  const xk = qr.columns[k];
  const xl = qr.columns[k + 1];
  const hk = qr.vHead[k];
  const hl = qr.vHead[k + 1];
  // v_k = [hk at k, xk[k+1..]]; v_{k+1} = [hl at k+1, xl[k+2..]]
  let sk = hk * y[k] + xk[k + 1] * y[k + 1];
  let sl = hl * y[k + 1];
  let w = xk[k + 1] * hl;
  for (let i = k + 2; i < m; i++) {
    const yi = y[i];
    sk += xk[i] * yi;
    sl += xl[i] * yi;
    w += xk[i] * xl[i];
  }
  let a: number;
  let b: number;
  if (!reverse) {
    a = bk * sk;
    b = bl * (sl - a * w);
  } else {
    b = bl * sl;
    a = bk * (sk - b * w);
  }
  y[k] -= a * hk;
  y[k + 1] -= a * xk[k + 1] + b * hl;
  for (let i = k + 2; i < m; i++) y[i] -= a * xk[i] + b * xl[i];
}

function applyReflector(qr: QR, k: number, y: Float64Array, m: number): void {
  const b = qr.beta[k];
  if (b === 0) return;
  const x = qr.columns[k];
  const v0 = qr.vHead[k];
  let s = v0 * y[k];
  let s1 = 0;
  let i = k + 1;
  for (; i + 1 < m; i += 2) {
    s += x[i] * y[i];
    s1 += x[i + 1] * y[i + 1];
  }
  if (i < m) s += x[i] * y[i];
  s = (s + s1) * b;
  y[k] -= s * v0;
  for (i = k + 1; i < m; i++) y[i] -= s * x[i];
}

/** Solves R z = c for the leading `size` unknowns (c has length >= size); returns z. */
export function solveR(qr: QR, c: ArrayLike<number>, size = qr.rank): Float64Array {
  const z = new Float64Array(size);
  for (let i = size - 1; i >= 0; i--) {
    let s = c[i];
    for (let j = i + 1; j < size; j++) s -= qr.columns[j][i] * z[j];
    z[i] = s / qr.rDiag[i];
  }
  return z;
}

/** Solves R' z = c for the leading `size` unknowns; returns z. */
export function solveRt(qr: QR, c: ArrayLike<number>, size = qr.rank): Float64Array {
  const z = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let s = c[i];
    const col = qr.columns[i];
    for (let j = 0; j < i; j++) s -= col[j] * z[j];
    z[i] = s / qr.rDiag[i];
  }
  return z;
}

/**
 * For a rank-deficient factorisation, the columns beyond the rank and, for each,
 * the leading columns it is (numerically) a combination of: R11 w = R12[:, j].
 */
export function dependentColumns(qr: QR): { column: number; dependsOn: number[] }[] {
  const out: { column: number; dependsOn: number[] }[] = [];
  for (let j = qr.rank; j < qr.cols; j++) {
    const w = solveR(qr, qr.columns[j], qr.rank);
    let wmax = 0;
    for (const v of w) wmax = Math.max(wmax, Math.abs(v));
    const dependsOn: number[] = [];
    for (let i = 0; i < w.length; i++) if (Math.abs(w[i]) > 1e-8 * wmax) dependsOn.push(qr.perm[i]);
    out.push({ column: qr.perm[j], dependsOn: dependsOn.sort((a, b) => a - b) });
  }
  return out;
}
