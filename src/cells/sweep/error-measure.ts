// A sweep plots an error: lower is better, and the best value is the lowest.
// Metrics where higher is better (R², Accuracy…) are turned into errors as
// 1 − metric (for R², the error relative to the target's variance).
import type { Scores } from '../../lib/validation';
import { readMetric } from '../crossval/judged-model';

const HIGHER_IS_BETTER = new Set(['R²', 'Accuracy', 'Precision', 'Recall', 'F1', 'AUC']);

export interface ErrorMeasure {
  /** "MSE", or "1 − Accuracy". */
  name: string;
  of(scores: Scores): number;
}

export function errorMeasure(metric: string): ErrorMeasure {
  const flip = HIGHER_IS_BETTER.has(metric);
  return {
    name: flip ? `1 − ${metric}` : metric,
    of: (scores) => (flip ? 1 - readMetric(scores, metric) : readMetric(scores, metric)),
  };
}
