import { curveTrace, residualSegments, sumSquaredErrors, type Predict } from './curve';
import { axis, baseLayout } from './layout';
import { capitalise, extent, formatNumber, padded, plural } from './numbers';
import { pointsTrace } from './points';
import { sampleRows } from './sample';
import { COLOURS } from './theme';
import type { Figure } from './types';

export interface FitInput {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** The fitted model; wrap coefficients with `polynomial(...)`. */
  predict: Predict;
  xName: string;
  yName: string;
  /** Legend name of the curve ("degree 3 fit"). */
  curveName?: string;
  /**
   * A legend name that stays the same when curveName changes (e.g. 'least-squares fit'
   * while a slider changes the degree); curveName then goes in the title. A legend
   * change makes plotly restyle every trace, a title change only the title.
   */
  legendName?: string;
  /** A second model drawn dashed for comparison, e.g. the exact solution beside gradient descent. */
  compare?: { predict: Predict; name: string };
  /** Draw the residual segments (default true). */
  residuals?: boolean;
  samples?: number;
  title?: string;
}

/**
 * A fitted line or polynomial over the data, with each residual drawn as a vertical
 * segment and their sum of squares (SSE) in the title. Teaches: least squares picks
 * the curve that makes the total squared length of these segments smallest.
 */
export function fitFigure(input: FitInput): Figure {
  const { x, y, predict, xName, yName } = input;
  const n = x.length;
  const sse = sumSquaredErrors(x, y, predict);
  const curveName = input.curveName ?? 'fit';
  // A large table is drawn sampled; the SSE and the curve's extent still use every row.
  const rows = sampleRows(n, [x, y]);
  const data = [
    ...(input.residuals === false ? [] : [residualSegments(x, y, predict, {}, rows)]),
    pointsTrace(x, y, { name: 'data', color: COLOURS.data, xName, yName, rows }),
    curveTrace(predict, padded(extent(x), 0.03), { name: input.legendName ?? curveName, samples: input.samples, xName, yName }),
  ];
  if (input.compare) {
    const reference = curveTrace(input.compare.predict, padded(extent(x), 0.03), {
      name: input.compare.name,
      color: COLOURS.reference,
      samples: input.samples,
      xName,
      yName,
    });
    data.push({ ...reference, line: { ...(reference.line as object), dash: 'dash', width: 2 } });
  }
  const sseText = `SSE = ${formatNumber(sse)}`;
  return {
    data,
    // The SSE is in the title only: a slider that refits redraws the title cheaply,
    // while plotly redraws the whole plot for any change of an annotation.
    layout: baseLayout({ title: input.title ?? `${yName} against ${xName}${input.legendName ? `, ${curveName}` : ''}: ${sseText}`, x: axis(xName), y: axis(yName) }),
    description: `${capitalise(curveName)} of ${yName} on ${xName} over ${plural(n, 'point')}, sum of squared errors ${formatNumber(sse)}`,
    ...(rows && { shown: { points: rows.length, of: n } }),
  };
}
