// The regression cell: fits a linear model (exact float64 least squares, and
// optionally gradient descent on TensorFlow.js to watch it learn) and
// measures it on every part of the data.
import { INTERCEPT_NAME } from '../../lib/ml/basis';
import type { LinearFit, LinearModel } from '../../lib/ml/linear';
import type { TrainingSummary } from '../../lib/ml/gd/trainer';
import { regressionMetrics, type RegressionMetrics } from '../../lib/ml/metrics';
import { valueOf } from '../../lib/notebook/controls';
import type { RunContext } from '../types';
import type { ColumnChoice, Waiting } from '../shared/table-input';
import { featureColumnNames, modelParts, type DroppedRows, type GapsInColumns } from '../shared/model-inputs';
import { isNumeric } from '../../lib/data/table';
import type { DataParts, PartName } from '../shared/parts';
import type { CoefficientRow } from '../shared/coefficients';
import type { ModelFitter, ModelOutput } from '../shared/model';
import { pick } from '../shared/pick';
import type { RegressionOptions } from './schema';
import { fitRegressionSpec, fitRegressionSpecGD, predictRegression, type RegressionSpec } from './spec';
import { trainingOptions, type SolverOptions, type TrainingProgress } from '../shared/training';
import { runLoadedModel, type LoadedModelOutput } from '../shared/loaded-model';

export interface PartPredictions {
  actual: Float64Array;
  predicted: Float64Array;
}

export interface RegressionOutput extends ModelOutput {
  task: 'regression';
  spec: RegressionSpec;
  solver: 'exact' | 'gradient-descent';
  /** The exact fit: the reference solution, with standard errors and VIF. */
  fit: LinearFit;
  /** The model whose predictions and metrics are reported: exact, or trained by gradient descent. */
  model: LinearModel;
  /** Gradient descent only: the loss history and how training ended. */
  training?: TrainingSummary & TrainingProgress & { optimizer: string; learningRate: number };
  parts: DataParts;
  predictions: Partial<Record<PartName, PartPredictions>>;
  metrics: Partial<Record<PartName, RegressionMetrics>>;
  coefficients: CoefficientRow[];
  /** Numeric columns of the training part that can be features, for the view's pickers. */
  numeric: string[];
  /** `missing: drop`: the rows left out of each part. */
  dropped?: DroppedRows;
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

/** The cell's run: the exact fit, then gradient descent when it is the chosen solver. */
export async function runRegressionCell(
  ctx: RunContext<RegressionOptions>,
): Promise<RegressionOutput | ColumnChoice | Waiting | GapsInColumns | LoadedModelOutput> {
  if (ctx.options.loadedModel !== undefined) return runLoadedModel(ctx, 'regression');
  const exact = runRegression(ctx);
  if (ctx.options.solver !== 'gradient-descent' || !('fit' in exact)) return exact;
  return withGradientDescent(exact, ctx.options, ctx);
}

/** The exact solution (float64 QR), measured on every part. */
export function runRegression({ options, inputs }: RunContext<RegressionOptions>): RegressionOutput | ColumnChoice | Waiting | GapsInColumns {
  const spec = specOf(options);
  const ready = modelParts(inputs, options.input, spec, isNumeric, options.missing);
  if ('instead' in ready) return ready.instead;
  const { parts, dropped } = ready;

  const fit = fitRegressionSpec(spec, parts.train);
  return {
    task: 'regression',
    spec,
    solver: 'exact',
    fit,
    model: fit.model,
    parts,
    ...measure(fit.model, spec, parts),
    coefficients: coefficientRows(fit),
    numeric: featureColumnNames(parts.train),
    dropped,
    fitter: regressionFitter(spec),
  };
}

/** Predictions and metrics of a model on every part present. */
function measure(model: LinearModel, spec: RegressionSpec, parts: DataParts): Pick<RegressionOutput, 'predictions' | 'metrics'> {
  const predictions: RegressionOutput['predictions'] = {};
  const metrics: RegressionOutput['metrics'] = {};
  for (const name of ['train', 'validation', 'test'] as const) {
    const table = parts[name];
    if (!table) continue;
    predictions[name] = predictRegression({ model }, spec, table);
    metrics[name] = regressionMetrics(predictions[name].actual, predictions[name].predicted);
  }
  return { predictions, metrics };
}

/**
 * Trains the same model by gradient descent, publishing the loss history as
 * it goes; reports the trained model's predictions and metrics, with the
 * exact coefficients kept beside the trained ones.
 */
async function withGradientDescent(exact: RegressionOutput, options: RegressionOptions, ctx: RunContext<RegressionOptions>): Promise<RegressionOutput> {
  const { spec, parts } = exact;
  const training = await trainingOptions(options, ctx, parts.validation !== undefined);
  const gd = await fitRegressionSpecGD(spec, parts.train, training, parts.validation);
  const byName = new Map(termEstimates(gd.model));
  return {
    ...exact,
    solver: 'gradient-descent',
    model: gd.model,
    ...measure(gd.model, spec, parts),
    training: { ...gd, epochs: training.epochs ?? gd.epochsRun, optimizer: training.optimizer ?? 'adam', learningRate: training.learningRate ?? NaN },
    coefficients: exact.coefficients.map((row) => ({ ...row, other: byName.get(row.name) })),
    fitter: regressionFitter(spec, options),
  };
}

function termEstimates(model: LinearModel): [string, number][] {
  return [
    ...(model.fitIntercept ? [['Intercept', model.intercept] as [string, number]] : []),
    ...model.terms.map((t, j): [string, number] => [t.name, model.coefficients[j]]),
  ];
}

/**
 * Fits this cell's model on other rows (cross-validation folds, sweeps):
 * exactly, or by gradient descent with the cell's training options when
 * `solver` is given (then `epochs` can be overridden too).
 */
export function regressionFitter(spec: RegressionSpec, solver?: SolverOptions): ModelFitter {
  return {
    task: 'regression',
    errorMetric: 'MSE',
    async fit(train, overrides = {}, signal) {
      const changed = { ...spec, ...pick(overrides, ['degree', 'alpha']) };
      const fit = solver
        ? await fitRegressionSpecGD(changed, train, {
            ...(await trainingOptions(solver, { signal: signal ?? new AbortController().signal, progress() {}, partial() {} }, false)),
            ...pick(overrides, ['epochs']),
          })
        : fitRegressionSpec(changed, train);
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
