// The validation curve of a sweep, from the plot layer's builder, with three
// adjustments: a shorter title (the cell is narrow beside its small
// multiples); a log y axis when errors span orders of magnitude (a flexible
// model far past its best), or the interesting part of the curve would be a
// flat line; and on a log x axis a fixed range, because plotly's autorange
// misreads the best-value line (placed in log10 units) and stretches the axis
// to 1e-64.
import { validationCurveFigure, type Figure } from '../../lib/plot';
import type { SweepOutput } from './run';

/** A log y axis when the largest error is this many times the smallest. */
export const LOG_Y_RATIO = 100;

export function needsLogY(errors: readonly number[]): boolean {
  const positive = errors.filter((e) => Number.isFinite(e) && e > 0);
  if (positive.length !== errors.filter(Number.isFinite).length || positive.length < 2) return false;
  return Math.max(...positive) / Math.min(...positive) > LOG_Y_RATIO;
}

/** The x range in log10 units, with a margin of a fifth of a decade. */
function logRange(values: readonly number[]): [number, number] {
  const logs = values.filter((v) => v > 0).map(Math.log10);
  return [Math.min(...logs) - 0.2, Math.max(...logs) + 0.2];
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
  if (sweep.logX) layout.xaxis = { ...layout.xaxis, range: logRange(points.map((p) => p.value)) };
  if (needsLogY(points.flatMap((p) => [p.train, p.validation]))) {
    layout.yaxis = { ...layout.yaxis, type: 'log', title: { text: `${sweep.errorName} (log scale)` } };
  }
  return { ...figure, layout };
}
