// The data-points trace that most figures share.
import { rowHover, scatterType } from './layout';
import { markerSize } from './theme';
import type { TraceSpec } from './types';

export interface PointsOptions {
  name: string;
  color: string;
  xName: string;
  yName: string;
  /** Only these rows (default: all). */
  rows?: readonly number[];
  /** The total number of points in the figure, which picks scatter or scattergl. */
  total?: number;
  /** Draw these y values instead of the data's (e.g. jittered 0/1 labels); hover still shows the true y. */
  shownY?: ArrayLike<number>;
}

/**
 * Markers for the given rows, each carrying its row index in `customdata` (for hover
 * and for brushing: Plot.svelte reports selected rows from it).
 */
export function pointsTrace(x: ArrayLike<number>, y: ArrayLike<number>, options: PointsOptions): TraceSpec {
  const rows = options.rows ?? Array.from({ length: x.length }, (_, i) => i);
  const total = options.total ?? rows.length;
  const drawnY = options.shownY ?? y;
  const trace: TraceSpec = {
    type: scatterType(total),
    mode: 'markers',
    name: options.name,
    x: rows.map((i) => x[i]),
    y: rows.map((i) => drawnY[i]),
    customdata: [...rows],
    marker: { color: options.color, size: markerSize(total), opacity: total > 1_000 ? 0.6 : 0.85 },
    hovertemplate: rowHover(options.xName, options.yName),
  };
  if (options.shownY) {
    // The drawn y is jittered; show the real value in the hover label.
    trace.text = rows.map((i) => String(y[i]));
    trace.hovertemplate = `row %{customdata}<br>${options.xName}: %{x}<br>${options.yName}: %{text}<extra>%{fullData.name}</extra>`;
  }
  return trace;
}
