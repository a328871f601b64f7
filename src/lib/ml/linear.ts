// Exact (float64) linear regression: ordinary least squares, ridge and lasso/elastic net,
// univariate, multivariate and polynomial, with or without an intercept.
//
// Objective (scikit-learn's ElasticNet convention, see docs/engine.md):
//     (1/(2n)) ||y - b0 - Z b||^2 + l1 ||b||_1 + (l2/2) ||b||^2      (b0 never penalised)
// OLS and ridge: pivoted Householder QR of the conditioned basis, refined in the raw basis.
// Ridge appends sqrt(n l2) I rows (in raw-coefficient space) to the system.
// Lasso / elastic net (l1 > 0): coordinate descent (lasso.ts).
import { buildBasis, evaluateTerms, INTERCEPT_NAME, polynomialTerms, type Basis, type RawDesign, type Term } from './basis';
import { ddAdd, ddMul, type Pair } from './dd';
import { elasticNetCD } from './lasso';
import { checkFeatures, checkNumber, checkPenalties, checkTarget } from './checks';
import type { Matrix } from './matrix';
import { constantTargetR2 } from './metrics';
import { DEFAULT_RANK_TOLERANCE, dependentColumns, householderQR, type QR } from './qr';
import { rescale, toRawUnits, unscaleCoefficients } from './rescale';
import { inverseGramDiagonal, inverseGramDiagonalRefined, solveRefined } from './least-squares';
import { mean } from './stats';

export interface LinearOptions {
  /** Names of the input features (default x1, x2, ...). */
  featureNames?: string[];
  /** Name of the target, for error messages. */
  targetName?: string;
  /** Fit an intercept (default true). */
  intercept?: boolean;
  /** Polynomial degree applied to every feature (powers only, default 1). */
  degree?: number;
  /** L1 penalty (lasso), default 0. */
  l1?: number;
  /** L2 penalty (ridge), default 0. */
  l2?: number;
  /** Maximum rounds of iterative refinement (default 10; 1 = none). */
  refinementRounds?: number;
  /** Relative tolerance on the diagonal of R for rank detection (default 1e-10). */
  rankTolerance?: number;
  /** Coordinate-descent tolerance and sweep limit (lasso only). */
  tolerance?: number;
  maxSweeps?: number;
}

export interface LinearModel {
  kind: 'linear';
  featureNames: string[];
  /** One coefficient per term; terms are features or their powers. */
  terms: Term[];
  fitIntercept: boolean;
  intercept: number;
  coefficients: Float64Array;
}

export interface LinearSummary {
  n: number;
  /** Estimated parameters, the intercept included. */
  parameters: number;
  dfResidual: number;
  rss: number;
  /** Total sum of squares: about the mean with an intercept, about zero without (as R and statsmodels do). */
  tss: number;
  r2: number;
  adjustedR2: number;
  /** sqrt(rss / dfResidual). */
  residualStd: number;
  /** Per term; null for penalised fits, where the usual formulas do not apply. */
  standardErrors: Float64Array | null;
  tValues: Float64Array | null;
  interceptStandardError: number | null;
  interceptT: number | null;
  /** Variance inflation factor of each term (null when the terms are collinear). */
  vif: Float64Array | null;
}

export interface LinearFit {
  model: LinearModel;
  summary: LinearSummary;
  solver: 'exact';
  method: 'qr' | 'ridge-qr' | 'coordinate-descent';
  /** Rounds of refinement (QR) or sweeps (coordinate descent). */
  iterations: number;
  warnings: string[];
}

/** Thrown when columns are collinear: names which columns depend on which. */
export class RankDeficiencyError extends Error {
  /**
   * @param columns names of the dependent terms (or '(Intercept)')
   * @param dependsOn for each, the names of the terms it is a combination of
   * @param indices for each, its index in the model's terms (-1 for the intercept)
   */
  constructor(
    readonly columns: string[],
    readonly dependsOn: string[][],
    readonly indices: number[] = [],
  ) {
    super(
      'The features are collinear: ' +
        columns.map((c, i) => `${c} is a linear combination of ${dependsOn[i].join(', ') || 'nothing (all zero)'}`).join('; ') +
        '. Remove one of them or add an L2 penalty.',
    );
    this.name = 'RankDeficiencyError';
  }
}

export function defaultFeatureNames(p: number): string[] {
  return Array.from({ length: p }, (_, j) => `x${j + 1}`);
}

function parameterNames(basis: Basis): string[] {
  return [...(basis.intercept ? [INTERCEPT_NAME] : []), ...basis.terms.map((t) => t.name)];
}

/** QR of the conditioned basis; `keep` leaves basis.conditioned intact (ridge reuses it) at the cost of a copy. */
function factorise(basis: Basis, rankTolerance: number | undefined, keep: boolean): QR {
  return householderQR(keep ? basis.conditioned.map((c) => c.slice()) : basis.conditioned, { rankTolerance });
}

/** hi + lo, entry by entry (a double-double vector rounded to float64), from `from` on. */
function roundDd(hi: Float64Array, lo: Float64Array, from = 0): Float64Array {
  const out = new Float64Array(hi.length - from);
  for (let i = 0; i < out.length; i++) out[i] = hi[from + i] + lo[from + i];
  return out;
}

function throwIfRankDeficient(qr: QR, basis: Basis): void {
  if (qr.rank === qr.cols) return;
  const names = parameterNames(basis);
  const deps = dependentColumns(qr);
  throw new RankDeficiencyError(
    deps.map((d) => names[d.column]),
    // An empty combination means the centred column is zero: constant, i.e. a multiple of the intercept.
    deps.map((d) => (d.dependsOn.length === 0 && basis.intercept ? [INTERCEPT_NAME] : d.dependsOn.map((j) => names[j]))),
    deps.map((d) => d.column - (basis.intercept ? 1 : 0)),
  );
}

/** r = y - Z b in double-double, rounded. */
export function rawResidual(Z: RawDesign, y: Float64Array, b: ArrayLike<number>): Float64Array {
  const p: Pair = { hi: 0, lo: 0 };
  const s: Pair = { hi: 0, lo: 0 };
  const r = new Float64Array(Z.rows);
  for (let i = 0; i < Z.rows; i++) {
    let h = y[i];
    let l = 0;
    for (let j = 0; j < Z.hi.length; j++) {
      const zl = Z.lo[j];
      ddMul(Z.hi[j][i], zl ? zl[i] : 0, b[j], 0, p);
      ddAdd(h, l, -p.hi, -p.lo, s);
      h = s.hi;
      l = s.lo;
    }
    r[i] = h + l;
  }
  return r;
}

/** R², adjusted R² and residual spread from residuals (shared by every solver). */
export function goodnessOfFit(y: ArrayLike<number>, residual: ArrayLike<number>, intercept: boolean, parameters: number) {
  const n = y.length;
  const ybar = intercept ? mean(y) : 0;
  let rss = 0;
  let tss = 0;
  for (let i = 0; i < n; i++) {
    rss += residual[i] * residual[i];
    tss += (y[i] - ybar) * (y[i] - ybar);
  }
  const dfResidual = n - parameters;
  // A constant target (with an intercept) has no variation to explain: scikit-learn's r2_score
  // gives 1 when the predictions reproduce it and 0 otherwise.
  const r2 = intercept && isConstant(y) ? constantTargetR2(y, rss) : tss > 0 ? 1 - rss / tss : rss === 0 ? 1 : 0;
  const dfTotal = intercept ? n - 1 : n;
  const adjustedR2 = dfResidual > 0 ? 1 - ((1 - r2) * dfTotal) / dfResidual : NaN;
  const residualStd = dfResidual > 0 ? Math.sqrt(rss / dfResidual) : NaN;
  return { n, parameters, dfResidual, rss, tss, r2, adjustedR2, residualStd };
}

function isConstant(y: ArrayLike<number>): boolean {
  for (let i = 1; i < y.length; i++) if (y[i] !== y[0]) return false;
  return true;
}

/** VIF_j = [(Z'Z)^-1]_jj * sum (z_j - mean)^2  (equivalently 1 / (1 - R_j^2)). */
function varianceInflation(basis: Basis, inverseDiag: Float64Array): Float64Array {
  const off = basis.intercept ? 1 : 0;
  const out = new Float64Array(basis.terms.length);
  for (let k = 0; k < out.length; k++) {
    if (basis.terms.length === 1 && basis.intercept) {
      out[k] = 1;
      continue;
    }
    let ss = basis.rawCentredSS[k];
    if (Number.isNaN(ss)) {
      const z = basis.raw.hi[k + off];
      const m = basis.intercept ? mean(z) : 0;
      ss = 0;
      for (let i = 0; i < z.length; i++) ss += (z[i] - m) * (z[i] - m);
    }
    out[k] = inverseDiag[k + off] * ss;
  }
  return out;
}

// Above this many matrix entries the covariance uses the float64 formula, not refinement.
const REFINED_COVARIANCE_LIMIT = 200_000;

export function fitLinear(X: Matrix, yIn: Float64Array, options: LinearOptions = {}): LinearFit {
  const featureNames = options.featureNames ?? defaultFeatureNames(X.cols);
  checkFeatures('Linear regression', X, yIn.length, featureNames);
  checkTarget('Linear regression', yIn, options.targetName);
  const intercept = options.intercept ?? true;
  const { l1, l2 } = checkPenalties(options.l1, options.l2);
  const degree = checkNumber('The polynomial degree', options.degree, 1, { min: 1, max: 50, integer: true });
  const refinementRounds = checkNumber('refinementRounds', options.refinementRounds, 10, { min: 1, max: 100, integer: true });
  const rankTolerance = checkNumber('rankTolerance', options.rankTolerance, DEFAULT_RANK_TOLERANCE, { min: 0, max: 1, below: true });
  const tolerance = checkNumber('The coordinate-descent tolerance', options.tolerance, 1e-13, { min: 0 });
  const maxSweeps = checkNumber('maxSweeps', options.maxSweeps, 100_000, { min: 1, max: 10_000_000, integer: true });
  const terms = polynomialTerms(featureNames, degree);
  const scaled = rescale(X, yIn, terms, featureNames);
  const y = scaled.y;
  const basis = buildBasis(scaled.X, terms, intercept);
  const n = y.length;
  const penalised = l1 > 0 || l2 > 0;
  const shortOfRows = n < basis.size;
  if (shortOfRows && !penalised) {
    throw new Error(
      `Need at least ${basis.size} rows to fit ${basis.size} parameters (got ${n}); with fewer rows than parameters, add an L2 or L1 penalty.`,
    );
  }
  const warnings: string[] = [];
  const qr = shortOfRows ? null : factorise(basis, rankTolerance, l2 > 0);
  const fullRank = qr !== null && qr.rank === qr.cols;
  const big = n * basis.size > REFINED_COVARIANCE_LIMIT;
  const invDiag = qr && fullRank ? (big ? inverseGramDiagonal(qr, basis.toRaw) : inverseGramDiagonalRefined(qr, basis.raw, basis.toRaw)) : null;
  if (qr && !fullRank && !penalised) throwIfRankDeficient(qr, basis);
  if (shortOfRows) {
    warnings.push(`There are fewer rows (${n}) than parameters (${basis.size}): the penalty makes the fit unique, but VIFs are not available.`);
  } else if (!fullRank) {
    warnings.push('The features are collinear; the penalty makes the fit unique, but VIFs are infinite.');
  }
  // Per-term penalties of the rescaled problem (rescale.ts): l1 t sigma_k and l2 sigma_k^2.
  const capped = (v: number) => Math.min(v, 1e300);
  const l1Weights = scaled.active ? scaled.termScale.map((s) => capped(scaled.yScale * s)) : undefined;
  const l2Weights = scaled.active ? scaled.termScale.map((s) => capped(s * s)) : undefined;

  let b: Float64Array;
  let residual: Float64Array;
  let iterations: number;
  let method: LinearFit['method'];
  if (l1 > 0) {
    const Z = basis.raw.hi.slice(intercept ? 1 : 0);
    const cd = elasticNetCD(Z, y, { l1, l2, intercept, tolerance, maxSweeps, l1Weights, l2Weights });
    if (!cd.converged) warnings.push(`Coordinate descent stopped after ${cd.sweeps} sweeps without reaching its tolerance.`);
    b = new Float64Array(basis.size);
    if (intercept) b[0] = cd.intercept;
    b.set(cd.coefficients, intercept ? 1 : 0);
    residual = rawResidual(basis.raw, y, b);
    iterations = cd.sweeps;
    method = 'coordinate-descent';
  } else if (l2 > 0) {
    const aug = augmentForRidge(basis, y, n * l2, l2Weights);
    // Never rank deficient (every penalised column has its own row), however different the
    // columns' sizes: only an exactly zero pivot counts.
    const qrAug = householderQR(aug.F, { rankTolerance: 0 });
    if (qrAug.rank < qrAug.cols) throw new Error('Ridge regression: the L2 strength is too small to compute with; use a larger value or none.');
    const sol = solveRefined(qrAug, aug.Z, basis.toRaw, aug.y, null, { maxRounds: refinementRounds });
    b = roundDd(sol.bHi, sol.bLo);
    residual = roundDd(sol.rHi, sol.rLo, aug.y.length - n);
    iterations = sol.rounds;
    method = 'ridge-qr';
  } else {
    const sol = solveRefined(qr!, basis.raw, basis.toRaw, y, null, { maxRounds: refinementRounds });
    b = roundDd(sol.bHi, sol.bLo);
    residual = roundDd(sol.rHi, sol.rLo);
    iterations = sol.rounds;
    method = 'qr';
  }

  const fit = goodnessOfFit(y, residual, intercept, basis.size);
  let se: Float64Array | null = null;
  if (!penalised && invDiag) {
    const s2 = fit.dfResidual > 0 ? fit.rss / fit.dfResidual : NaN;
    se = invDiag.map((v) => Math.sqrt(s2 * v));
  }
  const off = intercept ? 1 : 0;
  const names = parameterNames(basis);
  // Back to raw units (identity unless rescale.ts scaled something).
  const rawScale = Float64Array.from(names, (_, k) => (k < off ? 1 : scaled.termScale[k - off]));
  const bRaw = unscaleCoefficients(b, { ...scaled, termScale: rawScale }, names);
  const seRaw = se && se.map((v, k) => toRawUnits(v, rawScale[k], scaled.yScale));
  const t = scaled.yScale;
  const coefficients = bRaw.slice(off);
  const termSE = seRaw ? seRaw.slice(off) : null;
  const model: LinearModel = { kind: 'linear', featureNames, terms, fitIntercept: intercept, intercept: intercept ? bRaw[0] : 0, coefficients };
  return {
    model,
    summary: {
      ...fit,
      rss: fit.rss / t / t,
      tss: fit.tss / t / t,
      residualStd: fit.residualStd / t,
      standardErrors: termSE,
      tValues: termSE ? coefficients.map((c, j) => c / termSE[j]) : null,
      interceptStandardError: seRaw && intercept ? seRaw[0] : null,
      interceptT: seRaw && intercept ? bRaw[0] / seRaw[0] : null,
      vif: invDiag ? varianceInflation(basis, invDiag) : null,
    },
    solver: 'exact',
    method,
    iterations,
    warnings,
  };
}

/**
 * Adds sqrt(n l2) rows for each penalised (non-intercept) raw coefficient, placed FIRST: when a
 * feature is tiny next to the penalty (1e-150) these rows are ~1e150 times the data rows, and
 * Householder QR is only accurate on such graded rows when the large ones come first (Powell &
 * Reid; Cox & Higham). The residual of the data rows is the last n entries.
 */
function augmentForRidge(
  basis: Basis,
  yData: Float64Array,
  nl2: number,
  weights?: ArrayLike<number>,
): { F: Float64Array[]; Z: RawDesign; y: Float64Array } {
  const n = basis.raw.rows;
  const q = basis.size;
  const off = basis.intercept ? 1 : 0;
  const extra = q - off;
  const L = basis.toRaw;
  const grow = (c: Float64Array) => {
    const out = new Float64Array(n + extra);
    out.set(c, extra);
    return out;
  };
  const F = basis.conditioned.map(grow);
  const hi = basis.raw.hi.map(grow);
  const lo = basis.raw.lo.map((c) => (c ? grow(c) : null));
  for (let k = 0; k < extra; k++) {
    const rawIndex = k + off;
    const root = weights ? Math.sqrt(nl2) * Math.sqrt(weights[k]) : Math.sqrt(nl2);
    hi[rawIndex][k] = root; // row sqrt(n l2) e_j' in raw space
    for (let a = 0; a < q; a++) F[a][k] = root * L[rawIndex * q + a]; // same row in F's coordinates
  }
  const y = grow(yData);
  return { F, Z: { rows: n + extra, hi, lo }, y };
}

export function predictLinear(model: LinearModel, X: Matrix): Float64Array {
  if (X.cols !== model.featureNames.length) {
    throw new Error(`The model expects ${model.featureNames.length} features (${model.featureNames.join(', ')}); got ${X.cols}.`);
  }
  return evaluateTerms(X, model.terms, model.intercept, model.coefficients);
}
