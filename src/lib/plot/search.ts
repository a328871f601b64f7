// Figures of a hyperparameter search: where the trials landed and how they
// scored, and the best score found against the number of trials.
import { axis, baseLayout } from './layout';
import { formatNumber, plural } from './numbers';
import { COLOURS, SEQUENTIAL_SCALE } from './theme';
import type { Figure, TraceSpec } from './types';

export interface SearchTrial {
  point: Record<string, number>;
  mean: number;
  std: number;
  stoppedEarly: boolean;
}

export interface SearchMapInput {
  params: { name: string; scale: 'linear' | 'log' }[];
  trials: SearchTrial[];
  best: number;
  errorName: string;
  /** Grid search: draw a heatmap over the grid's values. */
  grid: boolean;
}

const short = (name: string) => (name === 'alpha' ? 'α' : name);
const label = (name: string) => (name === 'alpha' ? 'penalty strength α' : name === 'degree' ? 'polynomial degree' : name);

/**
 * The trials in the space searched. Two parameters: a heatmap of the mean
 * score over the grid, or (random, Bayesian) each trial as a point coloured
 * by its score; one parameter: the score against it with ±1 sd bars. The best
 * trial is starred; trials stopped early are hollow.
 */
export function searchMapFigure({ params, trials, best, errorName, grid }: SearchMapInput): Figure {
  const [a, b] = params;
  const finished = trials.filter((t) => !t.stoppedEarly);
  const star: TraceSpec[] =
    best >= 0
      ? [{ type: 'scatter', mode: 'markers', name: 'best', x: [trials[best].point[a.name]], y: [b ? trials[best].point[b.name] : trials[best].mean], marker: { symbol: 'star', size: 16, color: COLOURS.best, line: { color: '#ffffff', width: 1 } }, hovertemplate: `best<br>${errorName}: ${formatNumber(trials[best].mean)}<extra></extra>` }]
      : [];
  const stopped = trials.filter((t) => t.stoppedEarly);
  const stoppedTrace = (y: (t: SearchTrial) => number): TraceSpec[] =>
    stopped.length ? [{ type: 'scatter', mode: 'markers', name: 'stopped early', x: stopped.map((t) => t.point[a.name]), y: stopped.map(y), marker: { symbol: 'circle-open', size: 9, color: COLOURS.reference }, hovertemplate: 'stopped early<extra></extra>' }] : [];
  const xAxis = axis(label(a.name), a.scale === 'log' ? { type: 'log' } : { dtick: 1 });
  if (!b) {
    return {
      data: [
        { type: 'scatter', mode: 'markers', name: 'trials', x: finished.map((t) => t.point[a.name]), y: finished.map((t) => t.mean), error_y: { type: 'data', array: finished.map((t) => t.std), visible: true, color: COLOURS.reference }, marker: { color: COLOURS.data, size: 8 }, hovertemplate: `${a.name}: %{x}<br>${errorName}: %{y}<extra></extra>` },
        ...stoppedTrace((t) => t.mean),
        ...star,
      ],
      layout: baseLayout({ title: `Mean ${errorName} against ${short(a.name)}`, x: xAxis, y: axis(`mean ${errorName}`) }),
      description: `${plural(trials.length, 'trial')}: cross-validated ${errorName} against ${label(a.name)}`,
    };
  }
  const yAxis = axis(label(b.name), b.scale === 'log' ? { type: 'log' } : { dtick: 1 });
  let main: TraceSpec;
  if (grid) {
    const xs = [...new Set(trials.map((t) => t.point[a.name]))].sort((p, q) => p - q);
    const ys = [...new Set(trials.map((t) => t.point[b.name]))].sort((p, q) => p - q);
    const z = ys.map((y) => xs.map((x) => finished.find((t) => t.point[a.name] === x && t.point[b.name] === y)?.mean ?? null));
    main = { type: 'heatmap', name: errorName, x: xs, y: ys, z, colorscale: SEQUENTIAL_SCALE, reversescale: true, colorbar: { title: { text: errorName } }, hovertemplate: `${a.name}: %{x}<br>${b.name}: %{y}<br>${errorName}: %{z}<extra></extra>` };
    if (a.scale === 'log') xAxis.type = 'category';
    if (b.scale === 'log') yAxis.type = 'category';
  } else {
    main = { type: 'scatter', mode: 'markers', name: 'trials', x: finished.map((t) => t.point[a.name]), y: finished.map((t) => t.point[b.name]), marker: { color: finished.map((t) => t.mean), colorscale: SEQUENTIAL_SCALE, reversescale: true, showscale: true, size: 11, colorbar: { title: { text: errorName } } }, hovertemplate: `${a.name}: %{x}<br>${b.name}: %{y}<br>${errorName}: %{marker.color}<extra></extra>` };
  }
  return {
    data: [main, ...stoppedTrace((t) => t.point[b.name]), ...star],
    layout: baseLayout({ title: `Mean ${errorName} over ${short(a.name)} and ${short(b.name)}`, x: xAxis, y: yAxis }),
    description: `${plural(trials.length, 'trial')} over ${label(a.name)} and ${label(b.name)}, coloured by cross-validated ${errorName}`,
  };
}

/** The lowest mean score found so far, trial after trial. Teaches: how fast each method gets close to the best. */
export function bestSoFarFigure(trials: SearchTrial[], errorName: string): Figure {
  let best = Infinity;
  const y = trials.map((t) => (best = t.stoppedEarly ? best : Math.min(best, t.mean)));
  return {
    data: [{ type: 'scatter', mode: 'lines+markers', name: 'best so far', x: y.map((_, i) => i + 1), y: y.map((v) => (Number.isFinite(v) ? v : null)), line: { color: COLOURS.best, width: 2, shape: 'hv' }, marker: { color: COLOURS.best, size: 6 }, hovertemplate: `trial %{x}<br>best ${errorName}: %{y}<extra></extra>` }],
    layout: baseLayout({ title: `Best ${errorName} found, by trial`, x: axis('trial', { dtick: trials.length > 20 ? undefined : 1 }), y: axis(`best mean ${errorName}`) }),
    description: `The lowest cross-validated ${errorName} after each of ${plural(trials.length, 'trial')}`,
  };
}
