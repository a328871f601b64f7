// A regression model described by plain values, fitted on a table exactly
// (float64) or by gradient descent (TensorFlow.js). The regression cell,
// cross-validation and sweeps all fit through here, so a fold is fitted
// exactly as the cell fits.
import type { Table } from '../../lib/data/table';
import { fitLinear, predictLinear, type LinearFit } from '../../lib/ml/linear';
import type { LinearGdFit } from '../../lib/ml/gd/linear-gd';
import type { GdOptions } from '../../lib/ml/gd/trainer';
import { featureMatrix, numericTarget } from '../shared/design';
import { penaltyOf } from '../shared/penalty';

export interface RegressionSpec {
  target: string;
  features: string[];
  degree: number;
  intercept: boolean;
  penalty: 'none' | 'l2' | 'l1';
  alpha: number;
}

export function fitRegressionSpec(spec: RegressionSpec, table: Table): LinearFit {
  return fitLinear(featureMatrix(table, spec.features), numericTarget(table, spec.target), {
    featureNames: spec.features,
    targetName: spec.target,
    degree: spec.degree,
    intercept: spec.intercept,
    ...penaltyOf(spec),
  });
}

/**
 * Gradient descent on TensorFlow.js for the same model, validated on `validation` when given.
 * The trainer (and with it tfjs) is imported on first use, so pages that only fit exactly never load it.
 */
export async function fitRegressionSpecGD(spec: RegressionSpec, table: Table, training: GdOptions, validation?: Table): Promise<LinearGdFit> {
  const { fitLinearGD } = await import('../../lib/ml/gd/linear-gd');
  return fitLinearGD(featureMatrix(table, spec.features), numericTarget(table, spec.target), {
    featureNames: spec.features,
    degree: spec.degree,
    intercept: spec.intercept,
    ...penaltyOf(spec),
    validation: validation && { X: featureMatrix(validation, spec.features), y: numericTarget(validation, spec.target) },
    ...training,
  });
}

export function predictRegression(fit: Pick<LinearFit, 'model'>, spec: RegressionSpec, table: Table): { actual: Float64Array; predicted: Float64Array } {
  return {
    actual: numericTarget(table, spec.target),
    predicted: predictLinear(fit.model, featureMatrix(table, spec.features)),
  };
}
