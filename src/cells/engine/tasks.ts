// The engine's task table: the heavy work of the model, evaluate, crossval, sweep and
// prepare cells, by name. Each task calls the same functions the cells call
// in-process, so a result is the same wherever it was computed; the cells
// reach these through runEngineTask (run-task.ts), the worker through
// engine.worker.ts. Nothing here may touch the DOM.
import { applyPipeline, fitAndApplyPipeline, type FittedPipeline, type Pipeline } from '../../lib/data/prepare';
import { summarise, type ColumnSummary } from '../../lib/data/summary';
import type { Task } from '../../lib/worker/protocol';
import { classifierFitter, describeParts, labelColumnNames, type ClassifierFitResult, type PartDescriptions } from '../classifier/run';
import { fitClassifierSpec, type ClassifierSpec } from '../classifier/spec';
import type { LogisticModel } from '../../lib/ml/logistic';
import { planMethods } from '../crossval/methods';
import { validateMethods, type CrossvalProgress, type CrossvalTaskArgs } from '../crossval/validate';
import type { MethodResult } from '../crossval/run';
import { referToSource, type PreparedTable } from '../prepare/source-columns';
import { measureRegression, regressionFitter, type RegressionFitResult } from '../regression/run';
import { featureColumnNames } from '../shared/model-inputs';
import type { DataParts } from '../shared/parts';
import { fitRegressionSpec, type RegressionSpec } from '../regression/spec';
import type { FitterRecipe, ModelFitter } from '../shared/model';
import { costTask, rankTask } from '../evaluate/ranking';
import { sweepPoints, type SweepTaskInput } from '../sweep/points';
import type { SweepPoint } from '../sweep/run';

/** The fitter a model cell would give, rebuilt from its plain description. */
export function fitterFromRecipe(recipe: FitterRecipe): ModelFitter {
  return recipe.task === 'regression' ? regressionFitter(recipe.spec) : classifierFitter(recipe.spec, recipe.threshold);
}

const regressionFit: Task<{ spec: RegressionSpec }, RegressionFitResult> = ({ spec }, parts) => {
  const fit = fitRegressionSpec(spec, parts.train);
  return { fit, ...measureRegression(fit.model, spec, parts as unknown as DataParts), numeric: featureColumnNames(parts.train) };
};

const classifierFit: Task<{ spec: ClassifierSpec }, ClassifierFitResult> = ({ spec }, { train }) => ({
  fit: fitClassifierSpec(spec, train),
  numeric: featureColumnNames(train),
  labelColumns: labelColumnNames(train),
});

const classifierDescribe: Task<{ model: LogisticModel; spec: ClassifierSpec; threshold: number }, PartDescriptions> = ({ model, spec, threshold }, parts) =>
  describeParts(model, spec, parts, threshold);

const crossval: Task<CrossvalTaskArgs, Promise<MethodResult[]>, CrossvalProgress> = ({ recipe, plan, metric }, { data }, ctx) =>
  validateMethods(data, fitterFromRecipe(recipe), planMethods(data, plan), metric, ctx.signal, ctx.progress);

const sweep: Task<SweepTaskInput, Promise<SweepPoint[]>, SweepPoint> = ({ recipe, ...args }, { train, held }, ctx) =>
  sweepPoints(fitterFromRecipe(recipe), args, train, held, ctx.signal, ctx.progress);

// The prepared table's summaries come with it: the form's pickers and a new cell's starter
// options read them, and summarising a million rows on the page takes ~250 ms.
const prepare: Task<{ pipeline: Pipeline }, PreparedTable> = ({ pipeline }, { source }) => {
  const { table, reports, fitted } = fitAndApplyPipeline(source, pipeline);
  return { table: referToSource(table, source), reports, fitted, summaries: summarise(table) };
};

/** Steps fitted on one table (a split's training part) applied, unchanged, to another (a held-out part). */
const prepareApply: Task<{ fitted: FittedPipeline }, Omit<PreparedTable, 'fitted' | 'summaries'>> = ({ fitted }, { source }) => {
  const { table, reports } = applyPipeline(source, fitted);
  return { table: referToSource(table, source), reports };
};

/** A table's column summaries (lib/data/summary.ts), for a table made on the page (a split's training part). */
const summariseTask: Task<Record<string, never>, ColumnSummary[]> = (_, { table }) => summarise(table);

export const engineTasks = {
  'regression.fit': regressionFit,
  'classifier.fit': classifierFit,
  'classifier.describe': classifierDescribe,
  'evaluate.rank': rankTask,
  'evaluate.cost': costTask,
  crossval,
  sweep,
  prepare,
  'prepare.apply': prepareApply,
  summarise: summariseTask,
};
