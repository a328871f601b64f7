import { axis, baseLayout, lineShape } from './layout';
import { extent, padded, plural } from './numbers';
import { pointsTrace } from './points';
import { sampleRows } from './sample';
import { COLOURS } from './theme';
import type { Figure } from './types';

export interface ResidualsInput {
  fitted: ArrayLike<number>;
  actual: ArrayLike<number>;
  /** The target's name. */
  name: string;
}

/** actual − fitted for each row. */
export function residualsOf(fitted: ArrayLike<number>, actual: ArrayLike<number>): number[] {
  return Array.from(fitted, (f, i) => actual[i] - f);
}

/**
 * Residuals (actual − fitted) against fitted values, with the zero line. Teaches: a
 * good linear fit leaves a shapeless band around zero; a curve means a missing term,
 * a funnel means the noise grows with the prediction.
 */
export function residualsFigure(input: ResidualsInput): Figure {
  const residuals = residualsOf(input.fitted, input.actual);
  const xName = `fitted ${input.name}`;
  const rows = sampleRows(residuals.length, [input.fitted, residuals]);
  return {
    ...(rows && { shown: { points: rows.length, of: residuals.length } }),
    data: [pointsTrace(input.fitted, residuals, { name: 'residuals', color: COLOURS.data, xName, yName: 'residual', rows })],
    layout: baseLayout(
      { title: `Residuals against fitted ${input.name}`, x: axis(xName), y: axis('residual (actual − fitted)') },
      { shapes: [lineShape(0, 0, 1, 0, { color: COLOURS.reference, dash: 'dash' }, { xref: 'paper' })], showlegend: false },
    ),
    description: `Residuals against fitted values of ${input.name}, ${plural(residuals.length, 'point')}, with a line at zero`,
  };
}

export interface PredictedActualInput {
  actual: ArrayLike<number>;
  predicted: ArrayLike<number>;
  name: string;
}

/**
 * Predicted against actual values with the y = x line, on equal ranges. Teaches: a
 * perfect model puts every point on the line; distance from it is the error.
 */
export function predictedActualFigure(input: PredictedActualInput): Figure {
  const [lo, hi] = padded(extent([...Array.from(input.actual), ...Array.from(input.predicted)]), 0.05);
  const xName = `actual ${input.name}`;
  const yName = `predicted ${input.name}`;
  const rows = sampleRows(input.actual.length, [input.actual, input.predicted]);
  return {
    ...(rows && { shown: { points: rows.length, of: input.actual.length } }),
    data: [pointsTrace(input.actual, input.predicted, { name: 'rows', color: COLOURS.data, xName, yName, rows })],
    layout: baseLayout(
      { title: `Predicted against actual ${input.name}`, x: axis(xName, { range: [lo, hi] }), y: axis(yName, { range: [lo, hi], scaleanchor: 'x' }) },
      { shapes: [lineShape(lo, lo, hi, hi, { color: COLOURS.reference, dash: 'dash' })], showlegend: false },
    ),
    description: `Predicted against actual ${input.name}, ${plural(input.actual.length, 'point')}, with the line y = x`,
  };
}
