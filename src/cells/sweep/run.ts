// The sweep cell: refits a model cell's model once per value of one
// hyperparameter (or training-set size) and scores each fit on its training
// rows and on held-out rows. The curve draws point by point (ctx.partial);
// Stop aborts between values.
import { bestIndex } from '../../lib/plot/validation-curve';
import type { RunContext } from '../types';
import type { Waiting } from '../shared/table-input';
import { runEngineTask } from '../engine/run-task';
import { isWaitingResult, judgedModel, judgedParts } from '../crossval/judged-model';
import { sweepData } from './data';
import { errorMeasure } from './error-measure';
import { sweepPoints, sweepWork, type SweepTaskArgs } from './points';
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
  const metric = options.metric ?? model.fitter.errorMetric;
  const measure = errorMeasure(metric);
  const shape = {
    parameter: options.parameter,
    parameterName: PARAMETER_NAMES[options.parameter],
    errorName: measure.name,
    heldName: data.heldName,
    values,
    logX: options.parameter === 'alpha' || options.parameter === 'epochs',
    notes: data.note ? [data.note] : [],
  };

  const shown: SweepPoint[] = [];
  let finished = false;
  const onPoint = (point: SweepPoint) => {
    // Progress from the worker travels on its own channel and may trail the result.
    if (finished) return;
    shown.push(point);
    ctx.progress(shown.length / values.length);
    ctx.partial({ ...shape, points: [...shown], best: bestIndex(shown.map((p) => p.validation)), description: '' });
  };
  const { recipe } = model.fitter;
  const args: SweepTaskArgs = { parameter: options.parameter, values, seed: options.seed, metric };
  const points = recipe
    ? await runEngineTask<SweepPoint[], SweepPoint>(
        'sweep',
        { ...args, recipe },
        { tables: { train: data.train, held: data.held }, signal, onProgress: onPoint, work: sweepWork(values, data.train) },
      )
    : await sweepPoints(model.fitter, args, data.train, data.held, signal, onPoint);
  finished = true;
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

function failureNote(parameter: SweepParameter, points: readonly SweepPoint[]): string {
  const failed = points.filter((p) => p.failure);
  const which = failed.map((p) => p.value).join(', ');
  return `${failed.length === 1 ? 'One value' : `${failed.length} values`} (${PARAMETER_NAMES[parameter]} ${which}) could not be fitted: ${failed[0].failure}`;
}
