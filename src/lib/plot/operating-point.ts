// The point of a threshold curve (ROC, precision–recall) that a threshold selects.

/**
 * Index of the curve point the model operates at with decision threshold `t`
 * (predict positive when score ≥ t): the point with the smallest threshold ≥ t.
 * Works whatever order the thresholds are in (sklearn's ROC thresholds decrease,
 * its precision–recall thresholds increase and are one shorter than the curve).
 * -1 when every threshold is below t.
 */
export function operatingPoint(thresholds: ArrayLike<number>, t: number): number {
  let best = -1;
  for (let i = 0; i < thresholds.length; i += 1) {
    if (thresholds[i] >= t && (best < 0 || thresholds[i] < thresholds[best])) best = i;
  }
  return best;
}
