// The gradient-descent loop shared by linear and logistic models, on TensorFlow.js.
// Model: Z = X W + b on standardised features X (n x p), W (p x B), b (B).
// Objective: dataLoss(Z, T) + (l2/2) ||W / s||^2 + l1 ||W / s||_1, where s is each
// feature's scale, so the penalty falls on the raw-unit coefficients exactly as in the
// exact solvers and the two solutions can be compared.
// Rules (DESIGN.md 3-4): every step in tf.tidy, losses read with `await data()` only at
// evaluations, a yield to the event loop after each, AbortSignal checked every step,
// and everything disposed in `finally`, on success, error or abort alike.
// Every await is raced with Stop and with WebGL context loss (context-loss.ts): a
// read from a lost context never resolves, and a run must never hang on one.
import * as tf from '@tensorflow/tfjs';
import { ContextLostError, contextLoss, contextLostNow } from '../context-loss';
import { disposeOptimizer, makeOptimizer, type OptimizerName } from './optimizers';
import { createRng, permutation } from '../../data/random';
import { abortError, isAbortError, yieldToEventLoop } from '../yield';

export interface EpochProgress {
  epoch: number;
  epochs: number;
  /** Data loss on the training set (MSE, or mean log loss), without the penalty. */
  trainLoss: number;
  validationLoss: number | null;
}

export interface EarlyStopping {
  /** Evaluations without improvement of the validation loss before stopping. */
  patience: number;
  /** Improvement smaller than this does not count (default 0). */
  minDelta?: number;
  /** Put back the weights of the best evaluation (default true). */
  restoreBest?: boolean;
}

export interface GdOptions {
  optimizer?: OptimizerName;
  learningRate?: number;
  /** Momentum coefficient for 'momentum' (default 0.9). */
  momentum?: number;
  /** Rows per step; 'full' (default) is plain batch gradient descent. */
  batchSize?: number | 'full';
  epochs?: number;
  l1?: number;
  l2?: number;
  /** Hold out this fraction of rows (seeded) for validation, unless `validation` is given. */
  validationFraction?: number;
  earlyStopping?: EarlyStopping;
  /** Read losses every this many epochs (default 1); fewer reads train faster. */
  evaluateEvery?: number;
  signal?: AbortSignal;
  onEpoch?: (progress: EpochProgress) => void | Promise<void>;
  /** Seed of the mini-batch shuffles and the validation split. */
  seed?: number;
}

export interface TrainingSummary {
  history: EpochProgress[];
  epochsRun: number;
  stoppedEarly: boolean;
  /** Epoch whose weights are returned. */
  bestEpoch: number;
  backend: string;
}

/** Arrays the trainer consumes: standardised row-major features and targets. */
export interface TrainingData {
  X: Float32Array;
  T: Float32Array;
  /** Row weights (class weights), or null. */
  w: Float32Array | null;
  rows: number;
}

export interface TrainSpec {
  features: number;
  outputs: number;
  train: TrainingData;
  validation: TrainingData | null;
  /** 1 / scale of each feature (the penalty weights). */
  inverseScale: Float32Array;
  initialBias: Float32Array;
  fitIntercept: boolean;
  /** Mean loss used for the gradient (weighted when w is given). */
  objectiveLoss: (z: tf.Tensor2D, t: tf.Tensor2D, w: tf.Tensor1D | null) => tf.Scalar;
  /** Loss reported to the user (unweighted). */
  reportedLoss: (z: tf.Tensor2D, t: tf.Tensor2D) => tf.Scalar;
}

export interface TrainResult extends TrainingSummary {
  W: Float32Array;
  b: Float32Array;
}

/** Weighted mean of per-row losses. */
export function weightedMean(perRow: tf.Tensor1D, w: tf.Tensor1D | null): tf.Scalar {
  return (w ? tf.mean(tf.mul(perRow, w)) : tf.mean(perRow)) as tf.Scalar;
}

export async function train(spec: TrainSpec, options: GdOptions): Promise<TrainResult> {
  const epochs = options.epochs ?? 100;
  const evaluateEvery = Math.max(1, Math.floor(options.evaluateEvery ?? 1));
  const l1 = options.l1 ?? 0;
  const l2 = options.l2 ?? 0;
  const n = spec.train.rows;
  const p = spec.features;
  const B = spec.outputs;
  const batchSize = options.batchSize === 'full' || options.batchSize === undefined ? n : Math.max(1, Math.min(n, Math.floor(options.batchSize)));
  const random = createRng(options.seed ?? 1);
  const signal = options.signal;
  if (signal?.aborted) throw abortError(signal);

  const owned: tf.Tensor[] = [];
  const own = <T extends tf.Tensor>(t: T): T => {
    owned.push(t);
    return t;
  };
  let optimizer: tf.Optimizer | null = null;
  let best: { W: tf.Tensor2D; b: tf.Tensor1D } | null = null;
  const interruptions = interruptible(signal);
  const settle = interruptions.settle;
  try {
    const X = own(tf.tensor2d(spec.train.X, [n, p]));
    const T = own(tf.tensor2d(spec.train.T, [n, B]));
    const w = spec.train.w ? own(tf.tensor1d(spec.train.w)) : null;
    const val = spec.validation;
    const Xv = val ? own(tf.tensor2d(val.X, [val.rows, p])) : null;
    const Tv = val ? own(tf.tensor2d(val.T, [val.rows, B])) : null;
    // Created in tidy: the initial values are freed, the variables (never tracked by tidy) kept.
    const W = own(tf.tidy(() => tf.variable(tf.zeros([p, B]) as tf.Tensor2D, true)));
    const b = own(tf.tidy(() => tf.variable(tf.tensor1d(spec.initialBias), spec.fitIntercept)));
    const inv = own(tf.tensor2d(spec.inverseScale, [p, 1]));
    optimizer = makeOptimizer(options.optimizer ?? 'adam', options.learningRate ?? 0.01, options.momentum);
    const trainable = spec.fitIntercept ? [W, b] : [W];

    const scores = (x: tf.Tensor) => tf.add(tf.matMul(x as tf.Tensor2D, W), b) as tf.Tensor2D;
    const objective = (x: tf.Tensor, t: tf.Tensor, wt: tf.Tensor | null): tf.Scalar => {
      let loss = spec.objectiveLoss(scores(x), t as tf.Tensor2D, wt as tf.Tensor1D | null);
      if (l2 > 0 || l1 > 0) {
        const scaled = tf.mul(W, inv);
        if (l2 > 0) loss = tf.add(loss, tf.mul(0.5 * l2, tf.sum(tf.square(scaled))));
        if (l1 > 0) loss = tf.add(loss, tf.mul(l1, tf.sum(tf.abs(scaled))));
      }
      return loss as tf.Scalar;
    };

    const history: EpochProgress[] = [];
    const patience = options.earlyStopping?.patience;
    const minDelta = options.earlyStopping?.minDelta ?? 0;
    const restoreBest = options.earlyStopping?.restoreBest ?? true;
    let bestLoss = Infinity;
    let bestEpoch = 0;
    let sinceBest = 0;
    let stoppedEarly = false;
    let epoch = 0;

    for (epoch = 1; epoch <= epochs; epoch++) {
      // Mini-batches: one seeded shuffle per epoch; each batch gathers its own rows. (Gathering
      // the whole table once per epoch and slicing it costs far more: a 1M-row gather takes ~2 s
      // on the cpu backend, and the wasm backend copies on every slice.)
      const order = batchSize < n ? permutation(n, random) : null;
      let steps = 0;
      for (let start = 0; start < n; start += batchSize) {
        if (signal?.aborted) throw abortError(signal);
        const size = Math.min(batchSize, n - start);
        tf.tidy(() => {
          let xb: tf.Tensor = X;
          let tb: tf.Tensor = T;
          let wb: tf.Tensor | null = w;
          if (order) {
            const idx = tf.tensor1d(order.subarray(start, start + size), 'int32');
            xb = tf.gather(X, idx);
            tb = tf.gather(T, idx);
            wb = w ? tf.gather(w, idx) : null;
          }
          optimizer!.minimize(() => objective(xb, tb, wb), false, trainable);
        });
        // Long epochs (small batches on big data) still let the page breathe.
        if (++steps % 64 === 0) await settle(yieldToEventLoop());
      }

      if (epoch % evaluateEvery !== 0 && epoch !== epochs) continue;
      const [trainLossT, valLossT] = tf.tidy(() => [
        spec.reportedLoss(scores(X), T),
        ...(Xv && Tv ? [spec.reportedLoss(scores(Xv), Tv as tf.Tensor2D)] : []),
      ]);
      let trainLoss: number;
      let validationLoss: number | null = null;
      try {
        trainLoss = (await settle(trainLossT.data()))[0];
        if (valLossT) validationLoss = (await settle(valLossT.data()))[0];
      } finally {
        trainLossT.dispose();
        valLossT?.dispose();
      }
      const progress: EpochProgress = { epoch, epochs, trainLoss, validationLoss };
      history.push(progress);
      if (options.onEpoch) await settle(Promise.resolve(options.onEpoch(progress)));
      if (!Number.isFinite(trainLoss)) throw new Error(`Training diverged at epoch ${epoch} (loss ${trainLoss}); lower the learning rate.`);

      const monitored = validationLoss ?? trainLoss;
      if (monitored < bestLoss - minDelta) {
        bestLoss = monitored;
        bestEpoch = epoch;
        sinceBest = 0;
        if (patience !== undefined && restoreBest) {
          best?.W.dispose();
          best?.b.dispose();
          best = { W: tf.clone(W) as tf.Tensor2D, b: tf.clone(b) as tf.Tensor1D };
        }
      } else {
        sinceBest++;
      }
      await settle(yieldToEventLoop());
      if (patience !== undefined && sinceBest >= patience) {
        stoppedEarly = true;
        break;
      }
    }
    if (best && restoreBest && patience !== undefined) {
      W.assign(best.W);
      b.assign(best.b);
    } else {
      bestEpoch = Math.min(epoch, epochs);
    }
    const [Wd, bd] = await settle(Promise.all([W.data(), b.data()]));
    return {
      W: Float32Array.from(Wd),
      b: Float32Array.from(bd),
      history,
      epochsRun: Math.min(epoch, epochs),
      stoppedEarly,
      bestEpoch,
      backend: tf.getBackend(),
    };
  } catch (error) {
    throw !isAbortError(error) && contextLostNow() ? new ContextLostError() : error;
  } finally {
    interruptions.release();
    best?.W.dispose();
    best?.b.dispose();
    if (optimizer) disposeOptimizer(optimizer);
    owned.forEach((t) => t.dispose());
  }
}

/**
 * `settle(p)` is `p`, unless the run is stopped or the WebGL context is lost first:
 * then it rejects at once (AbortError or ContextLostError), whether or not `p` ever
 * settles. `release` detaches the listeners when the run ends.
 */
export function interruptible(signal: AbortSignal | undefined): { settle: <T>(p: Promise<T>) => Promise<T>; release: () => void } {
  const loss = contextLoss();
  let onAbort = () => undefined as void;
  const stopped = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortError(signal));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  stopped.catch(() => undefined);
  return {
    settle: (p) => Promise.race([p, loss.promise, stopped]),
    release: () => {
      loss.release();
      signal?.removeEventListener('abort', onAbort);
    },
  };
}
