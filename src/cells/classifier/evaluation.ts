// From class probabilities to decisions and their metrics. Kept apart from
// the fit so that a threshold can move without refitting: the classifier and
// evaluate cells both judge stored probabilities here.
import type { Label } from '../../lib/ml/labels';
import { encodeLabels } from '../../lib/ml/labels';
import {
  logLossByClass,
  prfFromConfusion,
  rocAuc,
  rocAucOvrByClass,
  type ConfusionMatrix,
  type PrecisionRecallF1,
} from '../../lib/ml/metrics';
import type { PartScores } from './spec';

export interface ClassifierMetrics {
  accuracy: number;
  errorRate: number;
  /** Binary: of the positive (second) class. Multiclass: the macro average over classes. */
  precision: number;
  recall: number;
  f1: number;
  /** Multiclass only: averages weighted by each class's number of true rows. */
  weighted?: PrecisionRecallF1;
  logLoss: number;
  /** Binary: ROC AUC of the positive class. Multiclass: macro one-vs-rest AUC. */
  auc: number;
  confusion: ConfusionMatrix;
}

export const isBinary = (classes: readonly Label[]) => classes.length === 2;

/**
 * Class codes of the decisions (one column of probabilities per class): with two
 * classes, 1 when the second class's probability is at least `threshold`; with
 * more, the most probable class (the first, on ties).
 */
export function predictCodes(byClass: readonly Float64Array[], classes: readonly Label[], threshold: number): Int32Array {
  const rows = byClass[0]?.length ?? 0;
  const codes = new Int32Array(rows);
  if (isBinary(classes)) {
    const positive = byClass[1];
    for (let i = 0; i < rows; i++) codes[i] = positive[i] >= threshold ? 1 : 0;
    return codes;
  }
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let k = 1; k < byClass.length; k++) if (byClass[k][i] > byClass[best][i]) best = k;
    codes[i] = best;
  }
  return codes;
}

/** The same decisions as labels. */
export function predictLabels(byClass: readonly Float64Array[], classes: readonly Label[], threshold: number): Label[] {
  return Array.from(predictCodes(byClass, classes, threshold), (k) => classes[k]);
}

/** Index of the largest value (the first, on ties). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k] > values[best]) best = k;
  return best;
}

export function requireKnownLabels(actual: readonly Label[], classes: readonly Label[]): void {
  const known = new Set(classes);
  const unknown = [...new Set(actual)].filter((label) => !known.has(label));
  if (unknown.length) {
    throw new Error(
      `Rows labelled ${unknown.map((l) => `'${l}'`).join(', ')} are not in the training part, so the model cannot predict them. ` +
        'Stratify the split by the label so every part has every class.',
    );
  }
}

export function judge(scores: PartScores, classes: Label[], threshold: number): { predicted: Label[]; metrics: ClassifierMetrics } {
  const codes = labelCodes(scores.actual, classes);
  return {
    predicted: predictLabels(scores.byClass, classes, threshold),
    metrics: decisionMetrics(codes, scores.byClass, classes, threshold, probabilityMetrics(scores, classes)),
  };
}

/** The true labels as codes into `classes`; labels the model never saw are refused, by name. */
export function labelCodes(actual: readonly Label[], classes: Label[]): Float64Array {
  requireKnownLabels(actual, classes);
  return Float64Array.from(encodeLabels(actual, classes).codes);
}

/** The metrics that read the probabilities and not the threshold: log loss, and AUC (a sort of every row per class). */
export type ProbabilityMetrics = Pick<ClassifierMetrics, 'logLoss' | 'auc'>;

export function probabilityMetrics(scores: PartScores, classes: Label[]): ProbabilityMetrics {
  const { actual, byClass } = scores;
  return {
    logLoss: logLossByClass(actual, byClass, classes),
    auc: isBinary(classes) ? rocAuc(actual, byClass[1], classes[1]) : rocAucOvrByClass(actual, byClass, classes),
  };
}

/**
 * The metrics of the decisions at `threshold`, with the probability metrics
 * computed elsewhere: the confusion matrix is counted from class codes in one
 * pass over typed arrays and the rest is read off it, cheap enough for a
 * threshold slider on a million rows (the evaluate cell keeps the codes, and
 * takes log loss and AUC from its engine task).
 */
export function decisionMetrics(
  actual: ArrayLike<number>,
  byClass: readonly Float64Array[],
  classes: Label[],
  threshold: number,
  probability: ProbabilityMetrics,
): ClassifierMetrics {
  const K = classes.length;
  const rows = actual.length;
  // counts[true · K + predicted]; two classes (the slider's case) in a loop of their own.
  const counts = new Float64Array(K * K);
  if (isBinary(classes)) {
    const positive = byClass[1];
    for (let i = 0; i < rows; i++) counts[actual[i] * 2 + (positive[i] >= threshold ? 1 : 0)]++;
  } else {
    const predicted = predictCodes(byClass, classes, threshold);
    for (let i = 0; i < rows; i++) counts[actual[i] * K + predicted[i]]++;
  }
  const matrix = classes.map((_, a) => Array.from(counts.subarray(a * K, (a + 1) * K)));
  const confusion: ConfusionMatrix = { labels: classes, matrix };
  let hits = 0;
  classes.forEach((_, k) => (hits += matrix[k][k]));
  const accuracy = hits / rows;
  const binary = isBinary(classes);
  const { precision, recall, f1 } = prfFromConfusion(confusion, { average: binary ? 'binary' : 'macro', posLabel: classes[classes.length - 1] });
  const metrics: ClassifierMetrics = { accuracy, errorRate: 1 - accuracy, precision, recall, f1, ...probability, confusion };
  if (!binary) metrics.weighted = prfFromConfusion(confusion, { average: 'weighted' });
  return metrics;
}

/** The metrics table's rows (row header: the metric's name), one value per part. */
export function metricRows(perPart: ClassifierMetrics[], binary: boolean): { name: string; values: number[] }[] {
  const row = (name: string, value: (m: ClassifierMetrics) => number) => ({ name, values: perPart.map(value) });
  const averaged = (name: string, key: keyof PrecisionRecallF1) =>
    binary ? [row(name, (m) => m[key])] : [row(`${name} (macro)`, (m) => m[key]), row(`${name} (weighted)`, (m) => m.weighted![key])];
  return [
    row('Accuracy', (m) => m.accuracy),
    row('Error rate', (m) => m.errorRate),
    ...averaged('Precision', 'precision'),
    ...averaged('Recall', 'recall'),
    ...averaged('F1', 'f1'),
    row('Log loss', (m) => m.logLoss),
    row(binary ? 'AUC' : 'AUC (one-vs-rest, macro)', (m) => m.auc),
  ];
}

/** The scores a sweep or cross-validation reads (multiclass: macro averages). */
export function scoreRecord(m: ClassifierMetrics): Record<string, number> {
  return {
    Accuracy: m.accuracy,
    'Error rate': m.errorRate,
    Precision: m.precision,
    Recall: m.recall,
    F1: m.f1,
    'Log loss': m.logLoss,
    AUC: m.auc,
  };
}
