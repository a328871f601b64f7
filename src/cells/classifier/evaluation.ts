// From class probabilities to decisions and their metrics. Kept apart from
// the fit so that a threshold can move without refitting: the classifier and
// evaluate cells both judge stored probabilities here.
import type { Label } from '../../lib/ml/labels';
import {
  classificationMetrics,
  logLossByClass,
  precisionRecallF1,
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
 * Labels from probabilities (one column per class): with two classes, the second
 * class when its probability is at least `threshold`; with more, the most probable
 * class (the first, on ties).
 */
export function predictLabels(byClass: readonly Float64Array[], classes: readonly Label[], threshold: number): Label[] {
  const rows = byClass[0]?.length ?? 0;
  const labels = new Array<Label>(rows);
  if (isBinary(classes)) {
    const positive = byClass[1];
    for (let i = 0; i < rows; i++) labels[i] = classes[positive[i] >= threshold ? 1 : 0];
    return labels;
  }
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let k = 1; k < byClass.length; k++) if (byClass[k][i] > byClass[best][i]) best = k;
    labels[i] = classes[best];
  }
  return labels;
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
  requireKnownLabels(scores.actual, classes);
  return judgeWith(scores, classes, threshold, probabilityMetrics(scores, classes));
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
 * The decisions at `threshold` and their metrics, with the probability metrics
 * computed elsewhere: a pass or two over the rows, cheap enough for a threshold
 * slider on a million rows (the evaluate cell takes log loss and AUC from its engine task).
 */
export function judgeWith(
  scores: PartScores,
  classes: Label[],
  threshold: number,
  probability: ProbabilityMetrics,
): { predicted: Label[]; metrics: ClassifierMetrics } {
  const predicted = predictLabels(scores.byClass, classes, threshold);
  const m = classificationMetrics(scores.actual, predicted, { classes });
  const metrics: ClassifierMetrics = {
    accuracy: m.accuracy,
    errorRate: m.errorRate,
    precision: m.precision,
    recall: m.recall,
    f1: m.f1,
    ...probability,
    confusion: m.confusion,
  };
  if (!isBinary(classes)) metrics.weighted = precisionRecallF1(scores.actual, predicted, { average: 'weighted', labels: classes });
  return { predicted, metrics };
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
