// Exact (float64) logistic regression: binary (sigmoid) and multinomial (softmax),
// L1/L2 penalties, class weights, decision threshold.
//
// Objective (see docs/engine.md for the mapping to scikit-learn's C = 1 / (n * lambda)):
//     (1/n) sum_i w_i * crossEntropy_i  +  (l2/2) ||W||^2  +  l1 ||W||_1     (intercepts unpenalised)
// Solver: Newton / IRLS with a backtracking (Armijo) line search on standardised features;
// with l1 > 0, proximal Newton (each step minimises the quadratic model plus the L1 term by
// coordinate descent, as glmnet does). Coefficients are reported for the raw features.
import { dampedSolve } from './cholesky';
import { conjugateGradient } from './newton-cg';
import { encodeLabels, uniqueLabels, type Label } from './labels';
import type { Matrix } from './matrix';
import { defaultFeatureNames } from './linear';
import { columnScaling } from './stats';
import { logit, Problem, sigmoid } from './logistic-problem';
import { checkClassWeights, checkFeatures, checkNumber, checkPenalties, checkSampleWeights } from './checks';

export { logit, sigmoid };

export type ClassWeight = 'balanced' | Record<string, number>;

export interface LogisticOptions {
  featureNames?: string[];
  intercept?: boolean;
  l1?: number;
  l2?: number;
  /** Per-class weights ('balanced' = n / (K * count_k), as sklearn), keyed by String(label). */
  classWeight?: ClassWeight;
  /** Optional per-row weights (multiplied by the class weights). */
  sampleWeight?: ArrayLike<number>;
  /** Probability of the positive (second) class at or above which `predict` says positive (default 0.5). */
  threshold?: number;
  /** Use softmax even for two classes (default: sigmoid for two, softmax for more). */
  multinomial?: boolean;
  /** The class list (default: the sorted distinct labels). */
  classes?: Label[];
  maxIterations?: number;
  /** Stop when the largest gradient component (or, with l1, the largest step) is below this. */
  tolerance?: number;
  /**
   * How Newton's step is solved: 'full' forms the Hessian (n d^2 / 2 work) and solves it by
   * Cholesky; 'products' uses conjugate gradients on Hessian-vector products (2 n d each), for
   * wide binary data without an L1 penalty. Default 'auto': 'products' from WIDE_PARAMETERS
   * parameters on, when it applies.
   */
  hessian?: 'auto' | 'full' | 'products';
}

/** From this many parameters on, a binary fit without L1 solves Newton's step by conjugate gradients. */
export const WIDE_PARAMETERS = 48;

export interface LogisticModel {
  kind: 'logistic';
  featureNames: string[];
  classes: Label[];
  /** true: softmax with one coefficient row per class; false: sigmoid, one row for classes[1]. */
  multinomial: boolean;
  fitIntercept: boolean;
  /** One intercept per row of `coefficients`. */
  intercept: Float64Array;
  /** coefficients[k][j]: row k (class k, or the positive class for binary), feature j; raw units. */
  coefficients: Float64Array[];
  threshold: number;
}

export interface LogisticFit {
  model: LogisticModel;
  solver: 'exact';
  /** 'newton-cg': Newton's steps solved by conjugate gradients on Hessian-vector products (wide binary data). */
  method: 'newton' | 'proximal-newton' | 'newton-cg';
  iterations: number;
  converged: boolean;
  /** True when the classes are perfectly separable and unpenalised: no finite optimum exists. */
  separable: boolean;
  /** Objective value (weighted mean log loss plus penalty) at the solution. */
  objective: number;
  /** Weighted mean log loss on the training data. */
  logLoss: number;
  warnings: string[];
}

/** Per-row weights from class weights and sample weights. */
export function rowWeights(codes: Int32Array, classes: Label[], classWeight?: ClassWeight, sampleWeight?: ArrayLike<number>): Float64Array {
  const K = classes.length;
  const cw = new Float64Array(K).fill(1);
  if (classWeight === 'balanced') {
    const counts = new Float64Array(K);
    for (const c of codes) counts[c]++;
    for (let k = 0; k < K; k++) cw[k] = counts[k] > 0 ? codes.length / (K * counts[k]) : 1;
  } else if (classWeight) {
    classes.forEach((c, k) => {
      const w = classWeight[String(c)];
      if (w !== undefined) cw[k] = w;
    });
  }
  return Float64Array.from(codes, (c, i) => cw[c] * (sampleWeight ? sampleWeight[i] : 1));
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

export function fitLogistic(X: Matrix, labels: ArrayLike<Label>, options: LogisticOptions = {}): LogisticFit {
  const featureNames = options.featureNames ?? defaultFeatureNames(X.cols);
  checkFeatures('Logistic regression', X, labels.length, featureNames);
  const { l1, l2 } = checkPenalties(options.l1, options.l2);
  checkSampleWeights(options.sampleWeight, labels.length);
  checkClassWeights(options.classWeight);
  const threshold = checkNumber('The decision threshold', options.threshold, 0.5, { min: 0, max: 1 });
  const maxIterations = checkNumber('maxIterations', options.maxIterations, 100, { min: 1, max: 100_000, integer: true });
  const tol = checkNumber('The tolerance', options.tolerance, 1e-10, { min: 0 });
  const classes = options.classes ?? uniqueLabels(labels);
  if (classes.length < 2) throw new Error(`Logistic regression needs at least two classes; found ${classes.length} (${classes.join(', ')}).`);
  const { codes } = encodeLabels(labels, classes);
  const intercept = options.intercept ?? true;
  const multinomial = options.multinomial ?? classes.length > 2;
  if (!multinomial && classes.length > 2) throw new Error('A sigmoid (binary) model needs exactly two classes.');
  const n = X.rows;
  const p = X.cols;
  const { mean, scale } = columnScaling(X.columns, intercept);
  const weights = rowWeights(codes, classes, options.classWeight, options.sampleWeight);
  const prob = new Problem(n, p, X.columns, intercept, multinomial, classes.length, codes, weights, mean, scale, l1, l2);
  const { size, d, blocks } = prob;
  const penalised = l1 > 0 || l2 > 0;
  if (!(weights.reduce((a, w) => a + w, 0) > 0)) throw new RangeError('Every row has weight 0 (class weights times sample weights): at least one row must count.');

  // Softmax is invariant to adding the same vector to every class's parameters: fix the
  // last class's intercept (always unpenalised) and, without a penalty, its coefficients.
  const fixed = new Set<number>();
  if (multinomial) {
    const last = (blocks - 1) * d;
    if (intercept) fixed.add(last);
    if (!penalised) for (let j = 0; j < d; j++) fixed.add(last + j);
  }
  // A feature so small next to the L2 strength that l2 / scale^2 overflows: its coefficient is 0
  // to double precision (the penalty is, in effect, infinite), so it is held there.
  prob.penaltyL2.forEach((w, k) => {
    if (!Number.isFinite(w)) {
      fixed.add(k);
      prob.penaltyL2[k] = 0;
    }
  });
  const free = Array.from({ length: size }, (_, k) => k).filter((k) => !fixed.has(k));
  const hessian = options.hessian ?? 'auto';
  let products = !multinomial && l1 === 0 && (hessian === 'products' || (hessian === 'auto' && size >= WIDE_PARAMETERS));
  const fixedMask = Uint8Array.from({ length: size }, (_, k) => (fixed.has(k) ? 1 : 0));

  const theta = new Float64Array(size);
  let f = prob.objective(theta);
  let iterations = 0;
  let converged = false;
  let separable = false;
  let stalled = false;
  const warnings: string[] = [];
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
      const cg = products ? newtonCgStep(prob, g, gmax, tol, fixedMask, hessian === 'products') : null;
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
  prob.loss(theta);
  const certain = !penalised && !separable ? prob.certainRows() : 0;
  if (certain > 0) converged = false;
  if (separable) {
    warnings.push(
      'The classes are perfectly separable: without a penalty the log loss has no minimum (the coefficients grow without bound). ' +
        'The coefficients shown are where the solver stopped; add an L2 penalty for a unique, finite solution.',
    );
  } else if (certain > 0) {
    warnings.push(
      `${certain} row${certain === 1 ? ' is' : 's are'} fitted with probability 1 to double precision: the classes are (almost) separable ` +
        '(quasi-separation), so the log loss has no minimum and the coefficients keep growing; the values shown are where the solver ' +
        'stopped. Add an L2 penalty for a unique, finite solution.',
    );
  } else if (!converged) {
    warnings.push(
      (stalled
        ? `Newton's method stopped after ${iterations} iterations without converging: the log loss no longer decreases at double precision, yet the coefficients are still moving`
        : `Newton's method did not converge in ${maxIterations} iterations`) +
        (penalised
          ? '.'
          : '; the classes are probably (almost) separable: they overlap at most on the boundary (quasi-separation), ' +
            'so the log loss has no minimum and the coefficients keep growing. Add an L2 penalty for a finite solution.'),
    );
  }
  if (multinomial) centreAcrossClasses(theta, blocks, d, intercept, !penalised);
  const model = toRawModel(theta, mean, scale, { featureNames, classes, multinomial, intercept, threshold }, blocks, d);
  const loss = prob.loss(theta);
  return {
    model,
    solver: 'exact',
    method: l1 > 0 ? 'proximal-newton' : products ? 'newton-cg' : 'newton',
    iterations,
    converged,
    separable,
    objective: loss + prob.smoothPenalty(theta) + prob.l1Penalty(theta),
    logLoss: loss,
    warnings,
  };
}

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
  // Forcing term: the relative residual may be as large as the gradient (quadratic convergence);
  // once the gradient is below tolerance the step only decides convergence, so 10 % will do.
  // Near the optimum no tighter than the tolerance needs: after the step the gradient is about
  // the residual (plus a term quadratic in the step), so a residual below tol / 100 lands the next
  // gradient a hundredfold under the tolerance; solving further only costs products.
  let norm = 0;
  for (let k = 0; k < b.length; k++) if (!fixed[k]) norm += b[k] * b[k];
  const enough = tol / (100 * Math.sqrt(norm));
  const relTol = gmax <= tol ? 0.1 : Math.min(0.1, Math.max(gmax, enough, 1e-12));
  const cap = forced ? 4 * prob.size + 20 : Math.max(10, Math.ceil(prob.size / 4));
  const result = conjugateGradient((v, out) => prob.hessianTimes(v, out), b, prob.hessianDiagonal(), fixed, relTol, cap);
  return result.converged || forced ? result.x : null;
}

/** Sum-to-zero across classes (scikit-learn's multinomial convention). */
export function centreAcrossClasses(theta: Float64Array, blocks: number, d: number, intercept: boolean, coefficientsToo: boolean): void {
  for (let j = 0; j < d; j++) {
    if (!(intercept && j === 0) && !coefficientsToo) continue;
    let s = 0;
    for (let b = 0; b < blocks; b++) s += theta[b * d + j];
    s /= blocks;
    for (let b = 0; b < blocks; b++) theta[b * d + j] -= s;
  }
}

/** Standardised parameters -> raw-feature model (also used by the gradient-descent trainer). */
export function toRawModel(
  theta: ArrayLike<number>,
  mean: ArrayLike<number>,
  scale: ArrayLike<number>,
  meta: { featureNames: string[]; classes: Label[]; multinomial: boolean; intercept: boolean; threshold: number },
  blocks: number,
  d: number,
): LogisticModel {
  const off = meta.intercept ? 1 : 0;
  const p = d - off;
  const interceptOut = new Float64Array(blocks);
  const coefficients: Float64Array[] = [];
  for (let b = 0; b < blocks; b++) {
    const row = new Float64Array(p);
    let b0 = meta.intercept ? theta[b * d] : 0;
    for (let j = 0; j < p; j++) {
      row[j] = theta[b * d + off + j] / scale[j];
      b0 -= row[j] * mean[j];
    }
    interceptOut[b] = b0;
    coefficients.push(row);
  }
  return {
    kind: 'logistic',
    featureNames: meta.featureNames,
    classes: meta.classes,
    multinomial: meta.multinomial,
    fitIntercept: meta.intercept,
    intercept: interceptOut,
    coefficients,
    threshold: meta.threshold,
  };
}

export { decisionFunction, predictClasses, predictProba, predictProbaByClass } from './logistic-predict';
