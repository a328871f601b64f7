// A strip plot of fold scores: one column of points per method (spread
// sideways so they do not hide each other), with the mean and ± one sample
// standard deviation beside it. Pure: results in, figure out.
import { axis, baseLayout } from '../../lib/plot/layout';
import { COLOURS, classColour, markerSize } from '../../lib/plot/theme';
import type { Figure, TraceSpec } from '../../lib/plot/types';
import { formatNumber } from '../shared/format';

export interface FoldColumn {
  label: string;
  scores: readonly number[];
  /** Left out while the method is still running. */
  mean?: number;
  std?: number;
}

/** A deterministic spread in [−width/2, width/2): the golden-ratio sequence fills it evenly. */
export function jitter(index: number, width = 0.5): number {
  return (((index * 0.6180339887498949) % 1) - 0.5) * width;
}

export function foldScoresFigure(columns: readonly FoldColumn[], metric: string): Figure {
  const data: TraceSpec[] = [];
  columns.forEach((column, i) => {
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: column.label,
      x: column.scores.map((_, j) => i + (column.scores.length > 1 ? jitter(j) : 0)),
      y: [...column.scores],
      customdata: column.scores.map((_, j) => j + 1),
      marker: { color: classColour(i), size: markerSize(column.scores.length), opacity: column.scores.length > 50 ? 0.5 : 0.85 },
      hovertemplate: `${column.label}, fold %{customdata}<br>${metric}: %{y}<extra></extra>`,
    });
  });
  const done = columns.map((c, i) => ({ c, i })).filter(({ c }) => c.mean !== undefined);
  if (done.length) {
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: 'mean ± std',
      x: done.map(({ i }) => i + 0.4),
      y: done.map(({ c }) => c.mean!),
      error_y: { type: 'data', array: done.map(({ c }) => (Number.isFinite(c.std) ? c.std! : 0)), visible: true, color: COLOURS.text },
      marker: { color: COLOURS.text, size: 10, symbol: 'diamond' },
      hovertemplate: `mean ${metric}: %{y}<extra></extra>`,
    });
  }
  const summary = done.map(({ c }) => `${c.label} mean ${formatNumber(c.mean)}`).join(', ');
  return {
    data,
    layout: baseLayout({
      title: `${metric} on each fold`,
      x: axis('', { tickmode: 'array', tickvals: columns.map((_, i) => i), ticktext: columns.map((c) => c.label), range: [-0.6, columns.length - 0.3] }),
      y: axis(metric),
    }),
    description: `${metric} on each fold of ${columns.map((c) => c.label).join(', ')}` + (summary ? `; ${summary}` : ''),
  };
}
