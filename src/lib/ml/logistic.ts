// Exact (float64) logistic regression: binary (sigmoid) and multinomial (softmax),
// L1/L2 penalties, class weights, decision threshold.
//
// Objective (see docs/engine.md for the mapping to scikit-learn's C = 1 / (n * lambda)):
//     (1/n) sum_i w_i * crossEntropy_i  +  (l2/2) ||W||^2  +  l1 ||W||_1     (intercepts unpenalised)
// Solver (logistic-newton.ts): Newton / IRLS with a backtracking (Armijo) line search on
// standardised features; with l1 > 0, proximal Newton; on wide binary data Newton-CG.
// Coefficients are reported for the raw features.
import { encodeLabels, uniqueLabels, type Label } from './labels';
import type { Matrix } from './matrix';
import { defaultFeatureNames } from './linear';
import { columnScaling } from './stats';
import { logit, Problem, sigmoid } from './logistic-problem';
import { newtonIterations } from './logistic-newton';
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
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = cw[codes[i]] * (sampleWeight ? sampleWeight[i] : 1);
  return out;
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
  const products = !multinomial && l1 === 0 && (hessian === 'products' || (hessian === 'auto' && size >= WIDE_PARAMETERS));
  const fixedMask = Uint8Array.from({ length: size }, (_, k) => (fixed.has(k) ? 1 : 0));

  const theta = new Float64Array(size);
  const settings = { l1, penalised, tol, maxIterations, free, fixedMask, products, forced: hessian === 'products' };
  const { iterations, converged: reached, separable, stalled, products: cgToTheEnd } = newtonIterations(prob, theta, settings);
  let converged = reached;
  const warnings: string[] = [];
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
  const objective = loss + prob.smoothPenalty(theta) + prob.l1Penalty(theta);
  prob.release(); // the design's memory goes to the next fit (logistic-wasm.ts)
  return {
    model,
    solver: 'exact',
    method: l1 > 0 ? 'proximal-newton' : cgToTheEnd ? 'newton-cg' : 'newton',
    iterations,
    converged,
    separable,
    objective,
    logLoss: loss,
    warnings,
  };
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
