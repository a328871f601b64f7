// The evaluate cell's heavy part: what a classifier's scores give at every
// threshold at once (ROC and precision–recall curves, AUC, log loss, the cost
// curve). Each is a sort of the part's rows, about a second for a million, so
// the cell asks the engine for them (tasks `evaluate.rank` and `evaluate.cost`,
// in its worker for large parts) and keeps the answer: a threshold move only
// re-counts the decisions (classifier/evaluation.ts `decisionMetrics`), a pass.
//
// The scores travel as a table of their own: one numeric column of
// probabilities per class and the true labels as class codes, so the worker is
// sent a million rows once, as columns, and cost-slider moves name it by id.
import type { Column, NumericColumn, Table } from '../../lib/data/table';
import type { Label } from '../../lib/ml/labels';
import { averagePrecisionOf, logLossByClass, precisionRecallCurve, rocAuc, rocCurve, type PrecisionRecallCurve, type RocCurve } from '../../lib/ml/metrics';
import { costCurve, type CostCurve, type Costs } from '../../lib/ml/cost';
import { curveIndices, pickPoints } from '../../lib/ml/curve-points';
import type { Task } from '../../lib/worker/protocol';
import type { PartScores } from '../classifier/spec';
import { isBinary, labelCodes, probabilityMetrics, type ProbabilityMetrics } from '../classifier/evaluation';

export interface RankingCurves {
  /** Drawn points (at most MAX_CURVE_POINTS of them); the AUC is of the whole curve. */
  roc: RocCurve;
  auc: number;
  /** Drawn points; the average precision is of the whole curve. */
  precisionRecall: PrecisionRecallCurve;
  averagePrecision: number;
  /** Share of rows in the positive class: the precision of guessing. */
  prevalence: number;
}

/** What the scores of one part give at every threshold. */
export interface PartRanking {
  /** Log loss and AUC, for the metrics table. */
  probability: ProbabilityMetrics;
  /** Binary: the positive class's curves. Multiclass: one-vs-rest, one per class present. */
  curves: { label: Label; curves: RankingCurves }[];
}

/** One class's curves against the rest, thinned for drawing after their areas are taken. */
export function rankingCurves(actual: readonly Label[], scores: ArrayLike<number>, positive: Label): RankingCurves {
  let positives = 0;
  for (const label of actual) if (label === positive) positives++;
  const roc = rocCurve(actual, scores, { posLabel: positive });
  const pr = precisionRecallCurve(actual, scores, positive);
  const rocKept = curveIndices(roc.fpr.length);
  const prKept = curveIndices(pr.precision.length);
  return {
    roc: { fpr: pickPoints(roc.fpr, rocKept), tpr: pickPoints(roc.tpr, rocKept), thresholds: pickPoints(roc.thresholds, rocKept) },
    auc: rocAuc(actual, scores, positive),
    // precision and recall have one point more than thresholds (the final (recall 0, precision 1)).
    precisionRecall: {
      precision: pickPoints(pr.precision, prKept),
      recall: pickPoints(pr.recall, prKept),
      thresholds: pickPoints(pr.thresholds, prKept.filter((i) => i < pr.thresholds.length)),
    },
    averagePrecision: averagePrecisionOf(pr),
    prevalence: positives / actual.length,
  };
}

/** The curves of a part and its probability metrics. */
export function rankPart(scores: PartScores, classes: Label[]): PartRanking {
  const binary = isBinary(classes);
  const present = new Set(scores.actual);
  // A curve needs rows of both kinds: classes missing from the part get none.
  const curveClasses = (binary ? [classes[1]] : classes).filter((c) => present.has(c) && present.size > 1);
  const curves = curveClasses.map((label) => ({ label, curves: rankingCurves(scores.actual, scores.byClass[classes.indexOf(label)], label) }));
  // Binary: the metrics table's AUC is the positive class's curve's (the same sort, not done twice).
  const probability = binary && curves.length ? { logLoss: logLossByClass(scores.actual, scores.byClass, classes), auc: curves[0].curves.auc } : probabilityMetrics(scores, classes);
  return { probability, curves };
}

/** A binary part's cost at every threshold, thinned for drawing; `best` is found on the whole curve and kept. */
export function partCostCurve(scores: PartScores, classes: Label[], costs: Costs): CostCurve {
  const full = costCurve(scores.actual, scores.byClass[1], classes[1], costs);
  const kept = curveIndices(full.thresholds.length, undefined, [full.best]);
  return {
    thresholds: pickPoints(full.thresholds, kept),
    falseNegatives: pickPoints(full.falseNegatives, kept),
    falsePositives: pickPoints(full.falsePositives, kept),
    cost: pickPoints(full.cost, kept),
    best: kept.indexOf(full.best),
  };
}

const ACTUAL = 'actual';
const classColumn = (k: number) => `class ${k}`;

// A part's true labels are coded, and its scores turned into a table, once: a threshold
// move counts decisions against the same codes, and the worker is sent (and keeps) the same table.
const codesOf = new WeakMap<PartScores, Float64Array>();
const tables = new WeakMap<PartScores, Table>();

/** The part's true labels as codes into `classes` (labels the model never saw are refused, by name). */
export function actualCodes(scores: PartScores, classes: Label[]): Float64Array {
  let codes = scores.codes ?? codesOf.get(scores);
  if (!codes) codesOf.set(scores, (codes = labelCodes(scores.actual, classes)));
  return codes;
}

/** The scores as a table: one probability column per class, and the true labels as codes into `classes`. */
export function scoresTable(scores: PartScores, classes: Label[]): Table {
  let table = tables.get(scores);
  if (!table) {
    const codes = actualCodes(scores, classes);
    const columns: Column[] = scores.byClass.map((values, k): NumericColumn => ({ name: classColumn(k), type: 'numeric', values }));
    columns.push({ name: ACTUAL, type: 'numeric', values: codes });
    tables.set(scores, (table = { columns, rowCount: codes.length }));
  }
  return table;
}

/** The scores back from their table (in the worker, or in the page for small parts). */
export function scoresOf(table: Table, classes: Label[]): PartScores {
  const numeric = (name: string) => {
    const column = table.columns.find((c) => c.name === name);
    if (!column || !(column.values instanceof Float64Array)) throw new Error(`The scores table has no numeric column '${name}'.`);
    return column.values;
  };
  return {
    actual: Array.from(numeric(ACTUAL), (code) => classes[code]),
    byClass: classes.map((_, k) => numeric(classColumn(k))),
  };
}

export const rankTask: Task<{ classes: Label[] }, PartRanking> = ({ classes }, { scores }) => rankPart(scoresOf(scores, classes), classes);

export const costTask: Task<{ classes: Label[]; costs: Costs }, CostCurve> = ({ classes, costs }, { scores }) =>
  partCostCurve(scoresOf(scores, classes), classes, costs);
