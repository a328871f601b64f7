// Regression and classification metrics, with scikit-learn's definitions (1.2):
// zero-division cases return 0, roc_curve prepends a threshold above the top score,
// average precision is the step-wise sum  sum_n (R_n - R_{n-1}) P_n  (no interpolation).
import { compareLabels, encodeLabels, uniqueLabels, type Label } from './labels';
import { countsAtDistinctScores, type ScoreCounts } from './score-counts';

// ---------------------------------------------------------------- regression

function checkLengths(a: ArrayLike<unknown>, b: ArrayLike<unknown>): void {
  if (a.length !== b.length) throw new Error(`Length mismatch: ${a.length} true values, ${b.length} predictions.`);
  if (a.length === 0) throw new Error('Metrics need at least one value.');
}

export function sse(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkLengths(yTrue, yPred);
  let s = 0;
  for (let i = 0; i < yTrue.length; i++) s += (yTrue[i] - yPred[i]) ** 2;
  return s;
}

export function mse(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  return sse(yTrue, yPred) / yTrue.length;
}

export function rmse(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  return Math.sqrt(mse(yTrue, yPred));
}

export function mae(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkLengths(yTrue, yPred);
  let s = 0;
  for (let i = 0; i < yTrue.length; i++) s += Math.abs(yTrue[i] - yPred[i]);
  return s / yTrue.length;
}

/**
 * R² of a constant target (sklearn r2_score: 1 for a perfect fit, else 0). "Perfect" allows the
 * rounding of an intercept computed as a mean: every residual within 8 ulps of the value.
 */
export function constantTargetR2(yTrue: ArrayLike<number>, residualSumOfSquares: number): number {
  const tolerance = 8 * Number.EPSILON * Math.abs(yTrue[0]);
  return residualSumOfSquares <= yTrue.length * tolerance * tolerance ? 1 : 0;
}

/** Coefficient of determination about the mean (sklearn r2_score: 1 for a perfect fit of constant data, else 0 there). */
export function r2Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkLengths(yTrue, yPred);
  let constant = true;
  for (let i = 1; i < yTrue.length && constant; i++) constant = yTrue[i] === yTrue[0];
  if (constant && yTrue.length > 0) return constantTargetR2(yTrue, sse(yTrue, yPred));
  let m = 0;
  for (let i = 0; i < yTrue.length; i++) m += yTrue[i];
  m /= yTrue.length;
  let tss = 0;
  for (let i = 0; i < yTrue.length; i++) tss += (yTrue[i] - m) ** 2;
  const res = sse(yTrue, yPred);
  if (tss === 0) return res === 0 ? 1 : 0;
  return 1 - res / tss;
}

export interface RegressionMetrics {
  sse: number;
  mse: number;
  rmse: number;
  mae: number;
  r2: number;
}

export function regressionMetrics(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): RegressionMetrics {
  const s = sse(yTrue, yPred);
  return { sse: s, mse: s / yTrue.length, rmse: Math.sqrt(s / yTrue.length), mae: mae(yTrue, yPred), r2: r2Score(yTrue, yPred) };
}

// ---------------------------------------------------------------- classification

export function accuracy(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>): number {
  checkLengths(yTrue, yPred);
  let hits = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hits++;
  return hits / yTrue.length;
}

export function errorRate(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>): number {
  return 1 - accuracy(yTrue, yPred);
}

export interface ConfusionMatrix {
  /** Row and column order. */
  labels: Label[];
  /** matrix[i][j]: samples of true class labels[i] predicted as labels[j]. */
  matrix: number[][];
}

export function confusionMatrix(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, labels?: Label[]): ConfusionMatrix {
  checkLengths(yTrue, yPred);
  const ls = labels ?? uniqueLabels([...Array.from(yTrue), ...Array.from(yPred)]);
  const index = new Map<Label, number>();
  ls.forEach((l, k) => index.set(l, k));
  const matrix = ls.map(() => new Array<number>(ls.length).fill(0));
  for (let i = 0; i < yTrue.length; i++) {
    const a = index.get(yTrue[i]);
    const b = index.get(yPred[i]);
    if (a !== undefined && b !== undefined) matrix[a][b]++;
  }
  return { labels: ls, matrix };
}

export type Average = 'binary' | 'macro' | 'weighted' | 'micro';

export interface PrecisionRecallF1 {
  precision: number;
  recall: number;
  f1: number;
}

export interface PrfOptions {
  average?: Average;
  /** Positive class for average 'binary' (default: the larger of the two sorted labels, as sklearn's 1). */
  posLabel?: Label;
  labels?: Label[];
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Per-class precision, recall and F1, and their support (number of true samples). */
export function perClassPrf(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, labels?: Label[]) {
  return perClassFromConfusion(confusionMatrix(yTrue, yPred, labels));
}

/** The same, read off a confusion matrix. */
export function perClassFromConfusion(cm: ConfusionMatrix) {
  const k = cm.labels.length;
  return cm.labels.map((label, c) => {
    const tp = cm.matrix[c][c];
    let predicted = 0;
    let support = 0;
    for (let j = 0; j < k; j++) {
      predicted += cm.matrix[j][c];
      support += cm.matrix[c][j];
    }
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    return { label, tp, predicted, support, precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
  });
}

export function precisionRecallF1(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: PrfOptions = {}): PrecisionRecallF1 {
  return prfFromConfusion(confusionMatrix(yTrue, yPred, options.labels), options);
}

/** Averaged precision, recall and F1 read off a confusion matrix (its labels are the classes). */
export function prfFromConfusion(cm: ConfusionMatrix, options: Omit<PrfOptions, 'labels'> = {}): PrecisionRecallF1 {
  const average = options.average ?? 'binary';
  const rows = perClassFromConfusion(cm);
  if (average === 'binary') {
    const labels = rows.map((r) => r.label);
    if (labels.length > 2) throw new Error(`average 'binary' needs two classes; got ${labels.length}. Use 'macro' or 'weighted'.`);
    const pos = options.posLabel ?? labels[labels.length - 1];
    const row = rows.find((r) => r.label === pos);
    if (!row) return { precision: 0, recall: 0, f1: 0 };
    return { precision: row.precision, recall: row.recall, f1: row.f1 };
  }
  if (average === 'micro') {
    let tp = 0;
    let predicted = 0;
    let support = 0;
    for (const r of rows) {
      tp += r.tp;
      predicted += r.predicted;
      support += r.support;
    }
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    return { precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
  }
  const total = rows.reduce((s, r) => s + r.support, 0);
  const w = (r: (typeof rows)[number]) => (average === 'macro' ? 1 / rows.length : ratio(r.support, total));
  return {
    precision: rows.reduce((s, r) => s + w(r) * r.precision, 0),
    recall: rows.reduce((s, r) => s + w(r) * r.recall, 0),
    f1: rows.reduce((s, r) => s + w(r) * r.f1, 0),
  };
}

export const precision = (t: ArrayLike<Label>, p: ArrayLike<Label>, o?: PrfOptions) => precisionRecallF1(t, p, o).precision;
export const recall = (t: ArrayLike<Label>, p: ArrayLike<Label>, o?: PrfOptions) => precisionRecallF1(t, p, o).recall;
export const f1Score = (t: ArrayLike<Label>, p: ArrayLike<Label>, o?: PrfOptions) => precisionRecallF1(t, p, o).f1;

/**
 * Mean cross-entropy. `proba` is either one probability of the positive (last) class per
 * row, or one row of class probabilities per sample in `classes` order. Probabilities are
 * clipped to [eps, 1 - eps] with eps = 2^-52 and rows renormalised, as sklearn 1.2 does.
 */
export function logLoss(yTrue: ArrayLike<Label>, proba: ArrayLike<number> | ArrayLike<number>[], classes?: Label[]): number {
  const cls = classes ?? uniqueLabels(yTrue);
  const n = yTrue.length;
  if (proba.length !== n) throw new Error(`Length mismatch: ${n} labels, ${proba.length} probability rows.`);
  return meanCrossEntropy(yTrue, cls, (i) => {
    const row = proba[i];
    const p = typeof row === 'number' ? [1 - row, row] : row;
    if (p.length !== cls.length) throw new Error(`Expected ${cls.length} class probabilities per row; got ${p.length}.`);
    return p;
  });
}

/** The same as logLoss, for probabilities held one column per class (in `classes` order). */
export function logLossByClass(yTrue: ArrayLike<Label>, byClass: ArrayLike<number>[], classes: Label[]): number {
  if (byClass.length !== classes.length) throw new Error(`Expected ${classes.length} probability columns; got ${byClass.length}.`);
  for (const column of byClass) {
    if (column.length !== yTrue.length) throw new Error(`Length mismatch: ${yTrue.length} labels, ${column.length} probabilities.`);
  }
  const row = new Float64Array(classes.length);
  return meanCrossEntropy(yTrue, classes, (i) => {
    for (let k = 0; k < row.length; k++) row[k] = byClass[k][i];
    return row;
  });
}

/** Mean of -log p(true class), each row clipped and renormalised; `rowAt(i)` gives row i's probabilities. */
function meanCrossEntropy(yTrue: ArrayLike<Label>, classes: Label[], rowAt: (i: number) => ArrayLike<number>): number {
  const { codes } = encodeLabels(yTrue, classes);
  const eps = 2 ** -52;
  const n = codes.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = rowAt(i);
    let sum = 0;
    let own = 0;
    for (let k = 0; k < p.length; k++) {
      const clipped = Math.min(1 - eps, Math.max(eps, p[k]));
      sum += clipped;
      if (k === codes[i]) own = clipped;
    }
    total -= Math.log(own / sum);
  }
  return total / n;
}

// ---------------------------------------------------------------- ranking curves

function binaryTargets(yTrue: ArrayLike<Label>, posLabel?: Label): Uint8Array {
  const pos = posLabel ?? impliedPositive(yTrue);
  const targets = new Uint8Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) targets[i] = compareLabels(yTrue[i], pos) === 0 ? 1 : 0;
  return targets;
}

/** With no posLabel given: the second of two classes in sorted order, or a lone class that reads as true. */
function impliedPositive(yTrue: ArrayLike<Label>): Label {
  const labels = uniqueLabels(yTrue);
  const pos = labels.length === 2 ? labels[1] : labels.length === 1 && (labels[0] === 1 || labels[0] === 'true') ? labels[0] : undefined;
  if (pos === undefined) throw new Error(`Ranking metrics need two classes or an explicit posLabel (got ${labels.length} classes).`);
  return pos;
}

/** sklearn's _binary_clf_curve: cumulative true/false positives at each distinct score, highest first. */
export function binaryClfCurve(yTrue: ArrayLike<Label>, scores: ArrayLike<number>, posLabel?: Label): ScoreCounts {
  checkLengths(yTrue, scores);
  const kept = countsOf.get(scores);
  if (kept && kept.yTrue === yTrue && kept.posLabel === posLabel) return kept.counts;
  const counts = countsAtDistinctScores(binaryTargets(yTrue, posLabel), scores);
  countsOf.set(scores, { yTrue, posLabel, counts });
  return counts;
}

// The ROC curve, its AUC and the precision-recall curve of one class's scores all start from
// the same counts (two sorts of every row): kept with the scores array, which is never changed
// once made, for the same labels. The callers only read the counts.
const countsOf = new WeakMap<object, { yTrue: ArrayLike<Label>; posLabel: Label | undefined; counts: ScoreCounts }>();

export interface RocCurve {
  fpr: number[];
  tpr: number[];
  /** Decreasing; thresholds[0] is above every score (sklearn 1.2: max + 1). */
  thresholds: number[];
}

export function rocCurve(
  yTrue: ArrayLike<Label>,
  scores: ArrayLike<number>,
  options: { posLabel?: Label; dropIntermediate?: boolean } = {},
): RocCurve {
  let { tps, fps, thresholds } = binaryClfCurve(yTrue, scores, options.posLabel);
  if ((options.dropIntermediate ?? true) && fps.length > 2) {
    // Keep corners only: points where the second difference of fps or tps is non-zero.
    const keep = fps.map((_, i) => i === 0 || i === fps.length - 1 || fps[i + 1] - 2 * fps[i] + fps[i - 1] !== 0 || tps[i + 1] - 2 * tps[i] + tps[i - 1] !== 0);
    tps = tps.filter((_, i) => keep[i]);
    fps = fps.filter((_, i) => keep[i]);
    thresholds = thresholds.filter((_, i) => keep[i]);
  }
  tps = [0, ...tps];
  fps = [0, ...fps];
  thresholds = [thresholds[0] + 1, ...thresholds];
  const P = tps[tps.length - 1];
  const N = fps[fps.length - 1];
  return { fpr: fps.map((v) => (N > 0 ? v / N : NaN)), tpr: tps.map((v) => (P > 0 ? v / P : NaN)), thresholds };
}

/** Trapezoidal area under a curve given by x (monotone) and y. */
export function auc(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i] - x[i - 1]) * (y[i] + y[i - 1])) / 2;
  return Math.abs(area);
}

/** Area under the ROC curve for a binary problem. */
export function rocAuc(yTrue: ArrayLike<Label>, scores: ArrayLike<number>, posLabel?: Label): number {
  const roc = rocCurve(yTrue, scores, { posLabel, dropIntermediate: false });
  return auc(roc.fpr, roc.tpr);
}

/** One-vs-rest ROC AUC for several classes (sklearn roc_auc_score multi_class='ovr'). */
export function rocAucOvr(yTrue: ArrayLike<Label>, proba: ArrayLike<number>[], classes: Label[], average: 'macro' | 'weighted' = 'macro'): number {
  return rocAucOvrByClass(yTrue, classes.map((_, k) => Array.from(proba, (row) => row[k])), classes, average);
}

/** The same, for probabilities held one column per class (in `classes` order). */
export function rocAucOvrByClass(yTrue: ArrayLike<Label>, byClass: ArrayLike<number>[], classes: Label[], average: 'macro' | 'weighted' = 'macro'): number {
  let total = 0;
  let weight = 0;
  classes.forEach((c, k) => {
    const y = Array.from(yTrue, (v) => (v === c ? 1 : 0));
    const support = y.reduce((s: number, v) => s + v, 0);
    const w = average === 'macro' ? 1 : support;
    total += w * rocAuc(y, byClass[k], 1);
    weight += w;
  });
  return total / weight;
}

export interface PrecisionRecallCurve {
  /** Increasing recall order reversed as in sklearn: precision ends with 1, recall with 0. */
  precision: number[];
  recall: number[];
  thresholds: number[];
}

export function precisionRecallCurve(yTrue: ArrayLike<Label>, scores: ArrayLike<number>, posLabel?: Label): PrecisionRecallCurve {
  const { tps, fps, thresholds } = binaryClfCurve(yTrue, scores, posLabel);
  const P = tps[tps.length - 1];
  const precision = tps.map((tp, i) => (tp + fps[i] === 0 ? 0 : tp / (tp + fps[i])));
  const recallValues = tps.map((tp) => (P === 0 ? 1 : tp / P));
  return {
    precision: [...precision.reverse(), 1],
    recall: [...recallValues.reverse(), 0],
    thresholds: thresholds.slice().reverse(),
  };
}

/** Average precision, step-wise: sum_n (R_n - R_{n-1}) P_n. */
export function averagePrecision(yTrue: ArrayLike<Label>, scores: ArrayLike<number>, posLabel?: Label): number {
  return averagePrecisionOf(precisionRecallCurve(yTrue, scores, posLabel));
}

/** The same, of a precision–recall curve already computed (a whole one: not thinned for drawing). */
export function averagePrecisionOf({ precision, recall }: PrecisionRecallCurve): number {
  let ap = 0;
  for (let i = 0; i < recall.length - 1; i++) ap -= (recall[i + 1] - recall[i]) * precision[i];
  return ap;
}

export interface ClassificationMetrics {
  accuracy: number;
  errorRate: number;
  precision: number;
  recall: number;
  f1: number;
  average: Average;
  confusion: ConfusionMatrix;
  logLoss?: number;
  auc?: number;
  averagePrecision?: number;
}

/**
 * The metrics table of a classification cell. Binary problems use average 'binary'
 * with the last class as positive; multiclass ones 'macro' unless told otherwise.
 */
export function classificationMetrics(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: { classes?: Label[]; proba?: ArrayLike<number>[]; probaByClass?: ArrayLike<number>[]; average?: Average } = {},
): ClassificationMetrics {
  const classes = options.classes ?? uniqueLabels([...Array.from(yTrue), ...Array.from(yPred)]);
  const average = options.average ?? (classes.length === 2 ? 'binary' : 'macro');
  const prf = precisionRecallF1(yTrue, yPred, { average, labels: classes, posLabel: classes[classes.length - 1] });
  const out: ClassificationMetrics = {
    accuracy: accuracy(yTrue, yPred),
    errorRate: errorRate(yTrue, yPred),
    ...prf,
    average,
    confusion: confusionMatrix(yTrue, yPred, classes),
  };
  // Probabilities come as rows (one per sample) or as columns (one per class).
  const { proba, probaByClass } = options;
  if (proba || probaByClass) {
    out.logLoss = probaByClass ? logLossByClass(yTrue, probaByClass, classes) : logLoss(yTrue, proba!, classes);
    if (classes.length === 2) {
      const pos = classes[1];
      const s = probaByClass ? probaByClass[1] : Array.from(proba!, (r) => r[1]);
      out.auc = rocAuc(yTrue, s, pos);
      out.averagePrecision = averagePrecision(yTrue, s, pos);
    } else {
      out.auc = probaByClass ? rocAucOvrByClass(yTrue, probaByClass, classes) : rocAucOvr(yTrue, proba!, classes);
    }
  }
  return out;
}
