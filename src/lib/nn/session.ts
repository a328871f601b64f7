// A training session for one network (the contract is in types.ts). Its own loop instead of
// model.fit, so that Stop lands between two mini-batches, Pause and Step work on epoch
// boundaries, the batch order and the dropout masks come from our seeded generator, and a slow
// onEpoch listener is awaited instead of piling up.
// Tensor discipline as in ml/gd/trainer.ts: each mini-batch step is one tf.tidy around
// optimizer.minimize; the data tensors, the model, the optimiser and the best-weights snapshot
// are owned by the session and freed by dispose(); reads use `await data()` once per epoch;
// every await is raced with the AbortSignal and WebGL context loss (interruptible), and the
// loop yields to the event loop after every mini-batch.
import * as tf from '@tensorflow/tfjs';
import { ContextLostError, contextLostNow } from '../ml/context-loss';
import { checkGdOptions } from '../ml/gd/check-options';
import { disposeOptimizer, makeOptimizer } from '../ml/gd/optimizers';
import { interruptible } from '../ml/gd/trainer';
import { abortError, isAbortError, yieldToEventLoop } from '../ml/yield';
import { createRng, permutation, type Rng } from '../data/random';
import { accuracy, buildNetwork, checkSpec, dataLoss, forward, outputActivation, penalty, targetTensor, variables, type Network } from './model';
import type {
  CreateSession,
  EpochReport,
  LayerWeights,
  NetworkData,
  NetworkSpec,
  NetworkTrainOptions,
  PointOutputs,
  SessionState,
  TrainingSession,
} from './types';

function checkData(spec: NetworkSpec, data: NetworkData, what: string): void {
  const { X, y, rows } = data;
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`The ${what} rows are empty; the network needs at least one row to ${what === 'training' ? 'learn from' : 'score'}.`);
  if (X.length !== rows * spec.inputs) {
    throw new Error(`The ${what} inputs hold ${X.length} numbers, not ${rows} rows × ${spec.inputs} inputs; the input width and the spec disagree.`);
  }
  if (y.length !== rows) throw new Error(`The ${what} rows have ${y.length} targets for ${rows} rows.`);
  const badX = X.findIndex((v) => !Number.isFinite(v));
  if (badX >= 0) throw new Error(`The ${what} inputs hold a missing or infinite value (row ${Math.floor(badX / spec.inputs) + 1}); impute or drop it first.`);
  for (let i = 0; i < rows; i++) {
    const t = y[i];
    const ok = spec.task === 'regression' ? Number.isFinite(t) : Number.isInteger(t) && t >= 0 && t < (spec.task === 'binary' ? 2 : spec.outputs);
    if (!ok) {
      const want = spec.task === 'regression' ? 'a finite value' : spec.task === 'binary' ? '0 or 1' : `a class index from 0 to ${spec.outputs - 1}`;
      throw new Error(`The ${what} target of row ${i + 1} is ${t}; it must be ${want}.`);
    }
  }
}

interface DataTensors {
  X: tf.Tensor2D;
  T: tf.Tensor2D;
  rows: number;
}

function toTensors(spec: NetworkSpec, data: NetworkData): DataTensors {
  return { X: tf.tensor2d(data.X, [data.rows, spec.inputs]), T: targetTensor(spec.task, data.y, spec.outputs), rows: data.rows };
}

function disposedError(): Error {
  return new Error('This network was disposed (its cell re-ran or was reset); train a new one.');
}

class NetworkSession implements TrainingSession {
  state: SessionState = 'ready';
  epoch = 0;
  history: EpochReport[] = [];
  readonly backend = tf.getBackend();
  error: Error | null = null;

  private readonly net: Network;
  private readonly optimizer: tf.Optimizer;
  private readonly train: DataTensors;
  private readonly validation: DataTensors | null;
  private readonly batchSize: number;
  /** Batch order, and the seeds of the dropout masks (one per step). */
  private readonly order: Rng;
  private readonly masks: Rng;
  private best: { loss: number; weights: tf.Tensor[] } | null = null;
  private sinceBest = 0;
  private pauseRequested = false;
  private stopRequested = false;
  private disposed = false;
  private readonly onAbort = () => this.dispose();

  constructor(
    private readonly spec: NetworkSpec,
    private readonly options: NetworkTrainOptions,
    train: NetworkData,
    validation: NetworkData | null,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.net = buildNetwork(spec);
    this.optimizer = makeOptimizer(options.optimizer, options.learningRate);
    this.train = toTensors(spec, train);
    this.validation = validation ? toTensors(spec, validation) : null;
    this.batchSize = options.batchSize === 'full' ? train.rows : Math.min(train.rows, options.batchSize);
    this.order = createRng(spec.seed);
    this.masks = createRng((spec.seed ^ 0x5bd1e995) >>> 0);
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  async run(onEpoch?: (report: EpochReport) => void | Promise<void>): Promise<SessionState> {
    this.begin();
    if (this.state === 'stopped' || this.state === 'failed' || this.state === 'finished') return this.state;
    this.state = 'running';
    this.pauseRequested = false;
    const interruptions = interruptible(this.signal);
    try {
      while (this.epoch < this.options.epochs) {
        const outcome = await this.trainEpoch(interruptions.settle);
        if (!outcome) return (this.state = 'stopped');
        if (onEpoch) await interruptions.settle(Promise.resolve(onEpoch(outcome.report)));
        if (this.stopRequested) return (this.state = 'stopped');
        if (outcome.patienceRanOut) {
          this.restoreBest();
          return (this.state = 'finished');
        }
        if (this.pauseRequested) return (this.state = 'paused');
      }
      return (this.state = 'finished');
    } catch (error) {
      return this.fail(error);
    } finally {
      interruptions.release();
    }
  }

  pause(): void {
    if (this.state === 'running') this.pauseRequested = true;
  }

  async step(): Promise<EpochReport> {
    this.begin();
    if (this.state === 'stopped' || this.state === 'failed') throw new Error(`The training ${this.state === 'failed' ? 'failed' : 'was stopped'}; reset to train again.`);
    this.state = 'running';
    const interruptions = interruptible(this.signal);
    try {
      // A step ignores early stopping (it trains exactly one epoch); run() applies it.
      const outcome = await this.trainEpoch(interruptions.settle);
      if (!outcome) {
        this.state = 'stopped';
        throw abortError(this.signal);
      }
      this.state = this.epoch >= this.options.epochs ? 'finished' : 'paused';
      return outcome.report;
    } catch (error) {
      if (this.state !== 'stopped') this.fail(error);
      throw this.error ?? error;
    } finally {
      interruptions.release();
    }
  }

  stop(): void {
    if (this.state === 'running') this.stopRequested = true;
  }

  async weights(): Promise<LayerWeights[]> {
    if (this.disposed) throw disposedError();
    // Clones share the variables' storage, so the reads survive a dispose() meanwhile.
    const copies = tf.tidy(() => variables(this.net).map((v) => v.clone()));
    try {
      const values = await Promise.all(copies.map((t) => t.data() as Promise<Float32Array>));
      const widths = [this.spec.inputs, ...this.spec.hidden.map((h) => h.units), this.spec.outputs];
      return widths.slice(1).map((units, i) => ({
        inputs: widths[i],
        units,
        kernel: values[2 * i],
        bias: values[2 * i + 1],
        activation: i < this.spec.hidden.length ? this.spec.hidden[i].activation : 'output',
      }));
    } finally {
      copies.forEach((t) => t.dispose());
    }
  }

  async predict(X: Float32Array, rows: number, units = false): Promise<PointOutputs> {
    if (this.disposed) throw disposedError();
    if (X.length !== rows * this.spec.inputs) throw new Error(`predict: ${X.length} numbers are not ${rows} rows × ${this.spec.inputs} inputs.`);
    // One forward pass; hidden outputs are transposed on the device so each unit's values are contiguous.
    const outs = tf.tidy(() => {
      const hidden: tf.Tensor2D[] = [];
      const scores = forward(this.net, tf.tensor2d(X, [rows, this.spec.inputs]), undefined, units ? hidden : undefined);
      return [outputActivation(this.spec.task, scores), ...hidden.map((h) => tf.transpose(h))];
    });
    try {
      const [output, ...layers] = await Promise.all(outs.map((t) => t.data() as Promise<Float32Array>));
      return {
        output,
        units: layers.map((values, l) => Array.from({ length: this.spec.hidden[l].units }, (_, u) => values.subarray(u * rows, (u + 1) * rows))),
      };
    } finally {
      outs.forEach((t) => t.dispose());
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stopRequested = true;
    if (this.state !== 'finished' && this.state !== 'failed') this.state = 'stopped';
    this.signal?.removeEventListener('abort', this.onAbort);
    this.net.model.dispose();
    disposeOptimizer(this.optimizer);
    for (const data of [this.train, this.validation]) {
      data?.X.dispose();
      data?.T.dispose();
    }
    this.best?.weights.forEach((t) => t.dispose());
    this.best = null;
  }

  /** Refuses a disposed session and a second concurrent run or step. */
  private begin(): void {
    if (this.disposed) throw disposedError();
    if (this.state === 'running') throw new Error('The network is already training; pause or stop it first.');
  }

  private fail(error: unknown): SessionState {
    if (isAbortError(error) || this.disposed) return (this.state = 'stopped');
    this.error = contextLostNow() ? new ContextLostError() : error instanceof Error ? error : new Error(String(error));
    return (this.state = 'failed');
  }

  /**
   * One epoch of mini-batch steps, then the losses in inference mode. Null when stopped
   * between two batches. Throws when the loss is not finite.
   */
  private async trainEpoch(settle: <T>(p: Promise<T>) => Promise<T>): Promise<{ report: EpochReport; patienceRanOut: boolean } | null> {
    const { X, T, rows } = this.train;
    const size = this.batchSize;
    const order = size < rows ? permutation(rows, this.order) : null;
    const vars = variables(this.net);
    for (let start = 0; start < rows; start += size) {
      if (this.stopRequested) return null;
      const dropoutSeed = this.masks.nextUint32();
      tf.tidy(() => {
        let xb = X;
        let tb = T;
        if (order) {
          const idx = tf.tensor1d(order.subarray(start, Math.min(rows, start + size)), 'int32');
          xb = tf.gather(X, idx);
          tb = tf.gather(T, idx);
        }
        this.optimizer.minimize(
          () => {
            const loss = dataLoss(this.spec.task, forward(this.net, xb, dropoutSeed), tb);
            const extra = penalty(this.net);
            return extra ? tf.add(loss, extra) : loss;
          },
          false,
          vars,
        );
      });
      await settle(yieldToEventLoop());
    }
    if (this.stopRequested) return null;

    const report = await this.evaluate(settle);
    if (!report) return null;
    this.epoch++;
    const epochReport: EpochReport = { epoch: this.epoch, ...report };
    this.history.push(epochReport);
    if (!Number.isFinite(report.trainLoss)) {
      throw new Error(`Training diverged at epoch ${this.epoch} (the loss became ${report.trainLoss}); lower the learning rate or the penalties and train again.`);
    }
    return { report: epochReport, patienceRanOut: this.trackBest(report.validationLoss) };
  }

  /** Losses and accuracies on all training and validation rows, without dropout, in one read. */
  private async evaluate(settle: <T>(p: Promise<T>) => Promise<T>): Promise<Omit<EpochReport, 'epoch'> | null> {
    const task = this.spec.task;
    const parts = [this.train, this.validation].filter((d): d is DataTensors => d !== null);
    const packed = tf.tidy(() =>
      tf.stack(
        parts.flatMap(({ X, T }) => {
          const scores = forward(this.net, X);
          return [dataLoss(task, scores, T), accuracy(task, scores, T) ?? tf.scalar(NaN)];
        }),
      ),
    );
    let v: Float32Array;
    try {
      v = (await settle(packed.data())) as Float32Array;
    } finally {
      packed.dispose();
    }
    if (this.disposed) return null;
    const acc = (x: number) => (task === 'regression' ? null : x);
    return {
      trainLoss: v[0],
      trainAccuracy: acc(v[1]),
      validationLoss: this.validation ? v[2] : null,
      validationAccuracy: this.validation ? acc(v[3]) : null,
    };
  }

  /** Keeps a copy of the weights at the lowest validation loss; true when patience has run out. */
  private trackBest(validationLoss: number | null): boolean {
    const patience = this.options.patience;
    if (patience === undefined || validationLoss === null) return false;
    if (!this.best || validationLoss < this.best.loss) {
      this.best?.weights.forEach((t) => t.dispose());
      this.best = { loss: validationLoss, weights: variables(this.net).map((v) => tf.clone(v)) };
      this.sinceBest = 0;
      return false;
    }
    return ++this.sinceBest >= patience;
  }

  private restoreBest(): void {
    if (!this.best) return;
    const best = this.best.weights;
    variables(this.net).forEach((v, i) => v.assign(best[i]));
  }
}

export const createSession: CreateSession = async (spec, options, train, validation, signal) => {
  checkSpec(spec);
  checkGdOptions({
    optimizer: options.optimizer,
    learningRate: options.learningRate,
    batchSize: options.batchSize,
    epochs: options.epochs,
    earlyStopping: options.patience === undefined ? undefined : { patience: options.patience },
  });
  checkData(spec, train, 'training');
  if (validation) checkData(spec, validation, 'validation');
  if (signal?.aborted) throw abortError(signal);
  await tf.ready();
  return new NetworkSession(spec, options, train, validation, signal);
};
