// Which parts of a figure changed since the last draw, and how little plotly must
// do to show the new one. Plot.svelte asks `planDraw(drawn, next)` before every draw.
//
// Why not always Plotly.react: for an SVG scatter, any data change makes react (and
// restyle) recompute and redraw every trace, so a slider that moves a fitted curve
// also redraws every data point (800 SVG markers: most of a redraw). Plotly.animate
// with `redraw: false` redraws only the traces it is given. It keeps the axis ranges
// as they are, so it is used only where a full redraw would give the same ranges and
// the same everything else; any other change falls back to react.
import type { Figure, LayoutSpec, TraceSpec } from './types';

/** The attributes a line trace may change on the quick path: its data, nothing else. */
const DATA_KEYS = ['x', 'y'] as const;
type DataKey = (typeof DATA_KEYS)[number];

export type DrawPlan =
  /** Nothing plotly draws differs: skip the draw. */
  | { kind: 'none' }
  /** Redraw everything with Plotly.react. `reason` says why (for tests and debugging). */
  | { kind: 'react'; reason: string }
  /** Only these line traces' x/y arrays changed (and perhaps the title's text). */
  | { kind: 'lines'; traces: number[]; data: Partial<Record<DataKey, TraceSpec[DataKey]>>[]; title?: string };

/**
 * Equal plotly input: arrays and typed arrays element by element (NaN equals NaN),
 * plain objects key by key. Identical references return at once, so builders that
 * reuse unchanged arrays make the comparison free; otherwise it costs one pass.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const aList = Array.isArray(a) || ArrayBuffer.isView(a);
  const bList = Array.isArray(b) || ArrayBuffer.isView(b);
  if (aList || bList) {
    if (!aList || !bList) return false;
    const x = a as ArrayLike<unknown>;
    const y = b as ArrayLike<unknown>;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i += 1) if (!sameValue(x[i], y[i])) return false;
    return true;
  }
  const aKeys = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bKeys = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * A copy of a trace or layout for plotly to keep: plotly writes into the objects it
 * is given (legend and axis settings, ranges), which must not alter the figure kept
 * for the next diff. Plain objects are copied at every depth; arrays (the data) are
 * shared, as plotly does not write into them.
 */
export function detached<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, detached(v)])) as T;
}

/** The keys whose values differ between two traces (or two layouts). */
export function changedKeys(a: object, b: object): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Indices of the traces that differ; undefined when the traces' number or types differ. */
export function changedTraces(drawn: readonly TraceSpec[], next: readonly TraceSpec[]): number[] | undefined {
  if (drawn.length !== next.length) return undefined;
  if (drawn.some((t, i) => t.type !== next[i].type)) return undefined;
  return next.flatMap((t, i) => (t === drawn[i] || changedKeys(drawn[i], t).length === 0 ? [] : [i]));
}

/**
 * How to go from the figure on screen (`drawn`, undefined before the first draw)
 * to `next`. Both layouts are the ones handed to plotly (themed), without
 * datarevision.
 */
export function planDraw(drawn: Figure | undefined, next: Figure): DrawPlan {
  if (!drawn) return { kind: 'react', reason: 'first draw' };
  const traces = changedTraces(drawn.data, next.data);
  if (!traces) return { kind: 'react', reason: 'trace count or types changed' };

  const layoutKeys = changedKeys(drawn.layout, next.layout);
  if (layoutKeys.some((k) => k !== 'title')) return { kind: 'react', reason: `layout changed: ${layoutKeys.join(', ')}` };
  let title: string | undefined;
  if (layoutKeys.includes('title')) {
    const [before, after] = [drawn.layout.title, next.layout.title];
    if (!before || !after || changedKeys(before, after).some((k) => k !== 'text')) return { kind: 'react', reason: 'title style changed' };
    title = after.text;
  }
  if (!traces.length && title === undefined) return { kind: 'none' };

  const data: DrawPlan & { kind: 'lines' } = { kind: 'lines', traces, data: [], title };
  for (const i of traces) {
    const [before, after] = [drawn.data[i], next.data[i]];
    // Only SVG line traces: plotly redraws only "animatable" traces on this path (not
    // scattergl), and lines add no pixel padding of their own to the axis ranges.
    if (after.type !== 'scatter' || after.mode !== 'lines') return { kind: 'react', reason: `trace ${i} is not an SVG line` };
    const keys = changedKeys(before, after);
    if (keys.some((k) => !(DATA_KEYS as readonly string[]).includes(k))) return { kind: 'react', reason: `trace ${i} changed ${keys.join(', ')}` };
    for (const key of keys as DataKey[]) {
      if (!rangeUnaffected(drawn, next, i, key, new Set(traces))) return { kind: 'react', reason: `trace ${i} may change the ${key} axis range` };
    }
    data.data.push(Object.fromEntries(keys.map((k) => [k, after[k]])));
  }
  return data;
}

/**
 * True when trace `i`'s `key` values, before and after, lie within the values of
 * traces that do not change on the same axis; then autorange (which pads the
 * outermost points, markers by their size) is decided by those traces alone and a
 * full redraw would keep the range. An axis with a fixed range needs no check.
 */
function rangeUnaffected(drawn: Figure, next: Figure, i: number, key: DataKey, changed: ReadonlySet<number>): boolean {
  const axisKey = key === 'x' ? 'xaxis' : 'yaxis';
  const axisId = (next.data[i][axisKey] as string | undefined) ?? key;
  if (fixedRange(next.layout, axisLayoutKey(axisId))) return true;
  let lo = Infinity;
  let hi = -Infinity;
  next.data.forEach((trace, j) => {
    if (changed.has(j)) return;
    if (((trace[axisKey] as string | undefined) ?? key) !== axisId || trace.visible === false) return;
    [lo, hi] = widen([lo, hi], trace[key] as ArrayLike<unknown> | undefined);
  });
  const [a, b] = widen(widen([Infinity, -Infinity], drawn.data[i][key] as ArrayLike<unknown>), next.data[i][key] as ArrayLike<unknown>);
  return lo <= hi && a >= lo && b <= hi;
}

/** 'y2' → 'yaxis2', as the layout names axes. */
function axisLayoutKey(id: string): string {
  return `${id[0]}axis${id.slice(1)}`;
}

function fixedRange(layout: LayoutSpec, key: string): boolean {
  const axis = layout[key] as { range?: unknown; autorange?: unknown } | undefined;
  return Array.isArray(axis?.range) && axis.autorange !== true;
}

function widen([lo, hi]: [number, number], values: ArrayLike<unknown> | undefined): [number, number] {
  if (!values) return [lo, hi];
  for (let k = 0; k < values.length; k += 1) {
    const v = values[k];
    if (typeof v === 'number' && Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return [lo, hi];
}
