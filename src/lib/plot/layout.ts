// Shared figure scaffolding: the base layout, axes, lines and the scatter/scattergl switch.
import { COLOURS, FONT, MARGIN } from './theme';
import type { AxisSpec, LayoutSpec, ShapeSpec, TraceType } from './types';

/**
 * Above this many points a scatter is drawn with WebGL (scattergl) instead of SVG.
 * An SVG scatter is one DOM element per marker, and plotly redraws every one on any
 * data change: about 0.1 ms a marker on a quiet machine (800 points and a curve took
 * 75–100 ms, docs/performance.md), so 2,000 markers already cost ~0.2 s a redraw.
 * A WebGL plot redraws in a few ms whatever the count, but holds one of the page's
 * few WebGL contexts (webgl-budget.ts), so small plots stay SVG.
 */
export const SCATTERGL_THRESHOLD = 2_000;

/** 'scattergl' for more than SCATTERGL_THRESHOLD points, else 'scatter'. */
export function scatterType(points: number): Extract<TraceType, 'scatter' | 'scattergl'> {
  return points > SCATTERGL_THRESHOLD ? 'scattergl' : 'scatter';
}

/** An axis with its title always set. */
export function axis(title: string, extra: Partial<AxisSpec> = {}): AxisSpec {
  return { title: { text: title }, zeroline: false, gridcolor: COLOURS.grid, automargin: true, ...extra };
}

export interface BaseLayout {
  title: string;
  x: string | AxisSpec;
  y: string | AxisSpec;
}

/** The layout every figure starts from: theme font and margins, titled axes, closest-point hover. */
/** Height of a single-panel figure, in CSS pixels. */
export const DEFAULT_HEIGHT = 420;

export function baseLayout({ title, x, y }: BaseLayout, extra: Partial<LayoutSpec> = {}): LayoutSpec {
  return {
    title: { text: title },
    font: { ...FONT },
    margin: { ...MARGIN },
    hovermode: 'closest',
    // The container has no height of its own: without one, plotly draws a sliver.
    height: DEFAULT_HEIGHT,
    legend: { orientation: 'h', y: -0.2 },
    xaxis: typeof x === 'string' ? axis(x) : x,
    yaxis: typeof y === 'string' ? axis(y) : y,
    ...extra,
  };
}

/** A straight line in data coordinates (or `xref`/`yref` 'paper' to span the plot). */
export function lineShape(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  style: { color: string; dash?: string; width?: number },
  refs: { xref?: string; yref?: string } = {},
): ShapeSpec {
  return {
    type: 'line',
    x0,
    y0,
    x1,
    y1,
    xref: refs.xref ?? 'x',
    yref: refs.yref ?? 'y',
    line: { color: style.color, width: style.width ?? 1.5, dash: style.dash ?? 'solid' },
  };
}

/** A hover template that names both axes and the row the point came from (row index in customdata). */
export function rowHover(xName: string, yName: string, extra = ''): string {
  return `row %{customdata}<br>${xName}: %{x}<br>${yName}: %{y}${extra}<extra>%{fullData.name}</extra>`;
}
