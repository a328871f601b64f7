// How many plots on the page may draw with WebGL, and the SVG figure for the ones
// beyond that. Browsers keep about 16 WebGL contexts per page and silently drop the
// oldest beyond that (its plot goes blank). A plotly WebGL plot holds one context,
// TensorFlow.js's WebGL backend another; 8 plots leave room for both and for the
// page's other canvases. Plot.svelte claims a slot before drawing scattergl and
// releases it when the plot stops using WebGL or leaves the page.
import { sampleRows } from './sample';
import { SCATTERGL_THRESHOLD } from './layout';
import type { Figure, TraceSpec } from './types';

export const WEBGL_PLOT_BUDGET = 8;

const holders = new Set<object>();

/** True when `owner` holds, or now gets, one of the page's WebGL slots. */
export function claimWebgl(owner: object, budget = WEBGL_PLOT_BUDGET): boolean {
  if (holders.has(owner)) return true;
  if (holders.size >= budget) return false;
  holders.add(owner);
  return true;
}

export function releaseWebgl(owner: object): void {
  holders.delete(owner);
}

/** How many plots hold a WebGL slot now. */
export function webglPlots(): number {
  return holders.size;
}

/** Whether plotly would draw this figure with WebGL. */
export function usesWebgl(figure: Figure): boolean {
  return figure.data.some((t) => t.type === 'scattergl' || t.type === 'splom');
}

/**
 * The figure drawn in SVG: each scattergl trace becomes a scatter trace, sampled so
 * that the figure draws at most SCATTERGL_THRESHOLD points (shared among its traces
 * in proportion to their size), and `shown` says how many of the table's points
 * remain. splom has no SVG form and is left as it is.
 */
export function withoutWebgl(figure: Figure, max = SCATTERGL_THRESHOLD): Figure {
  const gl = figure.data.filter((t) => t.type === 'scattergl');
  if (!gl.length) return figure;
  const sizes = figure.data.map((t) => (t.type === 'scattergl' ? pointCount(t) : 0));
  const total = sizes.reduce((a, b) => a + b, 0);
  const data = figure.data.map((trace, i) => (trace.type === 'scattergl' ? svgTrace(trace, total > max ? Math.max(1, Math.floor((max * sizes[i]) / total)) : sizes[i]) : trace));
  const markers = (traces: TraceSpec[]) => traces.filter(isMarkers).reduce((sum, t) => sum + pointCount(t), 0);
  const points = markers(data);
  const of = figure.shown?.of ?? markers(figure.data);
  return { ...figure, data, ...(points < of && { shown: { points, of } }) };
}

const isMarkers = (t: TraceSpec) => (t.mode ?? 'markers').includes('markers');

/** Points of a markers trace; segments of a line trace drawn as null-separated pieces. */
function pointCount(trace: TraceSpec): number {
  const x = trace.x ?? [];
  return isMarkers(trace) ? x.length : x.filter((v) => v === null).length || x.length;
}

const PER_POINT = ['x', 'y', 'customdata', 'text'] as const;

function svgTrace(trace: TraceSpec, keep: number): TraceSpec {
  const out: TraceSpec = { ...trace, type: 'scatter' };
  if (keep >= pointCount(trace)) return out;
  const x = (trace.x ?? []) as (number | null)[];
  const y = (trace.y ?? []) as (number | null)[];
  if (!isMarkers(trace)) {
    // Null-separated segments (residuals): keep whole segments.
    const starts = [0, ...x.flatMap((v, i) => (v === null && i + 1 < x.length ? [i + 1] : []))];
    const chosen = sampleRows(starts.length, [], keep) ?? starts.map((_, i) => i);
    const pick = (values: (number | null)[]) => chosen.flatMap((s) => sliceSegment(values, starts[s]));
    return { ...out, x: pick(x), y: pick(y) };
  }
  const rows = sampleRows(x.length, [x as number[], y as number[]], keep) ?? x.map((_, i) => i);
  for (const key of PER_POINT) {
    const values = trace[key];
    if (Array.isArray(values)) (out as Record<string, unknown>)[key] = rows.map((r) => values[r]);
  }
  if (Array.isArray(trace.selectedpoints)) {
    // Indices into the trace: renumber the kept ones.
    const position = new Map(rows.map((r, k) => [r, k]));
    out.selectedpoints = trace.selectedpoints.flatMap((r) => (position.has(r) ? [position.get(r)!] : []));
  }
  const marker = trace.marker;
  if (marker) {
    out.marker = Object.fromEntries(Object.entries(marker).map(([k, v]) => [k, Array.isArray(v) && v.length === x.length ? rows.map((r) => v[r]) : v]));
  }
  return out;
}

/** One segment starting at `start`, with its null separator. */
function sliceSegment(values: (number | null)[], start: number): (number | null)[] {
  const end = values.indexOf(null, start);
  return values.slice(start, end < 0 ? values.length : end + 1);
}
