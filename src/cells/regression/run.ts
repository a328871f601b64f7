// The regression cell: fits a linear model (exact float64 least squares, and
// optionally gradient descent on TensorFlow.js to watch it learn) and
// measures it on every part of the data.
import { INTERCEPT_NAME } from '../../lib/ml/basis';
import type { LinearFit } from '../../lib/ml/linear';
import { regressionMetrics, type RegressionMetrics } from '../../lib/ml/metrics';
import { valueOf } from '../../lib/notebook/controls';
import type { RunContext } from '../types';
import { missingColumns, waitingOn, type ColumnChoice, type Waiting } from '../shared/table-input';
import { partsFrom, type DataParts, type PartName } from '../shared/parts';
import { numericColumnNames } from '../shared/design';
import type { CoefficientRow } from '../shared/coefficients';
import type { ModelFitter, ModelOutput } from '../shared/model';
import { pick } from '../shared/pick';
import type { RegressionOptions } from './schema';
import { fitRegressionSpec, predictRegression, type RegressionSpec } from './spec';

export interface PartPredictions {
  actual: Float64Array;
  predicted: Float64Array;
}

export interface RegressionOutput extends ModelOutput {
  task: 'regression';
  spec: RegressionSpec;
  fit: LinearFit;
  parts: DataParts;
  predictions: Partial<Record<PartName, PartPredictions>>;
  metrics: Partial<Record<PartName, RegressionMetrics>>;
  coefficients: CoefficientRow[];
  /** Numeric columns of the training part, for the view's pickers. */
  numeric: string[];
}

export function specOf(options: RegressionOptions): RegressionSpec {
  return {
    target: options.target,
    features: options.features,
    degree: valueOf(options.degree),
    intercept: options.intercept,
    penalty: options.penalty,
    alpha: valueOf(options.alpha),
  };
}

export function runRegression({ options, inputs }: RunContext<RegressionOptions>): RegressionOutput | ColumnChoice | Waiting {
  const input = inputs[options.input];
  const waiting = waitingOn(input);
  if (waiting) return waiting;
  const parts = partsFrom(input, options.input);
  const spec = specOf(options);
  const choice = missingColumns(parts.train, [spec.target, ...spec.features]);
  if (choice) return choice;
  if (spec.features.includes(spec.target)) throw new Error(`'${spec.target}' is the target; it cannot also be a feature.`);

  const fit = fitRegressionSpec(spec, parts.train);
  const predictions: RegressionOutput['predictions'] = {};
  const metrics: RegressionOutput['metrics'] = {};
  for (const name of ['train', 'validation', 'test'] as const) {
    const table = parts[name];
    if (!table) continue;
    predictions[name] = predictRegression(fit, spec, table);
    metrics[name] = regressionMetrics(predictions[name].actual, predictions[name].predicted);
  }
  return {
    task: 'regression',
    spec,
    fit,
    parts,
    predictions,
    metrics,
    coefficients: coefficientRows(fit),
    numeric: numericColumnNames(parts.train),
    fitter: regressionFitter(spec),
  };
}

/** Fits this cell's model on other rows (cross-validation folds, sweeps). */
export function regressionFitter(spec: RegressionSpec): ModelFitter {
  return {
    task: 'regression',
    errorMetric: 'MSE',
    fit(train, overrides = {}) {
      const changed = { ...spec, ...pick(overrides, ['degree', 'alpha']) };
      const fit = fitRegressionSpec(changed, train);
      return {
        score(table) {
          const { actual, predicted } = predictRegression(fit, changed, table);
          const m = regressionMetrics(actual, predicted);
          return { 'R²': m.r2, MSE: m.mse, RMSE: m.rmse, MAE: m.mae };
        },
      };
    },
  };
}

export function coefficientRows(fit: LinearFit): CoefficientRow[] {
  const { model, summary } = fit;
  const rows: CoefficientRow[] = [];
  if (model.fitIntercept) {
    rows.push({ name: 'Intercept', estimate: model.intercept, standardError: summary.interceptStandardError, t: summary.interceptT });
  }
  model.terms.forEach((term, j) =>
    rows.push({
      name: term.name === INTERCEPT_NAME ? 'Intercept' : term.name,
      estimate: model.coefficients[j],
      standardError: summary.standardErrors?.[j] ?? null,
      t: summary.tValues?.[j] ?? null,
      vif: summary.vif?.[j] ?? null,
    }),
  );
  return rows;
}
