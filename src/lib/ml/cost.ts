// Choosing a binary classifier's threshold by cost. A missed positive (a
// false negative: fraud let through) and a false alarm (a false positive: a
// good customer's card blocked) rarely cost the same, so the threshold that
// maximises accuracy is seldom the one that loses the least money. Every
// threshold between two neighbouring scores gives the same decisions, so it
// is enough to try each distinct score (flag every row scoring at least it),
// plus "flag nothing".
import type { Label } from './labels';
import { binaryClfCurve } from './metrics';

export interface Costs {
  /** Cost of one false negative (a positive row predicted negative). */
  missed: number;
  /** Cost of one false positive (a negative row predicted positive). */
  falseAlarm: number;
}

export interface CostCurve {
  /** Candidate thresholds, descending: the distinct scores, then Infinity (flag nothing) first. */
  thresholds: number[];
  falseNegatives: number[];
  falsePositives: number[];
  /** missed·FN + falseAlarm·FP at each threshold. */
  cost: number[];
  /** Index of the cheapest threshold (the highest one on ties: fewest alarms for that cost). */
  best: number;
}

/** Total cost at every threshold where the decisions change (predict positive when score ≥ threshold). */
export function costCurve(actual: readonly Label[], scores: ArrayLike<number>, positive: Label, costs: Costs): CostCurve {
  if (!(costs.missed >= 0 && costs.falseAlarm >= 0)) throw new Error('Costs must be zero or more.');
  // The same counts as the ROC and precision-recall curves of these scores (computed once for all).
  const counts = binaryClfCurve(actual, scores, positive);
  const positives = counts.tps.at(-1) ?? 0;
  // Start with nothing flagged: every positive is missed, no false alarm.
  const curve: CostCurve = { thresholds: [Infinity], falseNegatives: [positives], falsePositives: [0], cost: [costs.missed * positives], best: 0 };
  // Then flag every row scoring at least each distinct score in turn (rows with equal scores cannot be told apart).
  counts.thresholds.forEach((score, k) => {
    const fn = positives - counts.tps[k];
    const fp = counts.fps[k];
    curve.thresholds.push(score);
    curve.falseNegatives.push(fn);
    curve.falsePositives.push(fp);
    curve.cost.push(costs.missed * fn + costs.falseAlarm * fp);
    if (curve.cost[curve.cost.length - 1] < curve.cost[curve.best]) curve.best = curve.cost.length - 1;
  });
  return curve;
}
