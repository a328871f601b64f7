// The classifier cell: logistic regression (sigmoid for two classes, softmax
// for more), fitted exactly by Newton/IRLS in float64, and measured on every
// part of the data at the cell's decision threshold.
import type { Table } from '../../lib/data/table';
import { isNumeric } from '../../lib/data/table';
import { columnRoles } from '../../lib/data/roles';
import { countDistinct, summarise } from '../../lib/data/summary';
import type { Label } from '../../lib/ml/labels';
import type { LogisticFit, LogisticModel } from '../../lib/ml/logistic';
import type { TrainingSummary } from '../../lib/ml/gd/trainer';
import { trainingOptions, type TrainingProgress } from '../shared/training';
import { valueOf } from '../../lib/notebook/controls';
import type { RunContext } from '../types';
import type { ColumnChoice, Waiting } from '../shared/table-input';
import { featureColumnNames, isGapsInColumns, knownFeatureColumnNames, modelParts, type DroppedRows, type GapsInColumns } from '../shared/model-inputs';
import { partsFrom, type DataParts, type PartName } from '../shared/parts';
import type { CoefficientRow } from '../shared/coefficients';
import type { ModelFitter, ModelOutput } from '../shared/model';
import { pick } from '../shared/pick';
import type { ClassifierOptions } from './schema';
import type { LogisticGdFit } from '../../lib/ml/gd/logistic-gd';
import { fitClassifierSpec, fitClassifierSpecGD, MAX_CLASSES, scoreClassifier, type ClassifierSpec, type PartScores } from './spec';
import { decisionMetrics, isBinary, judge, labelCodes, predictLabels, probabilityMetrics, scoreRecord, type ClassifierMetrics } from './evaluation';
import { binaryCoefficientRows, classCoefficients, type ClassCoefficients } from './coefficients';
import { runLoadedModel, type LoadedModelOutput } from '../shared/loaded-model';
import { partTables, runEngineTask } from '../engine/run-task';
import { labelTarget } from '../shared/design';

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
  return recentFit(spec, train) ?? keepFit(spec, train, fitClassifierSpec(spec, train));
}

/** What the engine's classifier.fit task gives: the exact fit, and the pickers' columns (each a pass over every row). */
export interface ClassifierFitResult {
  fit: LogisticFit;
  numeric: string[];
  labelColumns: string[];
}

/** The same through the engine (its worker for large data), kept in the same cache. */
async function fitOnceInEngine(spec: ClassifierSpec, train: Table, signal: AbortSignal): Promise<LogisticFit> {
  const recent = recentFit(spec, train);
  if (recent) return recent;
  const { fit, numeric, labelColumns } = await runEngineTask<ClassifierFitResult>('classifier.fit', { spec }, { tables: { train }, signal });
  knownFeatureColumnNames(train, numeric);
  labelNamesOf.set(train, labelColumns);
  return keepFit(spec, train, fit);
}

function recentFit(spec: ClassifierSpec, train: Table): LogisticFit | undefined {
  return recentFits.get(train)?.get(JSON.stringify(spec));
}

function keepFit(spec: ClassifierSpec, train: Table, fit: LogisticFit): LogisticFit {
  let fits = recentFits.get(train);
  if (!fits) recentFits.set(train, (fits = new Map()));
  if (fits.size >= FITS_KEPT) fits.delete(fits.keys().next().value!);
  fits.set(JSON.stringify(spec), fit);
  return fit;
}

let lastTraining: { train: Table; key: string; fit: LogisticGdFit } | undefined;

/** The cell's run: the exact fit, then gradient descent when it is the chosen solver. */
export async function runClassifierCell(ctx: RunContext<ClassifierOptions>): Promise<ClassifierOutput | ColumnChoice | Waiting | ClassifierGaps | LoadedModelOutput> {
  if (ctx.options.loadedModel !== undefined) return runLoadedModel(ctx, 'classifier');
  const ready = classifierInputs(ctx);
  if ('instead' in ready) return ready.instead;
  const fit = await fitOnceInEngine(ready.spec, ready.parts.train, ctx.signal);
  const { spec, parts } = ready;
  const threshold = valueOf(ctx.options.threshold);
  if (ctx.options.solver !== 'gradient-descent') {
    return classifierOutput(ready, fit, ctx.options, await describeModelInEngine(fit.model, spec, parts, threshold, ctx.signal));
  }
  const training = await trainingOptions(ctx.options, ctx, parts.validation !== undefined);
  // As with the exact fit, a threshold move must not retrain: reuse the last
  // training of the same model, options and rows.
  const key = JSON.stringify([spec, ctx.options.optimizer, training.learningRate, training.batchSize, training.epochs, ctx.options.patience]);
  let gd = lastTraining?.train === parts.train && lastTraining.key === key ? lastTraining.fit : undefined;
  if (!gd) {
    gd = await fitClassifierSpecGD(spec, parts.train, fit.model.classes, training, parts.validation);
    lastTraining = { train: parts.train, key, fit: gd };
  }
  // The exact fit stays as the reference (`fit`); the trained model is the one described.
  return {
    ...classifierOutput(ready, fit, ctx.options, await describeModelInEngine(gd.model, spec, parts, threshold, ctx.signal)),
    solver: 'gradient-descent',
    training: { ...gd, epochs: training.epochs ?? gd.epochsRun, optimizer: training.optimizer ?? 'adam', learningRate: training.learningRate ?? NaN },
  };
}

/** The exact solution (Newton/IRLS in float64), measured on every part, computed in this thread. */
export function runClassifier(ctx: RunContext<ClassifierOptions>): ClassifierOutput | ColumnChoice | Waiting | ClassifierGaps {
  const ready = classifierInputs(ctx);
  if ('instead' in ready) return ready.instead;
  const fit = fitOnce(ready.spec, ready.parts.train);
  return classifierOutput(ready, fit, ctx.options, describeModel(fit.model, ready.spec, ready.parts, valueOf(ctx.options.threshold)));
}

type ClassifierInputs = { spec: ClassifierSpec; parts: DataParts; dropped?: DroppedRows };

function classifierInputs({ options, inputs }: RunContext<ClassifierOptions>): ClassifierInputs | { instead: ColumnChoice | Waiting | ClassifierGaps } {
  const spec = specOf(options);
  const ready = modelParts(inputs, options.input, spec, undefined, options.missing);
  if ('instead' in ready) {
    const instead = ready.instead;
    // Gaps keep the target picker too: its labels come from the input's training part.
    return { instead: isGapsInColumns(instead) ? { ...instead, labelColumns: labelColumnNames(partsFrom(inputs[options.input], options.input).train) } : instead };
  }
  return { spec, ...ready };
}

type Described = ReturnType<typeof withLabels>;

/** The cell's output: the exact fit and the described model (the exact one, or the one gradient descent trained). */
function classifierOutput({ spec, parts, dropped }: ClassifierInputs, fit: LogisticFit, options: ClassifierOptions, described: Described): ClassifierOutput {
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
    ...described,
    separable: fit.separable,
    numeric: featureColumnNames(parts.train),
    dropped,
    labelColumns: labelColumnNames(parts.train),
    fitter: classifierFitter(spec, threshold),
  };
}

/** What the engine's classifier.describe task gives per part: probabilities by class (transferred, not copied) and the metrics. */
export type PartDescriptions = Partial<Record<PartName, { byClass: Float64Array[]; codes: Float64Array; metrics: ClassifierMetrics }>>;

/** The model's probabilities and metrics on every part present (the classifier.describe task; runs wherever the engine puts it). */
export function describeParts(model: LogisticModel, spec: ClassifierSpec, parts: Partial<Record<PartName, Table>>, threshold: number): PartDescriptions {
  const described: PartDescriptions = {};
  for (const name of ['train', 'validation', 'test'] as const) {
    const table = parts[name];
    if (!table) continue;
    const scores = scoreClassifier({ model }, spec, table);
    // The labels' codes go back too, so the evaluate cell does not code a million labels on the page.
    const codes = labelCodes(scores.actual, model.classes);
    const probability = probabilityMetrics(scores, model.classes);
    described[name] = { byClass: scores.byClass, codes, metrics: decisionMetrics(codes, scores.byClass, model.classes, threshold, probability) };
  }
  return described;
}

/** A model's scores, predictions, metrics and coefficients on every part present, computed in this thread. */
function describeModel(model: LogisticModel, spec: ClassifierSpec, parts: DataParts, threshold: number) {
  return withLabels(model, spec, parts, threshold, describeParts(model, spec, parts, threshold));
}

/**
 * The same through the engine: for a large table the probabilities, log loss and
 * AUC (a sort of every row) are computed in its worker, and the page only reads
 * the true labels and turns probabilities into predicted labels (a pass each).
 */
async function describeModelInEngine(model: LogisticModel, spec: ClassifierSpec, parts: DataParts, threshold: number, signal: AbortSignal) {
  const described = await runEngineTask<PartDescriptions>('classifier.describe', { model, spec, threshold }, { tables: partTables(parts), signal });
  return withLabels(model, spec, parts, threshold, described);
}

function withLabels(model: LogisticModel, spec: ClassifierSpec, parts: DataParts, threshold: number, described: PartDescriptions) {
  const scores: ClassifierOutput['scores'] = {};
  const predictions: ClassifierOutput['predictions'] = {};
  const metrics: ClassifierOutput['metrics'] = {};
  for (const [name, part] of Object.entries(described) as [PartName, NonNullable<PartDescriptions[PartName]>][]) {
    scores[name] = { actual: labelTarget(parts[name]!, spec.target), byClass: part.byClass, codes: part.codes };
    // Made on first read: only the predictions export reads them, and a million
    // labels were the page's longest task (~100 ms) after a large fit.
    let labels: Label[] | undefined;
    Object.defineProperty(predictions, name, { enumerable: true, get: () => (labels ??= predictLabels(part.byClass, model.classes, threshold)) });
    metrics[name] = part.metrics;
  }
  const coefficients = model.multinomial ? { classCoefficients: classCoefficients(model) } : { coefficients: binaryCoefficientRows(model) };
  return { model, scores, predictions, metrics, ...coefficients };
}

/** Fits this cell's model on other rows (cross-validation folds, sweeps). */
export function classifierFitter(spec: ClassifierSpec, threshold: number): ModelFitter {
  return {
    task: 'classification',
    errorMetric: 'Log loss',
    recipe: { task: 'classification', spec, threshold },
    fit(table, overrides = {}) {
      const changed = { ...spec, ...pick(overrides, ['alpha', 'degree', 'penalty']) };
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
      // Counting stops past MAX_CLASSES: a Set of a million distinct numbers per column took seconds.
      .filter((c) => !isNumeric(c) || c.type === 'boolean' || countDistinct(c.values, MAX_CLASSES + 1) <= MAX_CLASSES)
      .map((c) => c.name);
    labelNamesOf.set(table, names);
  }
  return names;
}

// A threshold move re-runs the cell on the same table: its label columns are kept.
const labelNamesOf = new WeakMap<Table, string[]>();
