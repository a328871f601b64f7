import { axis, baseLayout, lineShape } from './layout';
import { formatNumber } from './numbers';
import { operatingPointTrace } from './threshold-marker';
import { COLOURS } from './theme';
import type { Figure, TraceSpec } from './types';

export interface RocInput {
  fpr: ArrayLike<number>;
  tpr: ArrayLike<number>;
  /** The threshold of each point. */
  thresholds: ArrayLike<number>;
  auc: number;
  /** The current decision threshold, marked on the curve. */
  threshold?: number;
}

/**
 * ROC curve: true positive rate against false positive rate as the threshold sweeps,
 * with the chance diagonal, the current threshold's point and the AUC. Teaches: a
 * threshold trades false alarms for hits; AUC measures ranking over all thresholds.
 */
export function rocFigure(input: RocInput): Figure {
  const name = `ROC (AUC = ${formatNumber(input.auc)})`;
  const data: TraceSpec[] = [
    {
      type: 'scatter',
      mode: 'lines',
      name,
      x: Array.from(input.fpr),
      y: Array.from(input.tpr),
      text: Array.from(input.thresholds, formatNumber),
      line: { color: COLOURS.data, width: 2.5, shape: 'hv' },
      hovertemplate: 'threshold %{text}<br>false positive rate: %{x}<br>true positive rate: %{y}<extra></extra>',
    },
  ];
  const marker = operatingPointTrace(input.fpr, input.tpr, input.thresholds, input.threshold, ['false positive rate', 'true positive rate']);
  if (marker) data.push(marker.trace);
  return {
    data,
    layout: baseLayout(
      { title: name, x: axis('false positive rate', { range: [-0.02, 1.02] }), y: axis('true positive rate', { range: [-0.02, 1.02] }) },
      { shapes: [lineShape(0, 0, 1, 1, { color: COLOURS.reference, dash: 'dash' })] },
    ),
    description: `ROC curve with AUC ${formatNumber(input.auc)}${marker?.summary ?? ''}`,
  };
}
