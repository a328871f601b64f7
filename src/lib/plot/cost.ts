import { axis, baseLayout, lineShape } from './layout';
import { formatNumber } from './numbers';
import { COLOURS } from './theme';
import type { Figure, TraceSpec } from './types';

export interface CostInput {
  /** Candidate thresholds (descending; Infinity = flag nothing) and the total cost at each. */
  thresholds: readonly number[];
  cost: readonly number[];
  /** Index of the cheapest threshold. */
  best: number;
  /** The threshold in use, drawn as a vertical line. */
  threshold?: number;
}

/**
 * Total cost of the mistakes against the threshold, a step curve, with the
 * cheapest threshold marked. Teaches: the best threshold depends on what a
 * miss and a false alarm cost, not on 0.5.
 */
export function costFigure(input: CostInput): Figure {
  // "Flag nothing" (Infinity) is drawn at threshold 1, its cost to the right of every score.
  const x = input.thresholds.map((t) => (Number.isFinite(t) ? t : 1));
  const y = Array.from(input.cost);
  const bestX = x[input.best];
  const bestY = y[input.best];
  const data: TraceSpec[] = [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'total cost',
      x,
      y,
      line: { color: COLOURS.data, width: 2.5, shape: 'hv' },
      hovertemplate: 'threshold: %{x}<br>cost: %{y}<extra></extra>',
    },
    {
      type: 'scatter',
      mode: 'markers',
      name: `cheapest: ${formatNumber(bestX)}`,
      x: [bestX],
      y: [bestY],
      marker: { color: COLOURS.best, size: 13, symbol: 'star', line: { color: '#ffffff', width: 1 } },
      hovertemplate: 'cheapest threshold %{x}<br>cost: %{y}<extra></extra>',
    },
  ];
  const shapes = input.threshold === undefined ? [] : [lineShape(input.threshold, 0, input.threshold, 1, { color: COLOURS.threshold, dash: 'dash' }, { yref: 'paper' })];
  const title = 'Cost of mistakes by threshold';
  return {
    data,
    layout: baseLayout({ title, x: axis('threshold', { range: [-0.02, 1.02] }), y: axis('total cost') }, { shapes }),
    description: `${title}: the cheapest threshold is ${formatNumber(bestX)}, with a total cost of ${formatNumber(bestY)}`,
  };
}
