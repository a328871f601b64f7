// One fit per swept value, each scored on its training rows and on held-out
// rows: the work of the sweep cell, done in this thread (small data,
// gradient descent) or in the engine worker (engine/tasks.ts), by the same
// function.
import { takeRows, type Table } from '../../lib/data/table';
import { permutation } from '../../lib/data/random';
import type { FitterRecipe, ModelFitter, Overrides } from '../shared/model';
import { MissingMetricError, nextTask } from '../crossval/judged-model';
import { errorMeasure, type ErrorMeasure } from './error-measure';
import type { SweepPoint } from './run';
import type { SweepParameter } from './schema';

export interface SweepTaskArgs {
  parameter: SweepParameter;
  values: number[];
  seed: number;
  /** The metric the error is read from (see error-measure.ts). */
  metric: string;
}

/** What the engine's sweep task is given besides the tables `train` and `held`. */
export type SweepTaskInput = SweepTaskArgs & { recipe: FitterRecipe };

export async function sweepPoints(
  fitter: ModelFitter,
  { parameter, values, seed, metric }: SweepTaskArgs,
  train: Table,
  held: Table,
  signal: AbortSignal,
  onPoint: (point: SweepPoint) => void,
): Promise<SweepPoint[]> {
  const measure = errorMeasure(metric);
  const trainingRows = trainingRowsFor(parameter, train, seed);
  const points: SweepPoint[] = [];
  for (const value of values) {
    signal.throwIfAborted();
    const point = await scorePoint(fitter, trainingRows(value), held, overridesFor(parameter, value), measure, signal);
    points.push(point);
    onPoint(point);
    await nextTask();
  }
  signal.throwIfAborted();
  return points;
}

/** Numbers touched: one fit on the training rows per value (an estimate that places the task). */
export function sweepWork(values: readonly number[], train: Table): number {
  return values.length * train.rowCount * train.columns.length;
}

/** The training rows for a value: all of them, or for a learning curve the first m of a seeded shuffle. */
function trainingRowsFor(parameter: SweepParameter, train: Table, seed: number): (value: number) => Table {
  if (parameter !== 'trainSize') return () => train;
  const order = permutation(train.rowCount, seed);
  return (m) => takeRows(train, order.subarray(0, m));
}

function overridesFor(parameter: SweepParameter, value: number): Overrides {
  return parameter === 'trainSize' ? {} : { [parameter]: value };
}

async function scorePoint(
  fitter: ModelFitter,
  train: Table,
  held: Table,
  overrides: Overrides,
  measure: ErrorMeasure,
  signal: AbortSignal,
): Promise<SweepPoint> {
  const value = Object.values(overrides)[0] ?? train.rowCount;
  try {
    const fitted = await fitter.fit(train, overrides, signal);
    return { value, train: measure.of(fitted.score(train)), validation: measure.of(fitted.score(held)) };
  } catch (error) {
    // A stop, or a metric the model does not have, ends the sweep; a fit that fails (too few rows for the degree) is one missing point.
    if (signal.aborted || error instanceof MissingMetricError) throw error;
    return { value, train: NaN, validation: NaN, failure: error instanceof Error ? error.message : String(error) };
  }
}
