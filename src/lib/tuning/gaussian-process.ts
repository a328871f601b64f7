// A small Gaussian-process regression for Bayesian optimisation: a squared-
// exponential kernel on points in [0, 1]^d, scores standardised, a little
// noise on the diagonal (cross-validated scores are noisy, and it keeps the
// matrix positive definite). It predicts a mean and a standard deviation for
// any point; expected improvement trades the two off.

import { backSubstitute, choleskyFactor, forwardSubstitute } from '../ml/cholesky';

export interface GaussianProcess {
  predict(x: number[]): { mean: number; sd: number };
}

const LENGTH_SCALE = 0.25;
const NOISE = 1e-4;

function kernel(a: number[], b: number[]): number {
  let d2 = 0;
  for (let j = 0; j < a.length; j++) d2 += (a[j] - b[j]) ** 2;
  return Math.exp(-d2 / (2 * LENGTH_SCALE ** 2));
}

/**
 * The kernel matrix's Cholesky factor. NOISE on the diagonal normally keeps it
 * positive definite; trials at (almost) the same point can still defeat it in
 * floating point, so the jitter grows tenfold until the factor exists.
 */
function factor(xs: number[][]): Float64Array {
  const n = xs.length;
  for (let jitter = NOISE; ; jitter *= 10) {
    const K = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) K[i * n + j] = kernel(xs[i], xs[j]) + (i === j ? jitter : 0);
    const L = choleskyFactor(K, n);
    if (L) return L;
    if (jitter > 1) throw new Error('The Gaussian process could not factor its kernel matrix.');
  }
}

export function fitGaussianProcess(xs: number[][], ys: number[]): GaussianProcess {
  const mean = ys.reduce((s, y) => s + y, 0) / ys.length;
  const sd = Math.sqrt(ys.reduce((s, y) => s + (y - mean) ** 2, 0) / ys.length) || 1;
  const z = ys.map((y) => (y - mean) / sd);
  const n = xs.length;
  const L = factor(xs);
  const alpha = backSubstitute(L, forwardSubstitute(L, z, n), n);
  return {
    predict(x) {
      const k = xs.map((a) => kernel(a, x));
      const v = forwardSubstitute(L, k, n);
      const variance = Math.max(1 + NOISE - v.reduce((s, t) => s + t * t, 0), 1e-12);
      return { mean: mean + sd * k.reduce((s, t, i) => s + t * alpha[i], 0), sd: sd * Math.sqrt(variance) };
    },
  };
}

function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/** Φ(z), from Abramowitz and Stegun's erf approximation 7.1.26 (error below 1.5e-7, plenty to rank candidates). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Expected improvement below `best` (scores are errors: lower is better). */
export function expectedImprovement({ mean, sd }: { mean: number; sd: number }, best: number): number {
  if (sd <= 0) return Math.max(best - mean, 0);
  const z = (best - mean) / sd;
  return (best - mean) * normalCdf(z) + sd * normalPdf(z);
}
