// The folds of every planned method, fitted and scored in turn: the work of
// the crossval cell, done in this thread (small data, gradient descent) or
// in the engine worker (engine/tasks.ts), by the same function.
import { takeRows, type Table } from '../../lib/data/table';
import { crossValidate, type CrossValidationResult, type FitAndScore } from '../../lib/validation';
import type { FitterRecipe, ModelFitter } from '../shared/model';
import { readMetric } from './judged-model';
import type { MethodPlan, PlanOptions } from './methods';
import type { MethodResult } from './run';

/** A fold scored (`plan` indexes the plans), or a method finished. */
export type CrossvalProgress = { type: 'fold'; plan: number; score: number } | { type: 'method'; result: MethodResult };

/** What the engine's crossval task is given besides the table (named `data`). */
export interface CrossvalTaskArgs {
  recipe: FitterRecipe;
  plan: PlanOptions;
  metric: string;
}

export async function validateMethods(
  table: Table,
  fitter: ModelFitter,
  plans: readonly MethodPlan[],
  metric: string,
  signal: AbortSignal,
  onProgress: (update: CrossvalProgress) => void,
): Promise<MethodResult[]> {
  const results: MethodResult[] = [];
  for (const [index, plan] of plans.entries()) {
    const result = await crossValidate(table.rowCount, plan.folds, refitter(fitter, table), {
      signal,
      onProgress: ({ last }) => onProgress({ type: 'fold', plan: index, score: readMetric(last.scores, metric) }),
    });
    const summary = summarise(plan, result, metric);
    results.push(summary);
    onProgress({ type: 'method', result: summary });
  }
  return results;
}

/** Numbers touched: every fold refits on its training rows (an estimate that places the task, not a cost model). */
export function foldWork(plans: readonly MethodPlan[], table: Table): number {
  return plans.reduce((sum, plan) => sum + plan.folds.length * table.rowCount * table.columns.length, 0);
}

/** Fits the model on a fold's training rows and scores it on its test rows. */
function refitter(fitter: ModelFitter, table: Table): FitAndScore {
  return async (train, test, signal) => {
    const model = await fitter.fit(takeRows(table, train), {}, signal);
    return model.score(takeRows(table, test));
  };
}

function summarise(plan: MethodPlan, result: CrossValidationResult, metric: string): MethodResult {
  return {
    method: plan.method,
    label: plan.label,
    fits: result.folds.length,
    scores: result.folds.map((f) => readMetric(f.scores, metric)),
    mean: readMetric(result.mean, metric),
    std: result.std[metric],
    means: result.mean,
    testSize: result.folds[0].testSize,
    elapsedMs: result.elapsedMs,
  };
}
