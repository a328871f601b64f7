// The network cell's run: prepares the inputs, builds the network on the
// chosen TensorFlow.js backend and trains it for its epoch budget while the
// view watches (the trainer is published as a partial result at once). The
// trainer outlives the run, so Pause/Resume/Step/Reset work afterwards; a new
// run of the same cell, an aborted run and the view's removal dispose it.
import { valueOf } from '../../lib/notebook/controls';
import type { NetworkSpec, NetworkTask, NetworkTrainOptions } from '../../lib/nn/types';
import type { RunContext } from '../types';
import { backendReady } from '../shared/backend-ready';
import { featureColumnNames, isGapsInColumns, modelParts, type DroppedRows, type GapsInColumns } from '../shared/model-inputs';
import { partsFrom, type DataParts, type PartName } from '../shared/parts';
import type { ColumnChoice, Waiting } from '../shared/table-input';
import { labelColumnNames } from '../classifier/run';
import { probeFor } from './figures';
import type { NetworkMetrics } from './metrics';
import { inputWidth, networkInputs, type NetworkInputs } from './prepare';
import type { NetworkOptions } from './schema';
import { NetworkTrainer, type TrainerState } from './trainer';

export interface NetworkOutput {
  task: NetworkTask;
  inputs: NetworkInputs;
  spec: NetworkSpec;
  training: NetworkTrainOptions;
  parts: DataParts;
  trainer: NetworkTrainer;
  /** What this run's training came to, recorded when it halted. */
  result: { state: TrainerState; epochs: number; backend: string; metrics: Partial<Record<PartName, NetworkMetrics>>; error?: string };
  numeric: string[];
  labelColumns: string[];
  dropped?: DroppedRows;
}

/** While the run trains, the view watches the trainer. */
export interface NetworkPartial {
  trainer: NetworkTrainer;
}

export interface NetworkGaps extends GapsInColumns {
  labelColumns: string[];
}

/** The engine's spec for these options and inputs. */
export function specOf(options: NetworkOptions, inputs: NetworkInputs): NetworkSpec {
  return {
    task: inputs.task,
    inputs: inputWidth(inputs.features.length, inputs.crosses),
    outputs: inputs.task === 'multiclass' ? inputs.classes.length : 1,
    hidden: options.hidden.map((l) => ({ units: l.units, activation: l.activation, l1: l.l1, l2: l.l2, dropout: l.dropout })),
    outputL1: options.outputL1,
    outputL2: options.outputL2,
    seed: options.seed,
  };
}

export function trainOptionsOf(options: NetworkOptions, hasValidation: boolean): NetworkTrainOptions {
  const batch = valueOf(options.batchSize);
  return {
    optimizer: options.optimizer,
    learningRate: valueOf(options.learningRate),
    batchSize: batch > 0 ? batch : 'full',
    epochs: valueOf(options.epochs),
    ...(options.patience && hasValidation ? { patience: options.patience } : {}),
  };
}

/** The trainer each cell holds now, by cell id: a new run disposes the old one. */
const live = new Map<string, NetworkTrainer>();

/** Disposes the cell's trainer (the view calls it when the cell leaves the page). */
export function releaseTrainer(id: string, trainer: NetworkTrainer): void {
  trainer.dispose();
  if (live.get(id) === trainer) live.delete(id);
}

export async function runNetworkCell(ctx: RunContext<NetworkOptions>): Promise<NetworkOutput | ColumnChoice | Waiting | NetworkGaps> {
  const { options, inputs: given, signal } = ctx;
  live.get(ctx.id)?.dispose();
  live.delete(ctx.id);
  const ready = modelParts(given, options.input, options, undefined, options.missing);
  if ('instead' in ready) {
    const instead = ready.instead;
    return isGapsInColumns(instead) ? { ...instead, labelColumns: labelColumnNames(partsFrom(given[options.input], options.input).train) } : instead;
  }
  const { parts, dropped } = ready;
  const inputs = networkInputs(options, parts);
  const spec = specOf(options, inputs);
  const training = trainOptionsOf(options, inputs.data.validation !== undefined);
  await backendReady();
  const { createSession } = await import('../../lib/nn/session');
  signal.throwIfAborted();
  const trainer = await NetworkTrainer.create({ spec, options: training, inputs, probe: probeFor(inputs, parts.train), create: createSession });
  live.set(ctx.id, trainer);
  const abandon = () => releaseTrainer(ctx.id, trainer);
  signal.addEventListener('abort', abandon);
  if (signal.aborted) abandon();
  ctx.partial({ trainer } satisfies NetworkPartial);
  const state = await trainer.train((report) => ctx.progress(Math.min(1, report.epoch / training.epochs)));
  signal.removeEventListener('abort', abandon);
  signal.throwIfAborted();
  const { snapshot } = trainer;
  return {
    task: inputs.task,
    inputs,
    spec,
    training,
    parts,
    trainer,
    result: { state, epochs: snapshot.epoch, backend: snapshot.backend, metrics: snapshot.metrics, error: snapshot.error },
    numeric: featureColumnNames(parts.train),
    labelColumns: labelColumnNames(parts.train),
    dropped,
  };
}
