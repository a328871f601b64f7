// The sweep cell: refits a model cell's model once per value of one
// hyperparameter (or training-set size) and scores each fit on its training
// rows and on held-out rows. The curve draws point by point (ctx.partial);
// Stop aborts between values.
import { takeRows, type Table } from '../../lib/data/table';
import { permutation } from '../../lib/data/random';
import { bestIndex } from '../../lib/plot/validation-curve';
import type { RunContext } from '../types';
import type { ModelFitter, Overrides } from '../shared/model';
import type { Waiting } from '../shared/table-input';
import { isWaitingResult, judgedModel, judgedParts, MissingMetricError, nextTask } from '../crossval/judged-model';
import { sweepData } from './data';
import { errorMeasure, type ErrorMeasure } from './error-measure';
import { degreeMultiples, type Multiples } from './multiples';
import { describeCurve } from './regimes';
import type { SweepOptions, SweepParameter } from './schema';
import { PARAMETER_NAMES, sweepValues } from './values';

export interface SweepPoint {
  value: number;
  /** Error on the rows it was fitted on; NaN when the fit failed. */
  train: number;
  /** Error on the held-out rows; NaN when the fit failed. */
  validation: number;
  /** Why this value could not be fitted (say, too few rows for the degree). */
  failure?: string;
}

export interface SweepOutput {
  parameter: SweepParameter;
  /** "degree", "α", "epochs", "training rows". */
  parameterName: string;
  /** The error plotted: the metric, or 1 − metric for higher-is-better ones. */
  errorName: string;
  heldName: 'validation' | 'test';
  /** Every value, tried or not yet (partial results have fewer points). */
  values: number[];
  points: SweepPoint[];
  /** Index into points of the lowest held-out error; -1 when none. */
  best: number;
  logX: boolean;
  /** The regimes sentence ('' in partial results). */
  description: string;
  notes: string[];
  /** Three fits side by side (one-feature regression over degree, when finished). */
  multiples?: Multiples;
}

export async function runSweep(ctx: RunContext<SweepOptions>): Promise<SweepOutput | Waiting> {
  const { options, inputs, signal } = ctx;
  const model = judgedModel(inputs, options.model);
  if (isWaitingResult(model)) return model;
  const parts = judgedParts(model, inputs, options.input);
  if (isWaitingResult(parts)) return parts;
  const data = sweepData(parts, options.validation, options.seed);
  const values = sweepValues(options.parameter, options.values, data.train.rowCount);
  const measure = errorMeasure(options.metric ?? model.fitter.errorMetric);
  const shape = {
    parameter: options.parameter,
    parameterName: PARAMETER_NAMES[options.parameter],
    errorName: measure.name,
    heldName: data.heldName,
    values,
    logX: options.parameter === 'alpha' || options.parameter === 'epochs',
    notes: data.note ? [data.note] : [],
  };

  const trainingRows = trainingRowsFor(options.parameter, data.train, options.seed);
  const points: SweepPoint[] = [];
  for (const value of values) {
    signal.throwIfAborted();
    points.push(await scorePoint(model.fitter, trainingRows(value), data.held, overridesFor(options.parameter, value), measure, signal));
    ctx.progress(points.length / values.length);
    ctx.partial({ ...shape, points: [...points], best: bestIndex(points.map((p) => p.validation)), description: '' });
    await nextTask();
  }
  signal.throwIfAborted();
  const firstFailure = points.find((p) => p.failure);
  if (points.every((p) => p.failure)) throw new Error(firstFailure!.failure);
  const best = bestIndex(points.map((p) => p.validation));
  const notes = [...shape.notes];
  if (firstFailure) notes.push(failureNote(options.parameter, points));
  return {
    ...shape,
    points,
    best,
    notes,
    description: describeCurve(options.parameter, points, measure.name, data.heldName),
    multiples: options.parameter === 'degree' && best >= 0 ? degreeMultiples(model, data.train, values, values[best]) : undefined,
  };
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

function failureNote(parameter: SweepParameter, points: readonly SweepPoint[]): string {
  const failed = points.filter((p) => p.failure);
  const which = failed.map((p) => p.value).join(', ');
  return `${failed.length === 1 ? 'One value' : `${failed.length} values`} (${PARAMETER_NAMES[parameter]} ${which}) could not be fitted: ${failed[0].failure}`;
}
