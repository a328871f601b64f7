// Gradient descent from a model cell's options: the TensorFlow.js training
// options, and live progress (progress bar and loss history) for the view.
import type { EpochProgress, GdOptions, TrainingSummary } from '../../lib/ml/gd/trainer';
import { valueOf, type Tunable } from '../../lib/notebook/controls';
import type { RunContext } from '../types';
import { backendReady } from './backend-ready';

/** What a model cell publishes while it trains, and keeps when done. */
export interface TrainingProgress {
  history: EpochProgress[];
  epochs: number;
}

/** The solver options as every model cell's schema has them (shared/solver-options.ts). */
export interface SolverOptions {
  optimizer: NonNullable<GdOptions['optimizer']>;
  learningRate: Tunable;
  batchSize: Tunable;
  epochs: Tunable;
  patience?: number;
}

/** Rough number of loss reads per run: reading every epoch of a 5,000-epoch run would slow it for nothing. */
const EVALUATIONS = 400;

/**
 * Training options for the engine's gradient-descent fits, reporting each
 * evaluation to the run's progress bar and, as a partial result, the loss
 * history the view draws while training.
 */
export async function trainingOptions(
  options: SolverOptions,
  ctx: Pick<RunContext<unknown>, 'signal' | 'progress' | 'partial'>,
  hasValidation: boolean,
): Promise<GdOptions> {
  await backendReady();
  const epochs = valueOf(options.epochs);
  const batchSize = valueOf(options.batchSize);
  const live: TrainingProgress = { history: [], epochs };
  return {
    optimizer: options.optimizer,
    learningRate: valueOf(options.learningRate),
    batchSize: batchSize > 0 ? batchSize : 'full',
    epochs,
    evaluateEvery: Math.max(1, Math.floor(epochs / EVALUATIONS)),
    earlyStopping: options.patience && hasValidation ? { patience: options.patience } : undefined,
    signal: ctx.signal,
    onEpoch(progress) {
      live.history.push(progress);
      ctx.progress(progress.epoch / progress.epochs);
      ctx.partial({ ...live });
    },
  };
}

/** The loss curves of a history, as arrays by epoch read. */
export function lossSeries(progress: TrainingProgress): { epochs: number[]; train: number[]; validation?: number[] } {
  const { history } = progress;
  const hasValidation = history.some((h) => h.validationLoss !== null);
  return {
    epochs: history.map((h) => h.epoch),
    train: history.map((h) => h.trainLoss),
    validation: hasValidation ? history.map((h) => h.validationLoss ?? NaN) : undefined,
  };
}

/** Gradient descent counts as converged when its training loss is within this fraction of the exact solution's. */
export const CONVERGED_WITHIN = 0.01;

/**
 * "Not converged yet: …" when the returned weights' training loss is more than 1 % above the
 * exact solution's (the floor gradient descent approaches), else undefined.
 */
export function convergenceNote(
  done: Pick<TrainingSummary, 'history' | 'bestEpoch' | 'stoppedEarly'>,
  exactLoss: number | undefined,
): string | undefined {
  // Early stopping keeps the best validation weights on purpose: their training loss is meant to stay above the floor.
  if (done.stoppedEarly || exactLoss === undefined || !(exactLoss > 0) || done.history.length === 0) return undefined;
  const kept = done.history.find((h) => h.epoch === done.bestEpoch) ?? done.history[done.history.length - 1];
  const gap = (kept.trainLoss - exactLoss) / exactLoss;
  if (!(gap > CONVERGED_WITHIN)) return undefined;
  const percent = Math.round(gap * 100).toLocaleString('en');
  return (
    `Not converged yet: the training loss is ${percent} % above the exact solution's. ` +
    'More epochs or a larger learning rate would bring it closer; the exact solver reaches the minimum directly.'
  );
}
