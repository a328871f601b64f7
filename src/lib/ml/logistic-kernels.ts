// The binary logistic solver's passes over the data (logistic-problem.ts), written for speed:
// each reads the row-major standardised design once. A 1M x 10 fit is a handful of these passes,
// so they decide its time. Each works on four rows at a time, which changes only the
// order in which the gradient and Hessian are summed (eta and the loss are summed as before).
//  - lossAndGradient: eta = X theta, probabilities, the weighted log loss and its gradient, in
//    one pass (the gradient costs d more multiply-adds per row while the row is in cache, so a
//    line search step that is accepted already has its gradient);
//  - hessianLower: the lower triangle of X' diag(c) X, four rows at a time (each entry of H is
//    loaded and stored once per four rows instead of once per row);
//  - hessianTimes: X' diag(c) X v, one pass (Newton-CG for wide data, where forming H costs
//    n d^2 / 2 and a product 2 n d).

/**
 * Fills eta and prob; sets grad to sum_i r_i x_i, r_i = w_i (p_i - y_i) / n; returns the weighted mean
 * log loss. Given `diag`, also sets it to the Hessian's diagonal sum_i c_i x_ij^2 (c_i as `curvature`)
 * in the same pass: Newton-CG's preconditioner at its first point costs no pass of its own.
 */
export function lossAndGradient(
  rows: Float64Array,
  n: number,
  d: number,
  theta: Float64Array,
  codes: Int32Array,
  weights: Float64Array,
  eta: Float64Array,
  prob: Float64Array,
  grad: Float64Array,
  diag?: Float64Array,
): number {
  let total = 0;
  grad.fill(0);
  diag?.fill(0);
  // Four rows at a time: theta and grad are loaded once per four rows, and the four dot products
  // are independent chains of additions (one chain waits on each addition's latency).
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const r0 = i * d;
    const r1 = r0 + d;
    const r2 = r1 + d;
    const r3 = r2 + d;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < d; j++) {
      const t = theta[j];
      s0 += rows[r0 + j] * t;
      s1 += rows[r1 + j] * t;
      s2 += rows[r2 + j] * t;
      s3 += rows[r3 + j] * t;
    }
    total += rowLoss(i, s0, codes, weights, eta, prob);
    total += rowLoss(i + 1, s1, codes, weights, eta, prob);
    total += rowLoss(i + 2, s2, codes, weights, eta, prob);
    total += rowLoss(i + 3, s3, codes, weights, eta, prob);
    const q0 = (weights[i] / n) * (prob[i] - codes[i]);
    const q1 = (weights[i + 1] / n) * (prob[i + 1] - codes[i + 1]);
    const q2 = (weights[i + 2] / n) * (prob[i + 2] - codes[i + 2]);
    const q3 = (weights[i + 3] / n) * (prob[i + 3] - codes[i + 3]);
    for (let j = 0; j < d; j++) grad[j] += q0 * rows[r0 + j] + q1 * rows[r1 + j] + q2 * rows[r2 + j] + q3 * rows[r3 + j];
    if (diag) {
      const c0 = rowCurvature(i, n, weights, prob);
      const c1 = rowCurvature(i + 1, n, weights, prob);
      const c2 = rowCurvature(i + 2, n, weights, prob);
      const c3 = rowCurvature(i + 3, n, weights, prob);
      for (let j = 0; j < d; j++) {
        const x0 = rows[r0 + j];
        const x1 = rows[r1 + j];
        const x2 = rows[r2 + j];
        const x3 = rows[r3 + j];
        diag[j] += c0 * x0 * x0 + c1 * x1 * x1 + c2 * x2 * x2 + c3 * x3 * x3;
      }
    }
  }
  for (; i < n; i++) {
    const r = i * d;
    let s = 0;
    for (let j = 0; j < d; j++) s += rows[r + j] * theta[j];
    total += rowLoss(i, s, codes, weights, eta, prob);
    const q = (weights[i] / n) * (prob[i] - codes[i]);
    for (let j = 0; j < d; j++) grad[j] += q * rows[r + j];
    if (diag) {
      const c = rowCurvature(i, n, weights, prob);
      for (let j = 0; j < d; j++) diag[j] += c * rows[r + j] * rows[r + j];
    }
  }
  return total / n;
}

/** Row i's eta, probability and weighted log loss, from its score s. */
export function rowLoss(i: number, s: number, codes: Int32Array, weights: Float64Array, eta: Float64Array, prob: Float64Array): number {
  eta[i] = s;
  // sigmoid(s) and softplus(s) from one exp(-|s|), each exactly as logistic-problem.ts's.
  const e = Math.exp(s >= 0 ? -s : s);
  prob[i] = s >= 0 ? 1 / (1 + e) : e / (1 + e);
  return weights[i] * ((s > 0 ? s + Math.log1p(e) : Math.log1p(e)) - (codes[i] === 1 ? s : 0));
}

/** c_i = w_i p_i (1 - p_i) / n: the weight of row i in the Hessian. */
export function rowCurvature(i: number, n: number, weights: Float64Array, prob: Float64Array): number {
  const p = prob[i];
  return (weights[i] / n) * (p * (1 - p));
}

/** Every row's c_i (rowCurvature). */
export function curvature(n: number, weights: Float64Array, prob: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) out[i] = rowCurvature(i, n, weights, prob);
  return out;
}

/** Adds the lower triangle (k <= j) of sum_i c_i x_i x_i' into H (row-major, d x d). */
export function hessianLower(rows: Float64Array, n: number, d: number, c: Float64Array, H: Float64Array): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const r0 = i * d;
    const r1 = r0 + d;
    const r2 = r1 + d;
    const r3 = r2 + d;
    const c0 = c[i];
    const c1 = c[i + 1];
    const c2 = c[i + 2];
    const c3 = c[i + 3];
    for (let j = 0; j < d; j++) {
      const a0 = c0 * rows[r0 + j];
      const a1 = c1 * rows[r1 + j];
      const a2 = c2 * rows[r2 + j];
      const a3 = c3 * rows[r3 + j];
      const h = j * d;
      for (let k = 0; k <= j; k++) {
        H[h + k] += a0 * rows[r0 + k] + a1 * rows[r1 + k] + a2 * rows[r2 + k] + a3 * rows[r3 + k];
      }
    }
  }
  for (; i < n; i++) {
    const r = i * d;
    for (let j = 0; j < d; j++) {
      const a = c[i] * rows[r + j];
      const h = j * d;
      for (let k = 0; k <= j; k++) H[h + k] += a * rows[r + k];
    }
  }
}

/** out = sum_i c_i (x_i . v) x_i, in one pass, four rows at a time (as lossAndGradient). */
export function hessianTimes(rows: Float64Array, n: number, d: number, c: Float64Array, v: Float64Array, out: Float64Array): Float64Array {
  out.fill(0);
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const r0 = i * d;
    const r1 = r0 + d;
    const r2 = r1 + d;
    const r3 = r2 + d;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < d; j++) {
      const vj = v[j];
      s0 += rows[r0 + j] * vj;
      s1 += rows[r1 + j] * vj;
      s2 += rows[r2 + j] * vj;
      s3 += rows[r3 + j] * vj;
    }
    s0 *= c[i];
    s1 *= c[i + 1];
    s2 *= c[i + 2];
    s3 *= c[i + 3];
    for (let j = 0; j < d; j++) out[j] += s0 * rows[r0 + j] + s1 * rows[r1 + j] + s2 * rows[r2 + j] + s3 * rows[r3 + j];
  }
  for (; i < n; i++) {
    const r = i * d;
    let s = 0;
    for (let j = 0; j < d; j++) s += rows[r + j] * v[j];
    s *= c[i];
    for (let j = 0; j < d; j++) out[j] += s * rows[r + j];
  }
  return out;
}

/**
 * The passes over one problem's design (n rows of d values, `rows`), as the solver calls them:
 * these JS kernels, or the WebAssembly SIMD ones of logistic-wasm.ts, whose design lives in the
 * WebAssembly memory. Same arguments as the functions above, less the design and its size.
 */
export interface LogisticPasses {
  readonly kind: 'js' | 'wasm';
  /** The row-major design, to be filled by the caller. */
  readonly rows: Float64Array;
  /** n values for the Hessian's row weights c (curvature()), where the passes read them without a copy. */
  readonly rowWeights: Float64Array;
  lossAndGradient(theta: Float64Array, codes: Int32Array, weights: Float64Array, eta: Float64Array, prob: Float64Array, grad: Float64Array, diag?: Float64Array): number;
  hessianLower(c: Float64Array, H: Float64Array): void;
  hessianTimes(c: Float64Array, v: Float64Array, out: Float64Array): Float64Array;
  /** Called when the problem is done with the passes (and `rows`): they may then reuse its memory. */
  release(): void;
}

/** The JS kernels above on a design of their own. */
export function jsPasses(n: number, d: number): LogisticPasses {
  const rows = new Float64Array(n * d);
  return {
    kind: 'js',
    rows,
    rowWeights: new Float64Array(n),
    lossAndGradient: (theta, codes, weights, eta, prob, grad, diag) => lossAndGradient(rows, n, d, theta, codes, weights, eta, prob, grad, diag),
    hessianLower: (c, H) => hessianLower(rows, n, d, c, H),
    hessianTimes: (c, v, out) => hessianTimes(rows, n, d, c, v, out),
    release: () => {},
  };
}
