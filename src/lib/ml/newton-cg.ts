// Preconditioned conjugate gradients for Newton's step on wide data (logistic.ts): solves
// H s = b using only products H v, each one pass over the data (2 n d multiply-adds), where
// forming H costs n d^2 / 2. With a Jacobi (diagonal) preconditioner; coordinates marked fixed
// stay 0. Stops when ||H s - b|| <= relTol ||b||, or after maxIterations.

export interface CgResult {
  x: Float64Array;
  iterations: number;
  converged: boolean;
}

export function conjugateGradient(
  apply: (v: Float64Array, out: Float64Array) => Float64Array,
  b: Float64Array,
  diagonal: Float64Array,
  fixed: Uint8Array,
  relTol: number,
  maxIterations: number,
): CgResult {
  const q = b.length;
  const x = new Float64Array(q);
  const r = Float64Array.from(b, (v, k) => (fixed[k] ? 0 : v));
  const inv = Float64Array.from(diagonal, (v, k) => (fixed[k] ? 0 : v > 0 ? 1 / v : 1));
  const z = r.map((v, k) => v * inv[k]);
  const p = z.slice();
  const Hp = new Float64Array(q);
  const dot = (a: Float64Array, c: Float64Array) => {
    let s = 0;
    for (let k = 0; k < q; k++) s += a[k] * c[k];
    return s;
  };
  const target = relTol * Math.sqrt(dot(r, r));
  let rz = dot(r, z);
  if (!(target > 0)) return { x, iterations: 0, converged: true };
  for (let it = 1; it <= maxIterations; it++) {
    apply(p, Hp);
    for (let k = 0; k < q; k++) if (fixed[k]) Hp[k] = 0;
    const pHp = dot(p, Hp);
    // H is positive semi-definite; a direction of no curvature ends the solve.
    if (!(pHp > 0)) return { x, iterations: it, converged: false };
    const alpha = rz / pHp;
    for (let k = 0; k < q; k++) {
      x[k] += alpha * p[k];
      r[k] -= alpha * Hp[k];
    }
    if (Math.sqrt(dot(r, r)) <= target) return { x, iterations: it, converged: true };
    for (let k = 0; k < q; k++) z[k] = r[k] * inv[k];
    const next = dot(r, z);
    const beta = next / rz;
    rz = next;
    for (let k = 0; k < q; k++) p[k] = z[k] + beta * p[k];
  }
  return { x, iterations: maxIterations, converged: false };
}
