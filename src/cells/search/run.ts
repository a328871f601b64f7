// The search cell tunes a model cell's hyperparameters (degree, penalty
// strength) by grid, random or Bayesian search (lib/tuning), scoring every
// setting by k-fold cross-validation on the same folds.
import { takeRows } from '../../lib/data/table';
import { valueOf } from '../../lib/notebook/controls';
import { search, type Trial } from '../../lib/tuning/search';
import type { ParameterRange } from '../../lib/tuning/space';
import { kFold } from '../../lib/validation';
import type { RunContext } from '../types';
import { judgedModel, judgedParts, isWaitingResult } from '../crossval/judged-model';
import { errorMeasure } from '../sweep/error-measure';
import type { Waiting } from '../shared/table-input';
import type { SearchOptions } from './schema';

export interface SearchOutput {
  method: SearchOptions['method'];
  params: ParameterRange[];
  trials: Trial[];
  /** Index of the trial with the lowest mean score among those not stopped early. */
  best: number;
  errorName: string;
  k: number;
  /** Model fits in all (early stops make fewer than trials × k). */
  fits: number;
  elapsedMs: number;
  /** The folds, as row lists of the cross-validated table (for a reference check). */
  folds: { train: Int32Array; test: Int32Array }[];
  rows: number;
}

export async function runSearch(ctx: RunContext<SearchOptions>): Promise<SearchOutput | Waiting> {
  const { options, inputs, signal } = ctx;
  const model = judgedModel(inputs, options.model);
  if (isWaitingResult(model)) return model;
  const parts = judgedParts(model, inputs, options.input);
  if (isWaitingResult(parts)) return parts;
  const params = parameters(options, model as unknown as { spec?: { penalty?: string } });
  const table = parts.train;
  const k = valueOf(options.k);
  if (table.rowCount < k) throw new Error(`${k}-fold cross-validation needs at least ${k} rows; the data has ${table.rowCount}.`);
  const folds = kFold(table.rowCount, k, { shuffle: true, seed: options.seed });
  const measure = errorMeasure(options.metric ?? model.fitter.errorMetric);
  const started = performance.now();
  const method = options.method;
  const total = method === 'grid' ? undefined : valueOf(options.budget);
  const trials = await search({
    method,
    params,
    budget: valueOf(options.budget),
    seed: options.seed,
    earlyStop: options.earlyStop,
    signal,
    evaluate: async (point, keepGoing) => {
      const scores: number[] = [];
      for (const fold of folds) {
        signal.throwIfAborted();
        const fitted = await model.fitter.fit(takeRows(table, fold.train), point, signal);
        scores.push(measure.of(fitted.score(takeRows(table, fold.test))));
        if (!keepGoing(scores.reduce((s, v) => s + v, 0) / scores.length, scores.length)) break;
        await new Promise((resolve) => setTimeout(resolve, 0)); // let the page breathe between fits
      }
      return scores;
    },
    onTrial: (done) => {
      if (total) ctx.progress(done.length / total);
      ctx.partial({ ...summary(done), params, method, errorName: measure.name, k, folds: [], rows: table.rowCount });
    },
  });
  return { ...summary(trials), method, params, errorName: measure.name, k, folds, rows: table.rowCount, elapsedMs: performance.now() - started };

  function summary(done: Trial[]) {
    let best = -1;
    done.forEach((t, i) => {
      if (!t.stoppedEarly && (best < 0 || t.mean < done[best].mean)) best = i;
    });
    return { trials: done, best, fits: done.reduce((s, t) => s + t.scores.length, 0), elapsedMs: performance.now() - started };
  }
}

function parameters(options: SearchOptions, model: { spec?: { penalty?: string } }): ParameterRange[] {
  const steps = valueOf(options.steps);
  const params: ParameterRange[] = [];
  if (options.degree && model.spec && !('degree' in model.spec)) throw new Error(`The model cell '${options.model}' has no polynomial degree to tune; tune alpha instead.`);
  if (options.degree) params.push({ name: 'degree', min: Math.max(1, Math.round(options.degree.from)), max: Math.round(options.degree.to), scale: 'linear', integer: true, steps });
  if (options.alpha) {
    if (options.alpha.from <= 0) throw new Error('The penalty strengths are searched on a log scale: alpha.from must be above 0.');
    if (model.spec?.penalty === 'none') throw new Error(`The model cell '${options.model}' has no penalty, so α changes nothing: set its penalty to L2 or L1 first.`);
    params.push({ name: 'alpha', min: options.alpha.from, max: options.alpha.to, scale: 'log', integer: false, steps });
  }
  if (params.length === 0) throw new Error('Say what to tune: give degree: {from, to} and/or alpha: {from, to}.');
  return params;
}
