// One network cell's training, kept alive after the cell's run so the reader
// can Pause, Resume, Step, Stop and Reset it. It owns the engine's session
// (and through it every tensor): a new run of the cell, the cell's removal
// and a notebook switch dispose it. Listeners hear of each change; the
// pictures (probe outputs, unit activations, weights) are refreshed at most
// once per animation frame while training, and the metrics when it halts.
import type { CreateSession, EpochReport, LayerWeights, NetworkSpec, NetworkTrainOptions, SessionState, TrainingSession } from '../../lib/nn/types';
import type { PartName } from '../shared/parts';
import { partMetrics, type NetworkMetrics } from './metrics';
import { PARTS, type NetworkInputs } from './prepare';
import type { Probe } from './figures';

export type TrainerState = SessionState | 'disposed';

export interface Snapshot {
  state: TrainerState;
  epoch: number;
  history: readonly EpochReport[];
  backend: string;
  /** The network's outputs on the probe points, and each hidden unit's there (for the pictures). */
  output?: Float32Array;
  units?: Float32Array[][];
  weights?: LayerWeights[];
  /** Metrics per part, as of the last time training halted. */
  metrics: Partial<Record<PartName, NetworkMetrics>>;
  /** A sentence when training failed. */
  error?: string;
  /** Redraws of the pictures so far (tests count them). */
  draws: number;
}

export interface TrainerSetup {
  spec: NetworkSpec;
  options: NetworkTrainOptions;
  inputs: NetworkInputs;
  probe: Probe | undefined;
  create: CreateSession;
  /** Resolves at the next animation frame (the browser's), or soon (Node). */
  frame?: () => Promise<void>;
}

export const PICTURE_INTERVAL_MS = 150;

const defaultFrame = (): Promise<void> =>
  new Promise((resolve) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => resolve()) : setTimeout(resolve, 16)));

function sentence(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class NetworkTrainer {
  private session: TrainingSession | undefined;
  private listeners = new Set<(snapshot: Snapshot) => void>();
  private frameDue = true;
  private disposed = false;
  snapshot: Snapshot = { state: 'ready', epoch: 0, history: [], backend: '', metrics: {}, draws: 0 };

  private constructor(readonly setup: TrainerSetup) {}

  /** Builds the network (state 'ready') and draws its untrained pictures. */
  static async create(setup: TrainerSetup): Promise<NetworkTrainer> {
    const trainer = new NetworkTrainer(setup);
    await trainer.build();
    return trainer;
  }

  get state(): TrainerState {
    return this.snapshot.state;
  }

  subscribe(listener: (snapshot: Snapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish(change: Partial<Snapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener(this.snapshot);
  }

  private async build(): Promise<void> {
    const { spec, options, inputs, create } = this.setup;
    this.session = await create(spec, options, inputs.data.train!, inputs.data.validation ?? null);
    this.disposed = false;
    this.publish({ state: 'ready', epoch: 0, history: [], backend: this.session.backend, metrics: {}, error: undefined, output: undefined, units: undefined, weights: undefined });
    await this.refreshPictures();
  }

  /** Trains from where it is (a paused run resumes) until the budget, early stopping, Pause or Stop. */
  async train(onEpoch?: (report: EpochReport) => void): Promise<TrainerState> {
    const session = this.session;
    if (!session || this.disposed) return this.state;
    if (session.state === 'running') return 'running';
    this.publish({ state: 'running', error: undefined });
    try {
      await session.run(async (report) => {
        onEpoch?.(report);
        this.publish({ epoch: session.epoch, history: [...session.history] });
        if (this.frameDue) {
          this.frameDue = false;
          await this.refreshPictures();
          // The next picture after the next animation frame, and not sooner than PICTURE_INTERVAL_MS:
          // on a slow machine the pictures must not eat the time training needs.
          const ready = performance.now() + PICTURE_INTERVAL_MS;
          void (this.setup.frame ?? defaultFrame)().then(() => setTimeout(() => (this.frameDue = true), Math.max(0, ready - performance.now())));
        }
      });
    } catch (error) {
      return this.halted(error);
    }
    return this.halted(session.error ?? undefined);
  }

  /** Trains exactly one epoch. */
  async step(): Promise<TrainerState> {
    const session = this.session;
    if (!session || this.disposed || session.state === 'running') return this.state;
    this.publish({ state: 'running', error: undefined });
    try {
      await session.step();
    } catch (error) {
      return this.halted(error);
    }
    this.publish({ epoch: session.epoch, history: [...session.history] });
    return this.halted(session.error ?? undefined);
  }

  pause(): void {
    this.session?.pause();
  }

  stop(): void {
    this.session?.stop();
  }

  /** A fresh network with new initial weights from the same seed: epoch 0 again. */
  async reset(): Promise<void> {
    this.session?.dispose();
    this.session = undefined;
    try {
      await this.build();
    } catch (error) {
      this.publish({ state: 'failed', error: sentence(error) });
    }
  }

  /** Frees the session and every tensor it holds. Safe to call twice and while training. */
  dispose(): void {
    this.disposed = true;
    this.session?.dispose();
    this.session = undefined;
    if (this.state !== 'disposed') this.publish({ state: 'disposed' });
  }

  private async halted(error: unknown): Promise<TrainerState> {
    const session = this.session;
    if (!session || this.disposed) return this.state;
    if (error !== undefined) {
      this.publish({ state: 'failed', error: sentence(error), epoch: session.epoch, history: [...session.history] });
      return 'failed';
    }
    await this.refreshPictures();
    await this.measure();
    if (!this.disposed) this.publish({ state: session.state, epoch: session.epoch, history: [...session.history] });
    return this.state;
  }

  /** The network's outputs on the probe points and its weights, for the pictures. */
  private async refreshPictures(): Promise<void> {
    const session = this.session;
    if (!session || this.disposed) return;
    const { probe } = this.setup;
    const weights = await session.weights();
    // Unit activations are drawn as thumbnails over the plane of two features only.
    const outputs = probe ? await session.predict(probe.X, probe.rows, probe.ys !== undefined) : undefined;
    if (this.disposed) return;
    this.publish({ weights, output: outputs?.output, units: outputs?.units, draws: this.snapshot.draws + 1 });
  }

  /** Metrics on every part, from the current weights. */
  private async measure(): Promise<void> {
    const session = this.session;
    if (!session || this.disposed) return;
    const { inputs } = this.setup;
    const metrics: Snapshot['metrics'] = {};
    for (const part of PARTS) {
      const data = inputs.data[part];
      if (!data) continue;
      const { output } = await session.predict(data.X, data.rows);
      if (this.disposed) return;
      metrics[part] = partMetrics(inputs, inputs.actual[part]!, output);
    }
    this.publish({ metrics });
  }
}
