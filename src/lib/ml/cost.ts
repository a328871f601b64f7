// Choosing a binary classifier's threshold by cost. A missed positive (a
// false negative: fraud let through) and a false alarm (a false positive: a
// good customer's card blocked) rarely cost the same, so the threshold that
// maximises accuracy is seldom the one that loses the least money. Every
// threshold between two neighbouring scores gives the same decisions, so it
// is enough to try each distinct score (flag every row scoring at least it),
// plus "flag nothing".
import type { Label } from './labels';

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
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const positives = actual.filter((label) => label === positive).length;
  // Start with nothing flagged: every positive is missed, no false alarm.
  let fn = positives;
  let fp = 0;
  const curve: CostCurve = { thresholds: [Infinity], falseNegatives: [fn], falsePositives: [fp], cost: [costs.missed * fn], best: 0 };
  for (let k = 0; k < order.length; ) {
    const score = scores[order[k]];
    // Flag every row with this score at once: they cannot be told apart.
    for (; k < order.length && scores[order[k]] === score; k++) {
      if (actual[order[k]] === positive) fn--;
      else fp++;
    }
    curve.thresholds.push(score);
    curve.falseNegatives.push(fn);
    curve.falsePositives.push(fp);
    curve.cost.push(costs.missed * fn + costs.falseAlarm * fp);
    if (curve.cost[curve.cost.length - 1] < curve.cost[curve.best]) curve.best = curve.cost.length - 1;
  }
  return curve;
}
