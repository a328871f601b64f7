// The classifier cell: logistic regression (sigmoid for two classes, softmax
// for more), fitted exactly by Newton/IRLS in float64, and measured on every
// part of the data at the cell's decision threshold.
import type { Table } from '../../lib/data/table';
import { isNumeric } from '../../lib/data/table';
import { columnRoles } from '../../lib/data/roles';
import { summarise } from '../../lib/data/summary';
import type { Label } from '../../lib/ml/labels';
import type { LogisticFit, LogisticModel } from '../../lib/ml/logistic';
import type { TrainingSummary } from '../../lib/ml/gd/trainer';
import { trainingOptions, type TrainingProgress } from '../shared/training';
import { valueOf } from '../../lib/notebook/controls';
import type { RunContext } from '../types';
import type { ColumnChoice, Waiting } from '../shared/table-input';
import { featureColumnNames, isGapsInColumns, modelParts, type DroppedRows, type GapsInColumns } from '../shared/model-inputs';
import { partsFrom, type DataParts, type PartName } from '../shared/parts';
import type { CoefficientRow } from '../shared/coefficients';
import type { ModelFitter, ModelOutput } from '../shared/model';
import { pick } from '../shared/pick';
import type { ClassifierOptions } from './schema';
import type { LogisticGdFit } from '../../lib/ml/gd/logistic-gd';
import { fitClassifierSpec, fitClassifierSpecGD, MAX_CLASSES, scoreClassifier, type ClassifierSpec, type PartScores } from './spec';
import { isBinary, judge, scoreRecord, type ClassifierMetrics } from './evaluation';
import { binaryCoefficientRows, classCoefficients, type ClassCoefficients } from './coefficients';
import { runLoadedModel, type LoadedModelOutput } from '../shared/loaded-model';

export interface ClassifierOutput extends ModelOutput {
  task: 'classification';
  spec: ClassifierSpec;
  solver: 'exact' | 'gradient-descent';
  /** The exact fit (the reference solution; it also tells whether the classes are separable). */
  fit: LogisticFit;
  /** The model whose probabilities, predictions and metrics are reported: exact, or trained by gradient descent. */
  model: LogisticModel;
  /** Gradient descent only: the loss history and how training ended. */
  training?: TrainingSummary & TrainingProgress & { optimizer: string; learningRate: number };
  /** The model's classes, sorted; with two, the second is the positive class. */
  classes: Label[];
  binary: boolean;
  /** The decision threshold the predictions and metrics use (binary only). */
  threshold: number;
  parts: DataParts;
  scores: Partial<Record<PartName, PartScores>>;
  predictions: Partial<Record<PartName, Label[]>>;
  metrics: Partial<Record<PartName, ClassifierMetrics>>;
  /** Sigmoid models: weight and odds ratio per term. */
  coefficients?: CoefficientRow[];
  /** Softmax models: one weight per class per term. */
  classCoefficients?: ClassCoefficients;
  /** Perfectly separable training classes and no penalty: the weights have no finite optimum. */
  separable: boolean;
  /** Numeric columns of the training part that can be features, for the feature picker. */
  numeric: string[];
  /** `missing: drop`: the rows left out of each part. */
  dropped?: DroppedRows;
  /** Columns that can be a label, for the target picker. */
  labelColumns: string[];
}

export function specOf(options: ClassifierOptions): ClassifierSpec {
  return {
    target: options.target,
    features: options.features,
    intercept: options.intercept,
    penalty: options.penalty,
    alpha: valueOf(options.alpha),
    classWeight: options.classWeight,
    multinomial: options.multinomial,
    ...(options.resample && options.resample !== 'none' ? { resample: options.resample, seed: options.seed ?? 0 } : {}),
    ...(valueOf(options.degree ?? 1) > 1 ? { degree: valueOf(options.degree!) } : {}),
  };
}

// Moving the threshold re-runs the cell (every option change does), but the
// input table is the same object and the spec has not changed, so the fit is
// taken from here: a threshold change costs only the re-scoring.
const recentFits = new WeakMap<Table, Map<string, LogisticFit>>();
const FITS_KEPT = 16;

export function fitOnce(spec: ClassifierSpec, train: Table): LogisticFit {
  let fits = recentFits.get(train);
  if (!fits) recentFits.set(train, (fits = new Map()));
  const key = JSON.stringify(spec);
  let fit = fits.get(key);
  if (!fit) {
    fit = fitClassifierSpec(spec, train);
    if (fits.size >= FITS_KEPT) fits.delete(fits.keys().next().value!);
    fits.set(key, fit);
  }
  return fit;
}

let lastTraining: { train: Table; key: string; fit: LogisticGdFit } | undefined;

/** The cell's run: the exact fit, then gradient descent when it is the chosen solver. */
export async function runClassifierCell(
  ctx: RunContext<ClassifierOptions>,
): Promise<ClassifierOutput | ColumnChoice | Waiting | ClassifierGaps | LoadedModelOutput> {
  if (ctx.options.loadedModel !== undefined) return runLoadedModel(ctx, 'classifier');
  const exact = runClassifier(ctx);
  if (ctx.options.solver !== 'gradient-descent' || !('fit' in exact)) return exact;
  const { spec, parts } = exact;
  const training = await trainingOptions(ctx.options, ctx, parts.validation !== undefined);
  // As with the exact fit, a threshold move must not retrain: reuse the last
  // training of the same model, options and rows.
  const key = JSON.stringify([spec, ctx.options.optimizer, training.learningRate, training.batchSize, training.epochs, ctx.options.patience]);
  let gd = lastTraining?.train === parts.train && lastTraining.key === key ? lastTraining.fit : undefined;
  if (!gd) {
    gd = await fitClassifierSpecGD(spec, parts.train, exact.classes, training, parts.validation);
    lastTraining = { train: parts.train, key, fit: gd };
  }
  return {
    ...exact,
    ...describeModel(gd.model, spec, parts, exact.threshold),
    solver: 'gradient-descent',
    training: { ...gd, epochs: training.epochs ?? gd.epochsRun, optimizer: training.optimizer ?? 'adam', learningRate: training.learningRate ?? NaN },
  };
}

/** The exact solution (Newton/IRLS in float64), measured on every part. */
export function runClassifier({ options, inputs }: RunContext<ClassifierOptions>): ClassifierOutput | ColumnChoice | Waiting | ClassifierGaps {
  const spec = specOf(options);
  const ready = modelParts(inputs, options.input, spec, undefined, options.missing);
  if ('instead' in ready) {
    const instead = ready.instead;
    // Gaps keep the target picker too: its labels come from the input's training part.
    return isGapsInColumns(instead) ? { ...instead, labelColumns: labelColumnNames(partsFrom(inputs[options.input], options.input).train) } : instead;
  }
  const { parts, dropped } = ready;

  const fit = fitOnce(spec, parts.train);
  const { classes } = fit.model;
  const threshold = valueOf(options.threshold);
  return {
    task: 'classification',
    spec,
    solver: 'exact',
    fit,
    classes,
    binary: isBinary(classes),
    threshold,
    parts,
    ...describeModel(fit.model, spec, parts, threshold),
    separable: fit.separable,
    numeric: featureColumnNames(parts.train),
    dropped,
    labelColumns: labelColumnNames(parts.train),
    fitter: classifierFitter(spec, threshold),
  };
}

/** A model's scores, predictions, metrics and coefficients on every part present. */
function describeModel(model: LogisticModel, spec: ClassifierSpec, parts: DataParts, threshold: number) {
  const scores: ClassifierOutput['scores'] = {};
  const predictions: ClassifierOutput['predictions'] = {};
  const metrics: ClassifierOutput['metrics'] = {};
  for (const name of ['train', 'validation', 'test'] as const) {
    const table = parts[name];
    if (!table) continue;
    scores[name] = scoreClassifier({ model }, spec, table);
    ({ predicted: predictions[name], metrics: metrics[name] } = judge(scores[name], model.classes, threshold));
  }
  const coefficients = model.multinomial ? { classCoefficients: classCoefficients(model) } : { coefficients: binaryCoefficientRows(model) };
  return { model, scores, predictions, metrics, ...coefficients };
}

/** Fits this cell's model on other rows (cross-validation folds, sweeps). */
export function classifierFitter(spec: ClassifierSpec, threshold: number): ModelFitter {
  return {
    task: 'classification',
    errorMetric: 'Log loss',
    fit(table, overrides = {}) {
      const changed = { ...spec, ...pick(overrides, ['alpha', 'degree']) };
      const fit = fitClassifierSpec(changed, table);
      return {
        score: (part) => scoreRecord(judge(scoreClassifier(fit, changed, part), fit.model.classes, threshold).metrics),
      };
    },
  };
}

/** The model's columns have gaps; the target picker's columns come along. */
export interface ClassifierGaps extends GapsInColumns {
  labelColumns: string[];
}

/** Text and boolean columns, and numeric ones with few distinct values; never an identifier (a distinct value on every row). */
export function labelColumnNames(table: Table): string[] {
  let names = labelNamesOf.get(table);
  if (!names) {
    const roles = new Map(columnRoles(table, summarise(table)).map((r) => [r.name, r.role]));
    names = table.columns
      .filter((c) => roles.get(c.name) !== 'identifier')
      .filter((c) => !isNumeric(c) || c.type === 'boolean' || new Set(c.values).size <= MAX_CLASSES)
      .map((c) => c.name);
    labelNamesOf.set(table, names);
  }
  return names;
}

// A threshold move re-runs the cell on the same table: its label columns are kept.
const labelNamesOf = new WeakMap<Table, string[]>();
