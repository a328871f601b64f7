// What model cells (regression, classifier) give the cells that judge them
// (evaluate, crossval, sweep): the fitted model's results on each part, and
// a way to fit the same model again on other rows, optionally with one
// hyperparameter changed.
import type { Table } from '../../lib/data/table';
import type { DataParts } from './parts';
import type { RegressionSpec } from '../regression/spec';
import type { ClassifierSpec } from '../classifier/spec';

/** Hyperparameters a sweep may vary. */
export interface Overrides {
  degree?: number;
  alpha?: number;
  epochs?: number;
  /** A search may also try another penalty (a choice option). */
  penalty?: 'none' | 'l2' | 'l1';
}

/** A fitted model that can be scored on any table with the right columns. */
export interface TrainedModel {
  /** Metric name → value on `table`; lower-is-better metrics are named in `ModelFitter.errorMetric`. */
  score(table: Table): Record<string, number>;
}

/**
 * A fitter described by plain values, so that the engine worker can build the
 * same fitter (engine/tasks.ts) and run cross-validation or a sweep there.
 * Exact fits only: gradient descent trains on the page's TensorFlow.js backend.
 */
export type FitterRecipe = { task: 'regression'; spec: RegressionSpec } | { task: 'classification'; spec: ClassifierSpec; threshold: number };

export interface ModelFitter {
  task: 'regression' | 'classification';
  /** Present when the fitter can be rebuilt from plain values (and so run in the engine worker). */
  recipe?: FitterRecipe;
  /** The metric a sweep or cross-validation reports by default (e.g. 'MSE', 'Log loss'). */
  errorMetric: string;
  /** Fits the model (as configured in its cell, with `overrides`) on `train`. */
  fit(train: Table, overrides?: Overrides, signal?: AbortSignal): Promise<TrainedModel> | TrainedModel;
}

/** The common part of every model cell's output. */
export interface ModelOutput {
  task: 'regression' | 'classification';
  parts: DataParts;
  fitter: ModelFitter;
}

export function isModelOutput(value: unknown): value is ModelOutput {
  const v = value as Partial<ModelOutput> | undefined;
  return (v?.task === 'regression' || v?.task === 'classification') && typeof v.fitter?.fit === 'function';
}
