// Exact (float64) logistic regression: binary (sigmoid) and multinomial (softmax),
// L1/L2 penalties, class weights, decision threshold.
//
// Objective (see docs/engine.md for the mapping to scikit-learn's C = 1 / (n * lambda)):
//     (1/n) sum_i w_i * crossEntropy_i  +  (l2/2) ||W||^2  +  l1 ||W||_1     (intercepts unpenalised)
// Solver: Newton / IRLS with a backtracking (Armijo) line search on standardised features;
// with l1 > 0, proximal Newton (each step minimises the quadratic model plus the L1 term by
// coordinate descent, as glmnet does). Coefficients are reported for the raw features.
import { dampedSolve } from './cholesky';
import { encodeLabels, uniqueLabels, type Label } from './labels';
import { assertRows, type Matrix } from './matrix';
import { defaultFeatureNames } from './linear';
import { columnScaling } from './stats';

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
}

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
  method: 'newton' | 'proximal-newton';
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

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
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

/** The optimisation problem on standardised features, in a flat parameter vector. */
class Problem {
  readonly d: number; // parameters per block (features + intercept)
  readonly blocks: number;
  readonly size: number;
  readonly rows: Float64Array; // row-major standardised design, intercept column first when fitted
  readonly penaltyL2: Float64Array; // per parameter, l2 / s_j^2 (0 for intercepts)
  readonly penaltyL1: Float64Array; // per parameter, l1 / s_j
  readonly eta: Float64Array;
  readonly prob: Float64Array;

  constructor(
    readonly n: number,
    readonly p: number,
    columns: Float64Array[],
    readonly intercept: boolean,
    readonly multinomial: boolean,
    readonly K: number,
    readonly codes: Int32Array,
    readonly weights: Float64Array,
    mean: Float64Array,
    scale: Float64Array,
    l1: number,
    l2: number,
  ) {
    const off = intercept ? 1 : 0;
    this.d = p + off;
    this.blocks = multinomial ? K : 1;
    this.size = this.d * this.blocks;
    this.rows = new Float64Array(n * this.d);
    for (let i = 0; i < n; i++) {
      if (intercept) this.rows[i * this.d] = 1;
      for (let j = 0; j < p; j++) this.rows[i * this.d + off + j] = (columns[j][i] - mean[j]) / scale[j];
    }
    this.penaltyL2 = new Float64Array(this.size);
    this.penaltyL1 = new Float64Array(this.size);
    for (let b = 0; b < this.blocks; b++) {
      for (let j = 0; j < p; j++) {
        this.penaltyL2[b * this.d + off + j] = l2 / (scale[j] * scale[j]);
        this.penaltyL1[b * this.d + off + j] = l1 / scale[j];
      }
    }
    this.eta = new Float64Array(n * this.blocks);
    this.prob = new Float64Array(n * this.blocks);
  }

  /** Weighted mean cross-entropy (no penalty); fills eta and prob. */
  loss(theta: Float64Array): number {
    const { n, d, blocks, rows, eta, prob, codes, weights } = this;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const r = i * d;
      for (let b = 0; b < blocks; b++) {
        let s = 0;
        const t = b * d;
        for (let j = 0; j < d; j++) s += rows[r + j] * theta[t + j];
        eta[i * blocks + b] = s;
      }
      if (!this.multinomial) {
        const z = eta[i];
        prob[i] = sigmoid(z);
        total += weights[i] * (softplus(z) - (codes[i] === 1 ? z : 0));
      } else {
        let max = -Infinity;
        for (let b = 0; b < blocks; b++) max = Math.max(max, eta[i * blocks + b]);
        let sum = 0;
        for (let b = 0; b < blocks; b++) {
          const e = Math.exp(eta[i * blocks + b] - max);
          prob[i * blocks + b] = e;
          sum += e;
        }
        for (let b = 0; b < blocks; b++) prob[i * blocks + b] /= sum;
        total += weights[i] * (max + Math.log(sum) - eta[i * blocks + codes[i]]);
      }
    }
    return total / n;
  }

  smoothPenalty(theta: Float64Array): number {
    let s = 0;
    for (let k = 0; k < this.size; k++) s += 0.5 * this.penaltyL2[k] * theta[k] * theta[k];
    return s;
  }

  l1Penalty(theta: Float64Array): number {
    let s = 0;
    for (let k = 0; k < this.size; k++) s += this.penaltyL1[k] * Math.abs(theta[k]);
    return s;
  }

  objective(theta: Float64Array): number {
    return this.loss(theta) + this.smoothPenalty(theta) + this.l1Penalty(theta);
  }

  /** Gradient and Hessian of the smooth part at theta (call loss(theta) first). */
  derivatives(theta: Float64Array): { g: Float64Array; H: Float64Array } {
    const { n, d, blocks, rows, prob, codes, weights, size } = this;
    const g = new Float64Array(size);
    const H = new Float64Array(size * size);
    const resid = new Float64Array(blocks);
    const W = new Float64Array(blocks * blocks);
    for (let i = 0; i < n; i++) {
      const r = i * d;
      const w = weights[i] / n;
      for (let b = 0; b < blocks; b++) {
        const pb = prob[i * blocks + b];
        const yb = this.multinomial ? (codes[i] === b ? 1 : 0) : codes[i];
        resid[b] = w * (pb - yb);
        for (let c = 0; c <= b; c++) {
          const pc = prob[i * blocks + c];
          W[b * blocks + c] = w * (b === c ? pb * (1 - pb) : -pb * pc);
        }
      }
      for (let b = 0; b < blocks; b++) {
        for (let j = 0; j < d; j++) g[b * d + j] += resid[b] * rows[r + j];
        for (let c = 0; c <= b; c++) {
          const wbc = W[b * blocks + c];
          if (wbc === 0) continue;
          for (let j = 0; j < d; j++) {
            const xj = wbc * rows[r + j];
            const rowIndex = (b * d + j) * size + c * d;
            const kmax = b === c ? j : d - 1;
            for (let k = 0; k <= kmax; k++) H[rowIndex + k] += xj * rows[r + k];
          }
        }
      }
    }
    // symmetrise (only the lower triangle was accumulated) and add the L2 penalty
    for (let a = 0; a < size; a++) {
      for (let b = 0; b < a; b++) H[b * size + a] = H[a * size + b];
      g[a] += this.penaltyL2[a] * theta[a];
      H[a * size + a] += this.penaltyL2[a];
    }
    return { g, H };
  }

  /** Every training row strictly on the right side of the decision boundary. */
  separated(): boolean {
    const { n, blocks, eta, codes } = this;
    for (let i = 0; i < n; i++) {
      if (!this.multinomial) {
        if (codes[i] === 1 ? !(eta[i] > 0) : !(eta[i] < 0)) return false;
      } else {
        const yi = eta[i * blocks + codes[i]];
        for (let b = 0; b < blocks; b++) if (b !== codes[i] && !(eta[i * blocks + b] < yi)) return false;
      }
    }
    return true;
  }
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

export function fitLogistic(X: Matrix, labels: ArrayLike<Label>, options: LogisticOptions = {}): LogisticFit {
  assertRows(X, labels.length, 'Logistic regression');
  const classes = options.classes ?? uniqueLabels(labels);
  if (classes.length < 2) throw new Error(`Logistic regression needs at least two classes; found ${classes.length} (${classes.join(', ')}).`);
  const { codes } = encodeLabels(labels, classes);
  const intercept = options.intercept ?? true;
  const l1 = options.l1 ?? 0;
  const l2 = options.l2 ?? 0;
  if (l1 < 0 || l2 < 0) throw new Error('Penalties must be non-negative.');
  const multinomial = options.multinomial ?? classes.length > 2;
  if (!multinomial && classes.length > 2) throw new Error('A sigmoid (binary) model needs exactly two classes.');
  const featureNames = options.featureNames ?? defaultFeatureNames(X.cols);
  const maxIterations = options.maxIterations ?? 100;
  const tol = options.tolerance ?? 1e-10;
  const n = X.rows;
  const p = X.cols;
  const { mean, scale } = columnScaling(X.columns, intercept);
  const weights = rowWeights(codes, classes, options.classWeight, options.sampleWeight);
  const prob = new Problem(n, p, X.columns, intercept, multinomial, classes.length, codes, weights, mean, scale, l1, l2);
  const { size, d, blocks } = prob;
  const penalised = l1 > 0 || l2 > 0;

  // Softmax is invariant to adding the same vector to every class's parameters: fix the
  // last class's intercept (always unpenalised) and, without a penalty, its coefficients.
  const fixed = new Set<number>();
  if (multinomial) {
    const last = (blocks - 1) * d;
    if (intercept) fixed.add(last);
    if (!penalised) for (let j = 0; j < d; j++) fixed.add(last + j);
  }
  const free = Array.from({ length: size }, (_, k) => k).filter((k) => !fixed.has(k));

  const theta = new Float64Array(size);
  let f = prob.objective(theta);
  let iterations = 0;
  let converged = false;
  let separable = false;
  const warnings: string[] = [];
  while (iterations < maxIterations) {
    prob.loss(theta); // refresh probabilities at theta
    const { g, H } = prob.derivatives(theta);
    let step: Float64Array;
    let decrease: number; // predicted decrease term for Armijo
    if (l1 > 0) {
      step = proximalStep(theta, g, H, prob.penaltyL1, size, free);
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
      if (gmax <= tol) {
        converged = true;
        break;
      }
      const gFree = Float64Array.from(free, (k) => -g[k]);
      const dFree = dampedSolve(restrict(H, size, free), gFree, free.length);
      step = new Float64Array(size);
      free.forEach((k, a) => (step[k] = dFree[a]));
      decrease = 0;
      for (const k of free) decrease += g[k] * step[k];
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
      // No decrease possible at float64 precision: we are at the optimum.
      converged = true;
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
  if (separable) {
    warnings.push(
      'The classes are perfectly separable: without a penalty the log loss has no minimum (the coefficients grow without bound). ' +
        'The coefficients shown are where the solver stopped; add an L2 penalty for a unique, finite solution.',
    );
  } else if (!converged) {
    warnings.push(
      `Newton's method did not converge in ${maxIterations} iterations` +
        (penalised ? '.' : '; the classes may be (almost) separable, so the coefficients may be diverging. Add an L2 penalty.'),
    );
  }
  if (multinomial) centreAcrossClasses(theta, blocks, d, intercept, !penalised);
  const model = toRawModel(theta, mean, scale, { featureNames, classes, multinomial, intercept, threshold: options.threshold ?? 0.5 }, blocks, d);
  const loss = prob.loss(theta);
  return {
    model,
    solver: 'exact',
    method: l1 > 0 ? 'proximal-newton' : 'newton',
    iterations,
    converged,
    separable,
    objective: loss + prob.smoothPenalty(theta) + prob.l1Penalty(theta),
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

/** Linear scores per row: [logit of classes[1]] for binary models, one score per class for multinomial. */
export function decisionFunction(model: LogisticModel, X: Matrix): Float64Array[] {
  if (X.cols !== model.featureNames.length) {
    throw new Error(`The model expects ${model.featureNames.length} features (${model.featureNames.join(', ')}); got ${X.cols}.`);
  }
  const B = model.coefficients.length;
  const out: Float64Array[] = [];
  for (let i = 0; i < X.rows; i++) {
    const row = new Float64Array(B);
    for (let b = 0; b < B; b++) {
      let s = model.intercept[b];
      const w = model.coefficients[b];
      for (let j = 0; j < X.cols; j++) s += w[j] * X.columns[j][i];
      row[b] = s;
    }
    out.push(row);
  }
  return out;
}

/** Class probabilities per row, in model.classes order. */
export function predictProba(model: LogisticModel, X: Matrix): Float64Array[] {
  return decisionFunction(model, X).map((z) => {
    if (!model.multinomial) {
      const p1 = sigmoid(z[0]);
      return Float64Array.of(1 - p1, p1);
    }
    const max = Math.max(...z);
    const e = z.map((v) => Math.exp(v - max));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  });
}

/** Predicted labels: threshold on P(classes[1]) for binary models, most probable class otherwise. */
export function predictClasses(model: LogisticModel, X: Matrix, threshold = model.threshold): Label[] {
  return predictProba(model, X).map((p) => {
    if (!model.multinomial) return model.classes[p[1] >= threshold ? 1 : 0];
    let best = 0;
    for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
    return model.classes[best];
  });
}
