import { axis, baseLayout, lineShape } from './layout';
import { formatNumber } from './numbers';
import { operatingPointTrace } from './threshold-marker';
import { COLOURS } from './theme';
import type { Figure, ShapeSpec, TraceSpec } from './types';

export interface PrecisionRecallInput {
  precision: ArrayLike<number>;
  recall: ArrayLike<number>;
  /** The threshold of each point (may be one shorter than the curve, as sklearn's). */
  thresholds: ArrayLike<number>;
  threshold?: number;
  averagePrecision?: number;
  /** Share of positives: the precision of a model that guesses, drawn as a baseline. */
  prevalence?: number;
}

/**
 * Precision against recall as the threshold sweeps, with the current threshold's
 * point. Teaches: catching more positives (recall) costs precision; with rare
 * positives this says more than the ROC curve.
 */
export function precisionRecallFigure(input: PrecisionRecallInput): Figure {
  const ap = input.averagePrecision === undefined ? '' : ` (AP = ${formatNumber(input.averagePrecision)})`;
  const name = `precision–recall${ap}`;
  const data: TraceSpec[] = [
    {
      type: 'scatter',
      mode: 'lines',
      name,
      x: Array.from(input.recall),
      y: Array.from(input.precision),
      line: { color: COLOURS.data, width: 2.5, shape: 'vh' },
      hovertemplate: 'recall: %{x}<br>precision: %{y}<extra></extra>',
    },
  ];
  const marker = operatingPointTrace(input.recall, input.precision, input.thresholds, input.threshold, ['recall', 'precision']);
  if (marker) data.push(marker.trace);
  const shapes: ShapeSpec[] =
    input.prevalence === undefined ? [] : [lineShape(0, input.prevalence, 1, input.prevalence, { color: COLOURS.reference, dash: 'dash' })];
  return {
    data,
    layout: baseLayout(
      { title: `Precision–recall curve${ap}`, x: axis('recall', { range: [-0.02, 1.02] }), y: axis('precision', { range: [-0.02, 1.05] }) },
      { shapes },
    ),
    description: `Precision–recall curve${ap}${marker?.summary ?? ''}`,
  };
}
