// The validation curve of a sweep, from the plot layer's builder; errors
// that span orders of magnitude (a flexible model far past its best) get a
// log y axis, or the interesting part of the curve would be a flat line.
import { validationCurveFigure, type Figure } from '../../lib/plot';
import type { SweepOutput } from './run';

/** A log y axis when the largest error is this many times the smallest. */
export const LOG_Y_RATIO = 100;

export function needsLogY(errors: readonly number[]): boolean {
  const positive = errors.filter((e) => Number.isFinite(e) && e > 0);
  if (positive.length !== errors.filter(Number.isFinite).length || positive.length < 2) return false;
  return Math.max(...positive) / Math.min(...positive) > LOG_Y_RATIO;
}

export function sweepCurveFigure(sweep: Pick<SweepOutput, 'points' | 'parameterName' | 'errorName' | 'logX'>): Figure {
  const { points } = sweep;
  const figure = validationCurveFigure({
    parameter: points.map((p) => p.value),
    parameterName: sweep.parameterName,
    train: points.map((p) => p.train),
    validation: points.map((p) => p.validation),
    errorName: sweep.errorName,
    logX: sweep.logX,
  });
  if (!needsLogY(points.flatMap((p) => [p.train, p.validation]))) return figure;
  const yaxis = { ...figure.layout.yaxis, type: 'log' as const, title: { text: `${sweep.errorName} (log scale)` } };
  return { ...figure, layout: { ...figure.layout, yaxis } };
}
