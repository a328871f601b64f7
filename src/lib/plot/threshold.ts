// Where a logistic model's probability crosses a decision threshold.
import { logit } from './numbers';

/** A one-feature logistic model: p(x) = σ(weight·x + intercept). */
export interface Logistic1D {
  weight: number;
  intercept: number;
}

/**
 * The x at which σ(weight·x + intercept) = threshold, i.e. weight·x + intercept = logit(threshold);
 * undefined when the weight is 0 (the probability never changes) or the threshold is not in (0, 1).
 */
export function thresholdX({ weight, intercept }: Logistic1D, threshold: number): number | undefined {
  if (weight === 0 || !(threshold > 0 && threshold < 1)) return undefined;
  return (logit(threshold) - intercept) / weight;
}
