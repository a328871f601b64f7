// The evaluate cell judges a fitted model on one part of the data, without
// refitting it: it reads the predictions (regression) or class probabilities
// (classifier) the model cell already computed, so moving this cell's
// threshold re-runs only this cell.
import type { Label } from '../../lib/ml/labels';
import {
  averagePrecision,
  precisionRecallCurve,
  regressionMetrics,
  rocAuc,
  rocCurve,
  type PrecisionRecallCurve,
  type RegressionMetrics,
  type RocCurve,
} from '../../lib/ml/metrics';
import { valueOf } from '../../lib/notebook/controls';
import type { RunContext } from '../types';
import { isModelOutput } from '../shared/model';
import type { PartName } from '../shared/parts';
import { isWaiting, type Waiting } from '../shared/table-input';
import type { RegressionOutput } from '../regression/run';
import type { ClassifierOutput } from '../classifier/run';
import { isBinary, judge, type ClassifierMetrics } from '../classifier/evaluation';
import type { EvaluateOptions } from './schema';
import { costAt, costCurve, type CostCurve, type Costs } from '../../lib/ml/cost';

interface Judged {
  part: PartName;
  /** True when the options named no part and this one was chosen by default. */
  defaulted: boolean;
  /** Parts the model has, for the part picker. */
  available: PartName[];
  rows: number;
}

export interface RegressionEvaluation extends Judged {
  task: 'regression';
  target: string;
  actual: Float64Array;
  predicted: Float64Array;
  /** actual − predicted, per row. */
  residuals: Float64Array;
  metrics: RegressionMetrics;
}

export interface RankingCurves {
  roc: RocCurve;
  auc: number;
  precisionRecall: PrecisionRecallCurve;
  averagePrecision: number;
  /** Share of rows in the positive class: the precision of guessing. */
  prevalence: number;
}

export interface ClassificationEvaluation extends Judged {
  task: 'classification';
  classes: Label[];
  binary: boolean;
  threshold: number;
  /** True when the threshold is the model cell's (no override here). */
  modelThreshold: boolean;
  actual: Label[];
  predicted: Label[];
  metrics: ClassifierMetrics;
  /** Binary: the positive class's curves. Multiclass: one-vs-rest, one per class. */
  curves: { label: Label; curves: RankingCurves }[];
  /** Binary, with a cost given: the cost of the mistakes at every threshold, and at the one in use. */
  cost?: { costs: Costs; curve: CostCurve; current: ReturnType<typeof costAt> };
}

export type Evaluation = RegressionEvaluation | ClassificationEvaluation;

const PREFERRED: PartName[] = ['test', 'validation', 'train'];

export function runEvaluate({ options, inputs }: RunContext<EvaluateOptions>): Evaluation | Waiting {
  const input = inputs[options.input];
  if (isWaiting(input)) return input;
  if (!isModelOutput(input)) {
    throw new Error(`The input '${options.input}' is not a fitted model. An evaluate cell judges a regression or classifier cell.`);
  }
  const model = input as RegressionOutput | ClassifierOutput;
  const available = PREFERRED.filter((p) => model.parts[p] !== undefined);
  if (options.part && !available.includes(options.part)) {
    throw new Error(`The model '${options.input}' has no ${options.part} part (it has ${available.join(', ')}). Split the data first, or choose another part.`);
  }
  const part = options.part ?? available[0];
  const judged: Judged = { part, defaulted: options.part === undefined, available, rows: model.parts[part]!.rowCount };
  if (model.task === 'regression') return evaluateRegression(model, judged);
  const costs =
    options.missedCost === undefined && options.falseAlarmCost === undefined
      ? undefined
      : { missed: valueOf(options.missedCost ?? 1), falseAlarm: valueOf(options.falseAlarmCost ?? 1) };
  return evaluateClassifier(model, judged, options.threshold === undefined ? undefined : valueOf(options.threshold), costs);
}

function evaluateRegression(model: RegressionOutput, judged: Judged): RegressionEvaluation {
  const { actual, predicted } = model.predictions[judged.part]!;
  return {
    ...judged,
    task: 'regression',
    target: model.spec.target,
    actual,
    predicted,
    residuals: actual.map((y, i) => y - predicted[i]),
    metrics: regressionMetrics(actual, predicted),
  };
}

export function rankingCurves(actual: readonly Label[], scores: ArrayLike<number>, positive: Label): RankingCurves {
  const prevalence = actual.filter((label) => label === positive).length / actual.length;
  return {
    roc: rocCurve(actual, scores, { posLabel: positive }),
    auc: rocAuc(actual, scores, positive),
    precisionRecall: precisionRecallCurve(actual, scores, positive),
    averagePrecision: averagePrecision(actual, scores, positive),
    prevalence,
  };
}

function evaluateClassifier(model: ClassifierOutput, judged: Judged, override: number | undefined, costs: Costs | undefined): ClassificationEvaluation {
  const { classes } = model;
  const scores = model.scores[judged.part]!;
  const threshold = override ?? model.threshold;
  const { predicted, metrics } = judge(scores, classes, threshold);
  const binary = isBinary(classes);
  const present = new Set(scores.actual);
  // A curve needs rows of both kinds: classes missing from the part get none.
  const curveClasses = (binary ? [classes[1]] : classes).filter((c) => present.has(c) && present.size > 1);
  const curves = curveClasses.map((label) => {
    const k = classes.indexOf(label);
    return { label, curves: rankingCurves(scores.actual, scores.byClass[k], label) };
  });
  let cost: ClassificationEvaluation['cost'];
  if (binary && costs) {
    const positive = scores.byClass[1];
    cost = {
      costs,
      curve: costCurve(scores.actual, positive, classes[1], costs),
      current: costAt(scores.actual, positive, classes[1], costs, threshold),
    };
  }
  return { ...judged, task: 'classification', classes, binary, threshold, modelThreshold: override === undefined, actual: scores.actual, predicted, metrics, curves, cost };
}
