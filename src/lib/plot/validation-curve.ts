import { axis, baseLayout } from './layout';
import { formatNumber } from './numbers';
import { COLOURS } from './theme';
import type { Figure, TraceSpec } from './types';

export interface ValidationCurveInput {
  /** The hyperparameter values: degree, penalty strength, epochs, training-set size… */
  parameter: ArrayLike<number>;
  parameterName: string;
  train: ArrayLike<number>;
  validation: ArrayLike<number>;
  /** The error measure's name (default "error"). */
  errorName?: string;
  /** Log x axis, for penalty strengths and learning rates. */
  logX?: boolean;
}

/** Index of the smallest finite validation error (the first one on ties); -1 if none. */
export function bestIndex(validation: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < validation.length; i += 1) {
    if (Number.isFinite(validation[i]) && (best < 0 || validation[i] < validation[best])) best = i;
  }
  return best;
}

function errorTrace(name: string, x: number[], y: ArrayLike<number>, color: string, parameterName: string): TraceSpec {
  return {
    type: 'scatter',
    mode: 'lines+markers',
    name,
    x,
    y: Array.from(y),
    line: { color, width: 2 },
    marker: { color, size: 6 },
    hovertemplate: `${parameterName}: %{x}<br>${name}: %{y}<extra></extra>`,
  };
}

/**
 * Training and validation error against a hyperparameter, with the value that gives
 * the lowest validation error marked. Teaches: training error keeps falling as the
 * model gets more flexible, validation error falls then rises — underfitting on one
 * side of the best value, overfitting on the other. With training-set size on x it is
 * a learning curve.
 */
export function validationCurveFigure(input: ValidationCurveInput): Figure {
  const errorName = input.errorName ?? 'error';
  const x = Array.from(input.parameter);
  const data = [
    errorTrace(`training ${errorName}`, x, input.train, COLOURS.train, input.parameterName),
    errorTrace(`validation ${errorName}`, x, input.validation, COLOURS.validation, input.parameterName),
  ];
  const best = bestIndex(input.validation);
  let summary = '';
  if (best >= 0) {
    const bx = x[best];
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: `best ${input.parameterName} = ${formatNumber(bx)}`,
      x: [bx],
      y: [input.validation[best]],
      marker: { color: COLOURS.best, size: 14, symbol: 'star' },
      hovertemplate: `best ${input.parameterName}: %{x}<br>validation ${errorName}: %{y}<extra></extra>`,
    });
    // A vertical line through the best value, drawn as a trace rather than a
    // layout shape: trace coordinates are data units on linear and log axes
    // alike, while how shapes are placed on log axes changed between plotly versions.
    const finite = [...Array.from(input.train), ...Array.from(input.validation)].filter(Number.isFinite);
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: 'best value',
      showlegend: false,
      hoverinfo: 'skip',
      x: [bx, bx],
      y: [Math.min(...finite), Math.max(...finite)],
      line: { color: COLOURS.best, dash: 'dot', width: 1.5 },
    });
    summary = `; validation ${errorName} is lowest at ${input.parameterName} = ${formatNumber(bx)}`;
  }
  return {
    data,
    layout: baseLayout(
      {
        title: `Training and validation ${errorName} against ${input.parameterName}`,
        x: axis(input.parameterName, input.logX ? { type: 'log' } : {}),
        y: axis(errorName),
      },
    ),
    description: `Training and validation ${errorName} against ${input.parameterName}${summary}`,
  };
}
