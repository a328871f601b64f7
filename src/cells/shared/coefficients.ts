/** One row of a coefficients table: a term (a feature, a power of one, or Intercept). */
export interface CoefficientRow {
  name: string;
  estimate: number;
  standardError?: number | null;
  t?: number | null;
  vif?: number | null;
  /** A second estimate to compare with, e.g. gradient descent beside the exact solution. */
  other?: number;
}
