// Small dense symmetric positive-definite solves: Newton steps of the logistic
// solver, and the Gaussian process of Bayesian search (lib/tuning).

/** Lower-triangular L (row-major, q×q) with L·Lᵀ = A for symmetric positive-definite A; null if A is not PD. */
export function choleskyFactor(A: ArrayLike<number>, q: number): Float64Array | null {
  const L = new Float64Array(q * q);
  for (let i = 0; i < q; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * q + j];
      for (let k = 0; k < j; k++) s -= L[i * q + k] * L[j * q + k];
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return null;
        L[i * q + i] = Math.sqrt(s);
      } else {
        L[i * q + j] = s / L[j * q + j];
      }
    }
  }
  return L;
}

/** Solves L z = b (forward substitution) for a factor from choleskyFactor. */
export function forwardSubstitute(L: Float64Array, b: ArrayLike<number>, q: number): Float64Array {
  const z = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * q + k] * z[k];
    z[i] = s / L[i * q + i];
  }
  return z;
}

/** Solves Lᵀ x = z (back substitution) for a factor from choleskyFactor. */
export function backSubstitute(L: Float64Array, z: ArrayLike<number>, q: number): Float64Array {
  const x = new Float64Array(q);
  for (let i = q - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < q; k++) s -= L[k * q + i] * x[k];
    x[i] = s / L[i * q + i];
  }
  return x;
}

/** Solves A x = b for symmetric positive-definite A (row-major, size q); returns null if A is not PD. */
export function choleskySolve(A: Float64Array, b: Float64Array, q: number): Float64Array | null {
  const L = choleskyFactor(A, q);
  return L && backSubstitute(L, forwardSubstitute(L, b, q), q);
}

/** Cholesky solve with Levenberg damping: adds mu I (growing) until A + mu I is PD. */
export function dampedSolve(A: Float64Array, b: Float64Array, q: number): Float64Array {
  let x = choleskySolve(A, b, q);
  if (x) return x;
  let scale = 0;
  for (let i = 0; i < q; i++) scale = Math.max(scale, Math.abs(A[i * q + i]));
  if (!Number.isFinite(scale)) throw new Error('Newton step: the Hessian holds non-finite values (a feature or weight too large to compute with).');
  let mu = Math.max(scale, 1) * 1e-12;
  const B = A.slice();
  // At most 40 tries (mu grows 1e40-fold: from 1e-12 of the diagonal to 1e28 of it); the count, not mu, bounds the loop.
  for (let attempt = 0; attempt < 40 && !x; attempt++) {
    for (let i = 0; i < q; i++) B[i * q + i] = A[i * q + i] + mu;
    x = choleskySolve(B, b, q);
    mu *= 10;
  }
  if (!x) throw new Error('Newton step: the Hessian is not positive definite even after damping (a feature or weight too large to compute with).');
  return x;
}
