// The crossval cell: refits a model cell's model on the folds of holdout,
// k-fold and leave-one-out over the same rows, and reports per method the
// fold scores, their mean and sample standard deviation, the number of fits
// and the time taken. The table fills in fold by fold (ctx.partial), and Stop
// aborts between folds.
import { takeRows, type Table } from '../../lib/data/table';
import { valueOf } from '../../lib/notebook/controls';
import { crossValidate, type CrossValidationResult, type FitAndScore, type Scores } from '../../lib/validation';
import type { RunContext } from '../types';
import type { ModelFitter } from '../shared/model';
import type { Waiting } from '../shared/table-input';
import { isWaitingResult, judgedModel, judgedParts, readMetric } from './judged-model';
import { planMethods, type MethodPlan } from './methods';
import type { CrossvalMethod, CrossvalOptions } from './schema';
import { compareMethods } from './summary';

export interface MethodResult {
  method: CrossvalMethod;
  label: string;
  /** Models fitted: one per fold. */
  fits: number;
  /** The reported metric on each fold, in fold order. */
  scores: number[];
  /** Mean and sample std (n − 1) of the reported metric; std is NaN with one fold. */
  mean: number;
  std: number;
  /** Every metric the model reports, averaged over folds. */
  means: Scores;
  /** Rows tested per fold (the first fold's; k-fold's differ by at most one). */
  testSize: number;
  elapsedMs: number;
}

/** A method still running: its folds so far. */
export interface RunningMethod {
  method: CrossvalMethod;
  label: string;
  fits: number;
  scores: number[];
}

export interface CrossvalOutput {
  metric: string;
  task: 'regression' | 'classification';
  /** Rows cross-validated. */
  rows: number;
  /** Column names of those rows (for the stratify picker). */
  columns: string[];
  methods: MethodResult[];
  /** Only in partial results: the method whose folds are being fitted. */
  running?: RunningMethod;
  /** "Leave-one-out fitted 506 models (1.9 s); 5-fold fitted 5 (20 ms)…" */
  comparison: string;
}

export async function runCrossval(ctx: RunContext<CrossvalOptions>): Promise<CrossvalOutput | Waiting> {
  const { options, inputs, signal } = ctx;
  const model = judgedModel(inputs, options.model);
  if (isWaitingResult(model)) return model;
  const parts = judgedParts(model, inputs, options.input);
  if (isWaitingResult(parts)) return parts;
  const table = parts.train;
  const k = valueOf(options.k);
  const plans = planMethods(table, { methods: options.methods, k, test: options.test, seed: options.seed, stratify: options.stratify });
  const metric = options.metric ?? model.fitter.errorMetric;
  const base = { metric, task: model.task, rows: table.rowCount, columns: table.columns.map((c) => c.name) };

  const total = plans.reduce((sum, p) => sum + p.folds.length, 0);
  let done = 0;
  const results: MethodResult[] = [];
  for (const plan of plans) {
    const running: RunningMethod = { method: plan.method, label: plan.label, fits: plan.folds.length, scores: [] };
    const result = await crossValidate(table.rowCount, plan.folds, refitter(model.fitter, table), {
      signal,
      onProgress: ({ last }) => {
        running.scores.push(readMetric(last.scores, metric));
        ctx.progress(++done / total);
        ctx.partial({ ...base, methods: [...results], running: { ...running, scores: [...running.scores] }, comparison: '' });
      },
    });
    results.push(summarise(plan, result, metric));
  }
  return { ...base, methods: results, comparison: compareMethods(results) };
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
