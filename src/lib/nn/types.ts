// The contract between the neural-network engine (lib/nn, TensorFlow.js
// tf.layers, no DOM) and the network cell (cells/network). The engine owns
// the model, its training loop and every tensor; the cell only passes plain
// typed arrays in and reads plain typed arrays out, so no tensor ever
// outlives a call into the engine.
import type { OptimizerName } from '../ml/gd/optimizers';

export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'linear';
export const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'sigmoid', 'linear'];

/**
 * binary: one sigmoid output, log loss; multiclass: softmax over `outputs`
 * classes, log loss; regression: one linear output, mean squared error.
 */
export type NetworkTask = 'binary' | 'multiclass' | 'regression';

export const MAX_HIDDEN_LAYERS = 6;
export const MAX_UNITS = 128;

export interface HiddenLayer {
  /** 1 to MAX_UNITS. */
  units: number;
  activation: Activation;
  /** Penalties on this layer's kernel (not its bias), added to the training loss as tf.regularizers do. */
  l1: number;
  l2: number;
  /** Fraction of this layer's outputs dropped while training (0 to < 1). */
  dropout: number;
}

export interface NetworkSpec {
  task: NetworkTask;
  /** Width of the input rows (features after crosses). */
  inputs: number;
  /** 1 for binary and regression; the number of classes for multiclass. */
  outputs: number;
  /** 0 to MAX_HIDDEN_LAYERS layers; none is logistic (softmax, linear) regression. */
  hidden: HiddenLayer[];
  /** Penalties on the output layer's kernel. */
  outputL1: number;
  outputL2: number;
  /** Seeds the initial weights, the dropout masks and the batch order: same seed, same backend, same run. */
  seed: number;
}

export interface NetworkTrainOptions {
  optimizer: OptimizerName;
  learningRate: number;
  /** Rows per step; 'full' is batch gradient descent. */
  batchSize: number | 'full';
  /** Epoch budget of a run (Step trains one more, past the budget if asked). */
  epochs: number;
  /** Early stopping: epochs without a lower validation loss before stopping; the best weights are put back. */
  patience?: number;
}

/**
 * Rows the network trains or predicts on: row-major inputs (already crossed and
 * standardised by the cell) and targets: 0/1 (binary), the class index
 * (multiclass) or the value (regression, standardised by the cell).
 */
export interface NetworkData {
  X: Float32Array;
  y: Float32Array;
  rows: number;
}

export interface EpochReport {
  epoch: number;
  /** Data loss (log loss or MSE), without penalties, on all training rows, in inference mode (no dropout). */
  trainLoss: number;
  validationLoss: number | null;
  /** Accuracy for classification, null for regression. */
  trainAccuracy: number | null;
  validationAccuracy: number | null;
}

/** One dense layer's weights: kernel row-major [inputs × units], one bias per unit. */
export interface LayerWeights {
  inputs: number;
  units: number;
  kernel: Float32Array;
  bias: Float32Array;
  /** The hidden layer's activation, or 'output' for the last layer. */
  activation: Activation | 'output';
}

/**
 * The network's output over a set of points (a grid over the input plane for
 * the boundary plot), and each hidden unit's activation there (the unit
 * thumbnails): units[layer][unit][point].
 */
export interface PointOutputs {
  /** Row-major [rows × outputs]: probability of class 1 (binary), class probabilities (multiclass) or the value (regression). */
  output: Float32Array;
  units: Float32Array[][];
}

/**
 * ready: built, not trained; running: inside run() or step(); paused: pause()
 * took effect at an epoch's end; stopped: stop() or the signal ended it;
 * finished: the epoch budget or early stopping ended it; failed: an error
 * (divergence, WebGL context loss) ended it, see `error`.
 */
export type SessionState = 'ready' | 'running' | 'paused' | 'stopped' | 'finished' | 'failed';

export interface TrainingSession {
  readonly state: SessionState;
  /** Epochs trained so far. */
  readonly epoch: number;
  readonly history: readonly EpochReport[];
  /** The TensorFlow.js backend the model lives on ('webgl', 'wasm', 'cpu'). */
  readonly backend: string;
  readonly error: Error | null;
  /**
   * Trains epoch after epoch until the budget, early stopping, pause() or
   * stop(); calls onEpoch after each epoch (awaited: a slow listener slows
   * training rather than piling up). Resolves with the state it ended in.
   * Calling it again after a pause resumes.
   */
  run(onEpoch?: (report: EpochReport) => void | Promise<void>): Promise<SessionState>;
  /** Ends run() after the current epoch, with state 'paused'. */
  pause(): void;
  /** Trains exactly one epoch (when ready, paused or finished) and resolves with its report. */
  step(): Promise<EpochReport>;
  /** Ends run() or step() between two mini-batches (within one epoch), with state 'stopped'. */
  stop(): void;
  /** The current weights of every layer, input side first. */
  weights(): Promise<LayerWeights[]>;
  /** Inference-mode outputs (and hidden activations when `units` is true) for row-major points of width spec.inputs. */
  predict(X: Float32Array, rows: number, units?: boolean): Promise<PointOutputs>;
  /** Frees the model, the optimiser and every tensor the session holds. Safe to call twice, and while running (it stops first). */
  dispose(): void;
}

/**
 * What lib/nn/session.ts exports as `createSession`: builds the model on the
 * current backend (the cell awaits backendReady() first) and returns a session
 * in state 'ready'. An aborted `signal` stops a run and disposes the session.
 * Bad specs (0 units, 7 layers, dropout 1, inputs/rows mismatch) throw an Error
 * with a sentence a learner can act on.
 */
export type CreateSession = (
  spec: NetworkSpec,
  options: NetworkTrainOptions,
  train: NetworkData,
  validation: NetworkData | null,
  signal?: AbortSignal,
) => Promise<TrainingSession>;
