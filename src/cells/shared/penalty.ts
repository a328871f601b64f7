/** The engine's penalty options for a model cell's `penalty` and `alpha` (the same objective for both solvers). */
export function penaltyOf(spec: { penalty: 'none' | 'l2' | 'l1'; alpha: number }): { l1?: number; l2?: number } {
  return spec.penalty === 'none' ? {} : spec.penalty === 'l2' ? { l2: spec.alpha } : { l1: spec.alpha };
}
