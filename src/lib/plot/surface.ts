// A regression model of two features, seen from above: its prediction over the
// plane as shaded contours, with the data points coloured by their true value on
// the same colour scale. A point whose colour matches the shading around it is
// fitted well; one that stands out is a large residual.
import { gridOver } from './grid';
import { axis, baseLayout, rowHover, scatterType } from './layout';
import { extent, plural } from './numbers';
import { sampleRows } from './sample';
import { SEQUENTIAL_SCALE, markerSize } from './theme';
import type { Figure, TraceSpec } from './types';

export interface SurfaceInput {
  x1: ArrayLike<number>;
  x2: ArrayLike<number>;
  /** Each row's true target value. */
  y: ArrayLike<number>;
  x1Name: string;
  x2Name: string;
  yName: string;
  /** The model's prediction at (x1, x2). */
  predict: (x1: number, x2: number) => number;
  /** Grid points per axis (default 60). */
  resolution?: number;
  /** Extra room around the data, as a fraction of each range (default 0.1). */
  margin?: number;
}

export function surfaceFigure(input: SurfaceInput): Figure {
  const { xs, ys, z } = gridOver(input.x1, input.x2, input.predict, input.resolution, input.margin);
  const n = input.x1.length;
  // One colour scale for the surface and the points: the range of both.
  const [yLo, yHi] = extent(input.y);
  const [zLo, zHi] = extent(z.flat());
  const range = { cmin: Math.min(yLo, zLo), cmax: Math.max(yHi, zHi) };
  const surface: TraceSpec = {
    type: 'contour',
    name: `predicted ${input.yName}`,
    x: xs,
    y: ys,
    z,
    zmin: range.cmin,
    zmax: range.cmax,
    colorscale: SEQUENTIAL_SCALE,
    contours: { coloring: 'heatmap', showlines: false },
    opacity: 0.6,
    colorbar: { title: { text: input.yName } },
    hovertemplate: `${input.x1Name}: %{x}<br>${input.x2Name}: %{y}<br>predicted ${input.yName}: %{z:.4g}<extra></extra>`,
  };
  const rows = sampleRows(n, [input.x1, input.x2]) ?? Array.from({ length: n }, (_, i) => i);
  const points: TraceSpec = {
    type: scatterType(rows.length),
    mode: 'markers',
    name: input.yName,
    x: rows.map((i) => input.x1[i]),
    y: rows.map((i) => input.x2[i]),
    customdata: [...rows],
    text: rows.map((i) => String(input.y[i])),
    marker: { color: rows.map((i) => input.y[i]), colorscale: SEQUENTIAL_SCALE, ...range, size: markerSize(rows.length) + 2, line: { color: '#ffffff', width: 1 }, showscale: false },
    hovertemplate: rowHover(input.x1Name, input.x2Name, `<br>${input.yName}: %{text}`),
  };
  return {
    data: [surface, points],
    layout: baseLayout({ title: `Predicted ${input.yName}`, x: axis(input.x1Name), y: axis(input.x2Name) }),
    description: `The model's predicted ${input.yName} over ${input.x1Name} and ${input.x2Name}, with ${plural(n, 'point')} coloured by their true ${input.yName}`,
    ...(rows.length < n && { shown: { points: rows.length, of: n } }),
  };
}
