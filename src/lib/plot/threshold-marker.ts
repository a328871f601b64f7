import { formatNumber } from './numbers';
import { operatingPoint } from './operating-point';
import { COLOURS } from './theme';
import type { TraceSpec } from './types';

/**
 * The marker for the current threshold's point on a threshold curve (ROC or
 * precision–recall), and a phrase for the description; undefined with no threshold
 * or no point at it.
 */
export function operatingPointTrace(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  thresholds: ArrayLike<number>,
  threshold: number | undefined,
  [xName, yName]: [string, string],
): { trace: TraceSpec; summary: string } | undefined {
  if (threshold === undefined) return undefined;
  const i = operatingPoint(thresholds, threshold);
  if (i < 0) return undefined;
  const t = formatNumber(threshold);
  return {
    trace: {
      type: 'scatter',
      mode: 'markers',
      name: `threshold ${t}`,
      x: [x[i]],
      y: [y[i]],
      marker: { color: COLOURS.threshold, size: 13, line: { color: '#ffffff', width: 2 } },
      hovertemplate: `threshold ${t}<br>${xName}: %{x}<br>${yName}: %{y}<extra></extra>`,
    },
    summary: `; at threshold ${t}, ${xName} ${formatNumber(x[i])} and ${yName} ${formatNumber(y[i])}`,
  };
}
