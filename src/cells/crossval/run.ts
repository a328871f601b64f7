// The crossval cell: refits a model cell's model on the folds of holdout,
// k-fold and leave-one-out over the same rows, and reports per method the
// fold scores, their mean and sample standard deviation, the number of fits
// and the time taken. The table fills in fold by fold (ctx.partial), and Stop
// aborts between folds.
import { valueOf } from '../../lib/notebook/controls';
import type { Scores } from '../../lib/validation';
import type { RunContext } from '../types';
import type { Waiting } from '../shared/table-input';
import { runEngineTask } from '../engine/run-task';
import { isWaitingResult, judgedModel, judgedParts } from './judged-model';
import { planMethods } from './methods';
import { foldWork, validateMethods, type CrossvalProgress, type CrossvalTaskArgs } from './validate';
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
  const planOptions = { methods: options.methods, k, test: options.test, seed: options.seed, stratify: options.stratify };
  const plans = planMethods(table, planOptions);
  const metric = options.metric ?? model.fitter.errorMetric;
  const base = { metric, task: model.task, rows: table.rowCount, columns: table.columns.map((c) => c.name) };

  const total = plans.reduce((sum, p) => sum + p.folds.length, 0);
  let done = 0;
  let finished = false;
  const results: MethodResult[] = [];
  let running: RunningMethod | undefined;
  const onProgress = (update: CrossvalProgress) => {
    // Progress from the worker travels on its own channel and may trail the result.
    if (finished) return;
    if (update.type === 'method') {
      results.push(update.result);
      running = undefined;
      return;
    }
    const plan = plans[update.plan];
    running ??= { method: plan.method, label: plan.label, fits: plan.folds.length, scores: [] };
    running.scores.push(update.score);
    ctx.progress(++done / total);
    ctx.partial({ ...base, methods: [...results], running: { ...running, scores: [...running.scores] }, comparison: '' });
  };
  const { recipe } = model.fitter;
  const methods = recipe
    ? await runEngineTask<MethodResult[], CrossvalProgress>(
        'crossval',
        { recipe, plan: planOptions, metric } satisfies CrossvalTaskArgs,
        { tables: { data: table }, signal, onProgress, work: foldWork(plans, table) },
      )
    : await validateMethods(table, model.fitter, plans, metric, signal, onProgress);
  finished = true;
  return { ...base, methods, comparison: compareMethods(methods) };
}
