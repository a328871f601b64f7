// Hyperparameter search: grid (every combination), random (points drawn on
// each parameter's scale) and Bayesian optimisation (a Gaussian process over
// the scores so far picks the point of highest expected improvement). Each
// trial is scored by `evaluate` (k-fold cross-validation in the search cell);
// lower scores are better. With early stopping, a trial whose running mean
// after a fold is worse than the median of earlier trials' running means at
// the same fold stops there (the rule SageMaker's automatic model tuning uses).
import { createRng } from '../data/random';
import { medianSorted } from '../data/prepare/quantile';
import { expectedImprovement, fitGaussianProcess } from './gaussian-process';
import { gridPoints, randomPoint, samePoint, toUnit, type ParameterRange, type Point } from './space';

export type SearchMethod = 'grid' | 'random' | 'bayesian';

export interface Trial {
  point: Point;
  /** One score per fold fitted. */
  scores: number[];
  mean: number;
  std: number;
  stoppedEarly: boolean;
  elapsedMs: number;
}

/** Scores one point fold by fold; `keepGoing(runningMean, foldsDone)` false stops it early. */
export type Evaluate = (point: Point, keepGoing: (runningMean: number, folds: number) => boolean) => Promise<number[]>;

export interface SearchOptions {
  method: SearchMethod;
  params: ParameterRange[];
  /** Trials for random and Bayesian search (grid search tries every combination). */
  budget: number;
  seed: number;
  earlyStop: boolean;
  evaluate: Evaluate;
  onTrial?(trials: Trial[]): void;
  signal?: AbortSignal;
}

const INITIAL_RANDOM = 3;
const CANDIDATES = 800;

export async function search(options: SearchOptions): Promise<Trial[]> {
  const rng = createRng(options.seed);
  const trials: Trial[] = [];
  const planned = options.method === 'grid' ? gridPoints(options.params) : [];
  const count = options.method === 'grid' ? planned.length : options.budget;
  for (let t = 0; t < count; t++) {
    options.signal?.throwIfAborted();
    const point = options.method === 'grid' ? planned[t] : nextPoint(options, trials, rng);
    const finished = trials.filter((x) => !x.stoppedEarly);
    const keepGoing = (running: number, folds: number) => {
      if (!options.earlyStop || finished.length < 3) return true;
      const earlier = finished.map((x) => x.scores.slice(0, folds).reduce((s, v) => s + v, 0) / folds);
      return running <= medianSorted(earlier.sort((a, b) => a - b));
    };
    const started = performance.now();
    const scores = await options.evaluate(point, keepGoing);
    const mean = scores.reduce((s, v) => s + v, 0) / scores.length;
    const std = Math.sqrt(scores.reduce((s, v) => s + (v - mean) ** 2, 0) / scores.length);
    const full = trials.length === 0 ? scores.length : Math.max(...trials.map((x) => x.scores.length), scores.length);
    trials.push({ point, scores, mean, std, stoppedEarly: scores.length < full, elapsedMs: performance.now() - started });
    options.onTrial?.(trials);
  }
  return trials;
}

function nextPoint(options: SearchOptions, trials: Trial[], rng: ReturnType<typeof createRng>): Point {
  const fresh = () => {
    for (let tries = 0; tries < 50; tries++) {
      const p = randomPoint(options.params, rng);
      if (!trials.some((t) => samePoint(t.point, p))) return p;
    }
    return randomPoint(options.params, rng);
  };
  if (options.method === 'random' || trials.length < INITIAL_RANDOM) return fresh();
  // Trials stopped early count with their partial mean: they are what tells the model a region is poor.
  const gp = fitGaussianProcess(
    trials.map((t) => toUnit(options.params, t.point)),
    trials.map((t) => t.mean),
  );
  const complete = trials.filter((t) => !t.stoppedEarly);
  const best = Math.min(...(complete.length ? complete : trials).map((t) => t.mean));
  let choice = fresh();
  let top = -Infinity;
  for (let c = 0; c < CANDIDATES; c++) {
    const p = randomPoint(options.params, rng);
    if (trials.some((t) => samePoint(t.point, p))) continue;
    const ei = expectedImprovement(gp.predict(toUnit(options.params, p)), best);
    if (ei > top) {
      top = ei;
      choice = p;
    }
  }
  return choice;
}
