// Runs a fit-and-score function on every fold and summarises the scores.
// The function is given row indices only, so it decides how to build its
// training data (and can fit a preparation pipeline on the training rows
// alone). Between folds the runner yields to the event loop, so a page stays
// responsive and a Stop button's abort is seen before the next fold starts.

import { iterateFolds, type FoldSequence } from './folds';

export type Scores = Record<string, number>;

export type FitAndScore = (train: Int32Array, test: Int32Array, signal: AbortSignal | undefined) => Promise<number | Scores>;

export interface FoldScore {
  /** 0-based fold number. */
  fold: number;
  trainSize: number;
  testSize: number;
  /** A plain number returned by fitAndScore is stored as { score: x }. */
  scores: Scores;
  elapsedMs: number;
}

export interface CrossValidationProgress {
  done: number;
  total: number;
  last: FoldScore;
}

export interface CrossValidationResult {
  folds: FoldScore[];
  /** Mean of each score over folds. */
  mean: Scores;
  /** Sample standard deviation (n − 1) of each score over folds; NaN with a single fold. */
  std: Scores;
  elapsedMs: number;
}

export interface CrossValidateOptions {
  signal?: AbortSignal;
  onProgress?: (progress: CrossValidationProgress) => void;
}

export async function crossValidate(
  n: number,
  folds: FoldSequence,
  fitAndScore: FitAndScore,
  options: CrossValidateOptions = {},
): Promise<CrossValidationResult> {
  const { signal, onProgress } = options;
  if (folds.length === 0) throw new Error('Cross-validation: there are no folds to run.');
  const started = performance.now();
  const results: FoldScore[] = [];
  for (const fold of iterateFolds(folds)) {
    signal?.throwIfAborted();
    checkIndices(n, fold.train, results.length, 'training');
    checkIndices(n, fold.test, results.length, 'test');
    const t0 = performance.now();
    const raw = await fitAndScore(fold.train, fold.test, signal);
    const scores = typeof raw === 'number' ? { score: raw } : { ...raw };
    if (results.length > 0) requireSameKeys(results[0].scores, scores, results.length);
    const result: FoldScore = { fold: results.length, trainSize: fold.train.length, testSize: fold.test.length, scores, elapsedMs: performance.now() - t0 };
    results.push(result);
    onProgress?.({ done: results.length, total: folds.length, last: result });
    await yieldToEventLoop();
  }
  signal?.throwIfAborted();
  const keys = Object.keys(results[0].scores);
  const mean: Scores = {};
  const std: Scores = {};
  for (const key of keys) {
    const values = results.map((r) => r.scores[key]);
    mean[key] = values.reduce((a, b) => a + b, 0) / values.length;
    std[key] = sampleStd(values, mean[key]);
  }
  return { folds: results, mean, std, elapsedMs: performance.now() - started };
}

function sampleStd(values: number[], mean: number): number {
  if (values.length < 2) return NaN;
  return Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / (values.length - 1));
}

function checkIndices(n: number, indices: Int32Array, fold: number, part: string): void {
  for (const i of indices) {
    if (i < 0 || i >= n) throw new Error(`Cross-validation: fold ${fold + 1} has ${part} row ${i}, but the table has rows 0 to ${n - 1}.`);
  }
}

function requireSameKeys(first: Scores, scores: Scores, fold: number): void {
  const a = Object.keys(first).sort().join(', ');
  const b = Object.keys(scores).sort().join(', ');
  if (a !== b) throw new Error(`Cross-validation: fold ${fold + 1} returned the scores {${b}}, but fold 1 returned {${a}}.`);
}

/** A macrotask boundary: lets rendering, input and abort handlers run. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
