// The evaluate cell judges a fitted model on one part of the data, without
// refitting it: it reads the predictions (regression) or class probabilities
// (classifier) the model cell already computed, so moving this cell's
// threshold re-runs only this cell.
import type { Label } from '../../lib/ml/labels';
import { regressionMetrics, type RegressionMetrics } from '../../lib/ml/metrics';
import { valueOf } from '../../lib/notebook/controls';
import type { RunContext } from '../types';
import { isModelOutput } from '../shared/model';
import type { PartName } from '../shared/parts';
import { isWaiting, type Waiting } from '../shared/table-input';
import type { RegressionOutput } from '../regression/run';
import type { ClassifierOutput } from '../classifier/run';
import { decisionMetrics, isBinary, type ClassifierMetrics } from '../classifier/evaluation';
import type { PartScores } from '../classifier/spec';
import type { EvaluateOptions } from './schema';
import type { CostCurve, Costs } from '../../lib/ml/cost';
import { runEngineTask } from '../engine/run-task';
import { actualCodes, partCostCurve, rankPart, scoresTable, type PartRanking, type RankingCurves } from './ranking';

export { rankingCurves, type RankingCurves } from './ranking';

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

export interface ClassificationEvaluation extends Judged {
  task: 'classification';
  classes: Label[];
  binary: boolean;
  threshold: number;
  /** True when the threshold is the model cell's (no override here). */
  modelThreshold: boolean;
  actual: Label[];
  metrics: ClassifierMetrics;
  /** Binary: the positive class's curves. Multiclass: one-vs-rest, one per class. */
  curves: { label: Label; curves: RankingCurves }[];
  /** Binary, with a cost given: the cost of the mistakes at every threshold, and at the one in use. */
  cost?: { costs: Costs; curve: CostCurve; current: { falseNegatives: number; falsePositives: number; cost: number } };
}

export type Evaluation = RegressionEvaluation | ClassificationEvaluation;

const PREFERRED: PartName[] = ['test', 'validation', 'train'];

/** What the engine computes for a classifier's part: the curves, and the cost curve when costs are given. */
interface Ranked {
  ranking: PartRanking;
  costCurve?: CostCurve;
}

type Ranker = (scores: PartScores, classes: Label[], costs: Costs | undefined) => Ranked | Promise<Ranked>;

/** The cell's run in this thread, every curve computed here (tests, Node). */
export function runEvaluate(ctx: RunContext<EvaluateOptions>): Evaluation | Waiting {
  return evaluate(ctx, (scores, classes, costs) => ({
    ranking: rankPart(scores, classes),
    costCurve: costs && partCostCurve(scores, classes, costs),
  })) as Evaluation | Waiting;
}

/** The cell's run in the app: the curves through the engine (its worker for a large part), kept for threshold moves. */
export async function runEvaluateCell(ctx: RunContext<EvaluateOptions>): Promise<Evaluation | Waiting> {
  return evaluate(ctx, (scores, classes, costs) => rankInEngine(scores, classes, costs, ctx.signal));
}

function evaluate({ options, inputs }: RunContext<EvaluateOptions>, rank: Ranker): Evaluation | Waiting | Promise<Evaluation> {
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
  const threshold = options.threshold === undefined ? undefined : valueOf(options.threshold);
  const scores = model.scores[part]!;
  actualCodes(scores, model.classes); // refuses labels the model never saw, before any work
  const binaryCosts = isBinary(model.classes) ? costs : undefined;
  const ranked = rank(scores, model.classes, binaryCosts);
  return ranked instanceof Promise
    ? ranked.then((r) => evaluateClassifier(model, judged, threshold, binaryCosts, r))
    : evaluateClassifier(model, judged, threshold, binaryCosts, ranked);
}

// The engine's answers for a part's scores, kept while the model output lives:
// a threshold move re-runs this cell with the same scores and asks for nothing.
const rankings = new WeakMap<PartScores, PartRanking>();
const costCurves = new WeakMap<PartScores, Map<string, CostCurve>>();
const COST_CURVES_KEPT = 8;

async function rankInEngine(scores: PartScores, classes: Label[], costs: Costs | undefined, signal: AbortSignal): Promise<Ranked> {
  const tables = () => ({ scores: scoresTable(scores, classes) });
  let ranking = rankings.get(scores);
  if (!ranking) {
    ranking = await runEngineTask<PartRanking>('evaluate.rank', { classes }, { tables: tables(), signal });
    rankings.set(scores, ranking);
  }
  if (!costs) return { ranking };
  let kept = costCurves.get(scores);
  if (!kept) costCurves.set(scores, (kept = new Map()));
  const key = JSON.stringify(costs);
  let costCurve = kept.get(key);
  if (!costCurve) {
    costCurve = await runEngineTask<CostCurve>('evaluate.cost', { classes, costs }, { tables: tables(), signal });
    if (kept.size >= COST_CURVES_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(key, costCurve);
  }
  return { ranking, costCurve };
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

function evaluateClassifier(model: ClassifierOutput, judged: Judged, override: number | undefined, costs: Costs | undefined, ranked: Ranked): ClassificationEvaluation {
  const { classes } = model;
  const scores = model.scores[judged.part]!;
  const threshold = override ?? model.threshold;
  const metrics = decisionMetrics(actualCodes(scores, classes), scores.byClass, classes, threshold, ranked.ranking.probability);
  let cost: ClassificationEvaluation['cost'];
  if (costs && ranked.costCurve) {
    // Binary: row 1 of the matrix is the positive class, column 1 the rows flagged positive.
    const [[, falsePositives], [falseNegatives]] = metrics.confusion.matrix;
    cost = { costs, curve: ranked.costCurve, current: { falseNegatives, falsePositives, cost: costs.missed * falseNegatives + costs.falseAlarm * falsePositives } };
  }
  const binary = isBinary(classes);
  return { ...judged, task: 'classification', classes, binary, threshold, modelThreshold: override === undefined, actual: scores.actual, metrics, curves: ranked.ranking.curves, cost };
}
