// The validation curve of a sweep, from the plot layer's builder, with two
// adjustments: a shorter title (the cell is narrow beside its small
// multiples), and a log y axis when errors span orders of magnitude (a
// flexible model far past its best), or the interesting part of the curve
// would be a flat line.
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
  const layout = { ...figure.layout, title: { text: `${sweep.errorName} against ${sweep.parameterName}` } };
  if (needsLogY(points.flatMap((p) => [p.train, p.validation]))) {
    layout.yaxis = { ...layout.yaxis, type: 'log', title: { text: `${sweep.errorName} (log scale)` } };
  }
  return { ...figure, layout };
}
