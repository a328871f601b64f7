// A regression model described by plain values, fitted exactly on a table.
// The regression cell, cross-validation and sweeps all fit through here, so
// a fold is fitted exactly as the cell fits.
import type { Table } from '../../lib/data/table';
import { fitLinear, predictLinear, type LinearFit } from '../../lib/ml/linear';
import { featureMatrix, numericTarget } from '../shared/design';

export interface RegressionSpec {
  target: string;
  features: string[];
  degree: number;
  intercept: boolean;
  penalty: 'none' | 'l2' | 'l1';
  alpha: number;
}

export function fitRegressionSpec(spec: RegressionSpec, table: Table): LinearFit {
  const penalty = spec.penalty === 'none' ? {} : spec.penalty === 'l2' ? { l2: spec.alpha } : { l1: spec.alpha };
  return fitLinear(featureMatrix(table, spec.features), numericTarget(table, spec.target), {
    featureNames: spec.features,
    degree: spec.degree,
    intercept: spec.intercept,
    ...penalty,
  });
}

export function predictRegression(fit: LinearFit, spec: RegressionSpec, table: Table): { actual: Float64Array; predicted: Float64Array } {
  return {
    actual: numericTarget(table, spec.target),
    predicted: predictLinear(fit.model, featureMatrix(table, spec.features)),
  };
}
