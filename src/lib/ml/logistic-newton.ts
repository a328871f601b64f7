// The exact logistic solver's iterations (logistic.ts): Newton / IRLS with a backtracking
// (Armijo) line search; proximal Newton with an L1 penalty (each step minimises the quadratic
// model plus the L1 term by coordinate descent, as glmnet does); on wide binary data Newton's step
// by conjugate gradients on Hessian-vector products (Newton-CG). Minimises a Problem from a given
// start, updating it in place.
import { dampedSolve } from './cholesky';
import type { Problem } from './logistic-problem';
import { conjugateGradient } from './newton-cg';

export interface NewtonSettings {
  l1: number;
  penalised: boolean;
  tol: number;
  maxIterations: number;
  /** The parameters that are solved for (the others stay where they are). */
  free: number[];
  /** 1 for each fixed parameter. */
  fixedMask: Uint8Array;
  /** Solve Newton's step by conjugate gradients (binary, no L1); off for good once they stall. */
  products: boolean;
  /** The caller asked for products: keep them even when conjugate gradients stall. */
  forced: boolean;
}

export interface NewtonResult {
  iterations: number;
  converged: boolean;
  separable: boolean;
  /** The loss stopped decreasing while the steps were still long (quasi-separation). */
  stalled: boolean;
  /** Whether the last step was still solved by conjugate gradients. */
  products: boolean;
}

/** Minimises the objective from theta (updated in place). */
export function newtonIterations(prob: Problem, theta: Float64Array, settings: NewtonSettings): NewtonResult {
  const { l1, penalised, tol, maxIterations, free, fixedMask, forced } = settings;
  const { size } = prob;
  let products = settings.products;
  prob.wantDiagonal = products;
  let f = prob.objective(theta);
  let iterations = 0;
  let converged = false;
  let separable = false;
  let stalled = false;
  while (iterations < maxIterations) {
    // The probabilities are those at theta: the last objective() evaluated was at theta (the
    // start, or the candidate the line search accepted), so no extra pass is needed here.
    const { g, H } = products ? { g: prob.gradient(theta), H: null } : prob.derivatives(theta);
    let step: Float64Array;
    let decrease: number; // predicted decrease term for Armijo
    if (l1 > 0) {
      step = proximalStep(theta, g, H!, prob.penaltyL1, size, free);
      let gd = 0;
      for (const k of free) gd += g[k] * step[k];
      const next = theta.map((t, k) => t + step[k]);
      decrease = gd + prob.l1Penalty(next) - prob.l1Penalty(theta);
      let largest = 0;
      for (const k of free) largest = Math.max(largest, Math.abs(step[k]));
      if (largest <= tol * Math.max(1, Math.max(...theta.map(Math.abs)))) {
        converged = true;
        break;
      }
    } else {
      let gmax = 0;
      for (const k of free) gmax = Math.max(gmax, Math.abs(g[k]));
      step = new Float64Array(size);
      const cg = products ? newtonCgStep(prob, g, gmax, tol, fixedMask, forced) : null;
      if (cg) step = cg;
      else {
        // Conjugate gradients that stall would cost more than the Hessian: form it from now on.
        products = false;
        const Hf = H ?? prob.derivatives(theta).H;
        const gFree = Float64Array.from(free, (k) => -g[k]);
        const dFree = dampedSolve(restrict(Hf, size, free), gFree, free.length);
        free.forEach((k, a) => (step[k] = dFree[a]));
      }
      decrease = 0;
      for (const k of free) decrease += g[k] * step[k];
      // A small gradient is not enough: under quasi-separation (classes that touch only on the
      // boundary) the gradient vanishes geometrically while each Newton step still moves the
      // coefficients by about as much as the last one. At a true optimum Newton's steps shrink
      // quadratically, so the step must be small too.
      if (gmax <= tol && largestStep(step, free) <= STEP_TOLERANCE * Math.max(1, largestStep(theta, free))) {
        converged = true;
        break;
      }
    }
    let maxStep = 0;
    let maxTheta = 1;
    for (const k of free) {
      maxStep = Math.max(maxStep, Math.abs(step[k]));
      maxTheta = Math.max(maxTheta, Math.abs(theta[k]));
    }
    // Armijo backtracking. Near the optimum the predicted decrease falls below the
    // rounding noise of f; the full (quadratically convergent) step is then taken as is.
    const belowNoise = Math.abs(decrease) < 1e-14 * Math.abs(f);
    let t = 1;
    let candidate = theta.map((v, k) => v + step[k]);
    let fc = prob.objective(candidate);
    if (belowNoise) {
      theta.set(candidate);
      f = fc;
      iterations++;
      if (maxStep <= 1e-13 * maxTheta) {
        converged = true;
        break;
      }
      continue;
    }
    while (!(fc <= f + 1e-4 * t * decrease) && t > 1e-10) {
      t /= 2;
      candidate = theta.map((v, k) => v + t * step[k]);
      fc = prob.objective(candidate);
    }
    iterations++;
    if (!(fc <= f)) {
      // No decrease possible at float64 precision: at the optimum, if Newton's step has shrunk.
      // A step still large means the loss is only flattening out towards an infimum it never
      // reaches (quasi-separation): not converged.
      converged = penalised || l1 > 0 || maxStep <= STEP_TOLERANCE * maxTheta;
      stalled = !converged;
      break;
    }
    const previous = f;
    theta.set(candidate);
    f = fc;
    if (!penalised && prob.separated()) {
      separable = true;
      break;
    }
    if (previous - f <= 1e-16 * Math.abs(f) && l1 > 0) {
      converged = true;
      break;
    }
  }
  return { iterations, converged, separable, stalled, products };
}

function restrict(H: Float64Array, size: number, free: number[]): Float64Array {
  const q = free.length;
  const out = new Float64Array(q * q);
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) out[a * q + b] = H[free[a] * size + free[b]];
  return out;
}

/** Minimises g'd + d'Hd/2 + sum pw_k |theta_k + d_k| over the free coordinates by coordinate descent. */
function proximalStep(theta: Float64Array, g: Float64Array, H: Float64Array, pw: Float64Array, size: number, free: number[]): Float64Array {
  const d = new Float64Array(size);
  const Hd = new Float64Array(size);
  for (let sweep = 0; sweep < 10_000; sweep++) {
    let maxChange = 0;
    let maxValue = 0;
    for (const k of free) {
      const hkk = H[k * size + k];
      if (hkk <= 0) continue;
      const c = g[k] + Hd[k] - hkk * d[k];
      const target = hkk * theta[k] - c;
      const t = pw[k];
      const u = (target > t ? target - t : target < -t ? target + t : 0) / hkk;
      const next = u - theta[k];
      const delta = next - d[k];
      if (delta !== 0) {
        for (const m of free) Hd[m] += H[m * size + k] * delta;
        d[k] = next;
      }
      maxChange = Math.max(maxChange, Math.abs(delta));
      maxValue = Math.max(maxValue, Math.abs(u));
    }
    if (maxChange <= 1e-15 * Math.max(1, maxValue)) break;
  }
  return d;
}

/** Relative size of the last Newton step below which a small gradient means convergence. */
const STEP_TOLERANCE = 1e-6;

function largestStep(v: Float64Array, free: number[]): number {
  let m = 0;
  for (const k of free) m = Math.max(m, Math.abs(v[k]));
  return m;
}

/** The largest relative residual of a Newton-CG step. */
const FORCING_CAP = 0.1;
/** The last step's residual is this many times below the tolerance. */
const FINISH = 1e4;

/**
 * Newton's step -H^-1 g by preconditioned conjugate gradients, solved as accurately as the
 * gradient is small (below). Unless `forced` (the caller
 * asked for products), null when it does not converge within the number of products that forming
 * H would cost (d / 4 of them); forced, it may take 4 d + 20 and returns its last iterate, which
 * is still a descent direction.
 */
function newtonCgStep(prob: Problem, g: Float64Array, gmax: number, tol: number, fixed: Uint8Array, forced: boolean): Float64Array | null {
  prob.prepareProducts();
  const b = g.map((v) => -v);
  // Forcing term (Eisenstat and Walker's, as scikit-learn's newton-cg): far from the optimum a
  // relative residual of sqrt(max |g|) (at most FORCING_CAP) keeps Newton superlinear at fewer
  // products than a residual of max |g|. Once max |g|^2 <= tol, Newton's next step (quadratic from
  // here) ends the fit: its residual, about the next gradient, is made FINISH times smaller than
  // the tolerance, which lands the last gradient near 1e-14 as the older forcing (residual max |g|)
  // did. With the gradient already below tolerance the step only decides convergence: FORCING_CAP.
  let norm = 0;
  for (let k = 0; k < b.length; k++) if (!fixed[k]) norm += b[k] * b[k];
  norm = Math.sqrt(norm);
  const far = Math.min(FORCING_CAP, Math.sqrt(gmax));
  const relTol = gmax <= tol ? FORCING_CAP : gmax * gmax > tol ? far : Math.min(far, Math.max(tol / (FINISH * norm), 1e-12));
  const cap = forced ? 4 * prob.size + 20 : Math.max(10, Math.ceil(prob.size / 4));
  const result = conjugateGradient((v, out) => prob.hessianTimes(v, out), b, prob.hessianDiagonal(), fixed, relTol, cap);
  return result.converged || forced ? result.x : null;
}
