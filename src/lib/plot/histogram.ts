import { axis, baseLayout } from './layout';
import { extent, formatNumber, linspace, plural, toArray } from './numbers';
import { COLOURS } from './theme';
import type { Figure, TraceSpec } from './types';

export interface HistogramInput {
  values: ArrayLike<number>;
  name: string;
  /** Number of bins (default: Sturges' rule, ⌈log₂ n⌉ + 1). */
  bins?: number;
  /** Overlay the normal curve with the values' mean and standard deviation, scaled to counts. */
  normal?: boolean;
  title?: string;
}

export interface Bins {
  start: number;
  end: number;
  size: number;
  count: number;
}

/** Equal-width bins from the smallest to the largest finite value. */
export function binsFor(values: ArrayLike<number>, count?: number): Bins {
  const finite = toArray(values).filter(Number.isFinite);
  const bins = Math.max(1, count ?? Math.ceil(Math.log2(Math.max(finite.length, 1))) + 1);
  const [lo, hi] = extent(finite);
  const size = hi > lo ? (hi - lo) / bins : 1;
  return { start: lo, end: lo + bins * size, size, count: bins };
}

/** Sample mean and standard deviation (n − 1) of the finite values. */
export function meanAndSd(values: ArrayLike<number>): { mean: number; sd: number } {
  const finite = toArray(values).filter(Number.isFinite);
  const n = finite.length;
  const mean = finite.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(finite.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(n - 1, 1));
  return { mean, sd };
}

/**
 * The normal density with the values' mean and sd, times n × bin width, so it is on
 * the same scale as the bar heights (counts).
 */
function normalCurve(n: number, bins: Bins, { mean, sd }: { mean: number; sd: number }): TraceSpec {
  const lo = Math.min(bins.start, mean - 3.5 * sd);
  const hi = Math.max(bins.end, mean + 3.5 * sd);
  const x = linspace(lo, hi, 121);
  const scale = (n * bins.size) / (sd * Math.sqrt(2 * Math.PI));
  return {
    type: 'scatter',
    mode: 'lines',
    name: `normal (mean ${formatNumber(mean)}, sd ${formatNumber(sd)})`,
    x,
    y: x.map((v) => scale * Math.exp(-0.5 * ((v - mean) / sd) ** 2)),
    line: { color: COLOURS.fit, width: 2 },
    hoverinfo: 'skip',
  };
}

/**
 * Histogram of one column, optionally with the matching normal curve. Teaches: the
 * shape of a distribution; for residuals, whether they look like symmetric noise
 * around zero (an assumption behind the standard errors) or show skew and outliers.
 */
export function histogramFigure(input: HistogramInput): Figure {
  const values = toArray(input.values).filter(Number.isFinite);
  const bins = binsFor(values, input.bins);
  const data: TraceSpec[] = [
    {
      type: 'histogram',
      name: input.name,
      x: values,
      xbins: { start: bins.start, end: bins.end, size: bins.size },
      autobinx: false,
      marker: { color: COLOURS.data, line: { color: '#ffffff', width: 1 } },
      opacity: 0.8,
      hovertemplate: `${input.name}: %{x}<br>count: %{y}<extra></extra>`,
    },
  ];
  const stats = meanAndSd(values);
  const withCurve = input.normal === true && values.length > 1 && stats.sd > 0;
  if (withCurve) data.push(normalCurve(values.length, bins, stats));
  return {
    data,
    layout: baseLayout(
      { title: input.title ?? `Distribution of ${input.name}`, x: axis(input.name), y: axis('count') },
      { bargap: 0, showlegend: withCurve },
    ),
    description:
      `Histogram of ${input.name}, ${plural(values.length, 'value')} in ${plural(bins.count, 'bin')}` +
      (withCurve ? `, with a normal curve of mean ${formatNumber(stats.mean)} and sd ${formatNumber(stats.sd)}` : ''),
  };
}
