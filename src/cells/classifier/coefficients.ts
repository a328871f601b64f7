// The fitted weights as table rows, in raw feature units, Intercept first.
import type { LogisticModel } from '../../lib/ml/logistic';
import type { Label } from '../../lib/ml/labels';
import type { CoefficientRow } from '../shared/coefficients';

/** Softmax models: one weight per class for each term. */
export interface ClassCoefficients {
  classes: Label[];
  rows: { name: string; values: number[] }[];
}

function terms(model: LogisticModel): { name: string; column: (row: number) => number }[] {
  const out = model.featureNames.map((name, j) => ({ name, column: (k: number) => model.coefficients[k][j] }));
  return model.fitIntercept ? [{ name: 'Intercept', column: (k: number) => model.intercept[k] }, ...out] : out;
}

/**
 * A sigmoid model: one row per term with its weight on the log-odds of the
 * positive class and e^weight, the factor by which the odds change when the
 * feature grows by one unit (for Intercept: the odds where every feature is 0).
 */
export function binaryCoefficientRows(model: LogisticModel): CoefficientRow[] {
  return terms(model).map(({ name, column }) => ({ name, estimate: column(0), other: Math.exp(column(0)) }));
}

export function classCoefficients(model: LogisticModel): ClassCoefficients {
  return { classes: model.classes, rows: terms(model).map(({ name, column }) => ({ name, values: model.classes.map((_, k) => column(k)) })) };
}
