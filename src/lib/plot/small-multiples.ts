import { curveTrace, sumSquaredErrors, type Predict } from './curve';
import { axis, baseLayout } from './layout';
import { extent, formatNumber, padded } from './numbers';
import { pointsTrace } from './points';
import { sampleRows } from './sample';
import { COLOURS } from './theme';
import type { AnnotationSpec, AxisSpec, Figure, TraceSpec } from './types';

export interface Panel {
  /** "degree 1 (underfit)". */
  title: string;
  predict: Predict;
}

export interface SmallMultiplesInput {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  xName: string;
  yName: string;
  /** Usually three: under, good, over. */
  panels: readonly Panel[];
}

/** plotly's axis ids for panel k: x/y, x2/y2, … */
function ids(k: number): { x: string; y: string } {
  return k === 0 ? { x: 'x', y: 'y' } : { x: `x${k + 1}`, y: `y${k + 1}` };
}

/**
 * The same data fitted by several models side by side (one figure, one row of
 * subplots sharing the y scale), each panel titled with its SSE. Teaches: too simple
 * a model misses the pattern, too flexible a one chases the noise — and its lower SSE
 * on the training data is no proof it is better.
 */
export function smallMultiplesFigure(input: SmallMultiplesInput): Figure {
  const { x, y, xName, yName, panels } = input;
  const range = padded(extent(x), 0.03);
  const yRange = padded(extent(y), 0.15);
  const data: TraceSpec[] = [];
  const axes: Record<string, AxisSpec> = {};
  const annotations: AnnotationSpec[] = [];
  // A large table draws the same sample in every panel (the extremes of x and y kept); the SSEs use every row.
  const sample = sampleRows(x.length, [x, y]);
  panels.forEach((panel, k) => {
    const id = ids(k);
    const where = { xaxis: id.x, yaxis: id.y };
    const points = pointsTrace(x, y, { name: 'data', color: COLOURS.data, xName, yName, ...(sample && { rows: sample }) });
    data.push(
      { ...points, ...where, showlegend: k === 0, legendgroup: 'data' },
      { ...curveTrace(panel.predict, range, { name: 'fit', xName, yName, axes: where }), showlegend: k === 0, legendgroup: 'fit' },
    );
    const suffix = k === 0 ? '' : String(k + 1);
    axes[`xaxis${suffix}`] = axis(xName);
    // Same y range in every panel, so the fits compare at a glance; only the first is titled.
    axes[`yaxis${suffix}`] = axis(k === 0 ? yName : '', { range: yRange, ...(k === 0 ? {} : { matches: 'y', showticklabels: false }) });
    const sse = sumSquaredErrors(x, y, panel.predict);
    annotations.push({
      text: `${panel.title}<br>SSE = ${formatNumber(sse)}`,
      xref: `${id.x} domain`,
      yref: `${id.y} domain`,
      x: 0.5,
      y: 1.02,
      xanchor: 'center',
      yanchor: 'bottom',
      showarrow: false,
    });
  });
  return {
    ...(sample && { shown: { points: sample.length, of: x.length } }),
    data,
    layout: baseLayout(
      { title: `${yName} against ${xName}: ${panels.map((p) => p.title).join(', ')}`, x: axes.xaxis, y: axes.yaxis },
      { ...axes, grid: { rows: 1, columns: panels.length, pattern: 'independent' }, annotations, margin: { l: 60, r: 20, t: 90, b: 55 } },
    ),
    description: `${panels.length} fits of ${yName} on ${xName} side by side: ${panels.map((p) => p.title).join(', ')}`,
  };
}
