// Model curves over data: sampling a prediction function, residual segments, SSE.
import { linspace } from './numbers';
import { scatterType } from './layout';
import { COLOURS } from './theme';
import type { TraceSpec } from './types';

/** A one-feature model as a function; any fitted model can be wrapped as one. */
export type Predict = (x: number) => number;

/** The structural shape of a fitted polynomial: ŷ = intercept + Σ coefficients[k]·x^(k+1). */
export interface Polynomial {
  coefficients: readonly number[];
  intercept: number;
}

/** A polynomial (a line when there is one coefficient) as a Predict, evaluated by Horner's rule. */
export function polynomial({ coefficients, intercept }: Polynomial): Predict {
  return (x) => {
    let acc = 0;
    for (let k = coefficients.length - 1; k >= 0; k -= 1) acc = (acc + coefficients[k]) * x;
    return intercept + acc;
  };
}

/** The model's curve over [lo, hi] as a line trace of `samples` points. */
export function curveTrace(
  predict: Predict,
  [lo, hi]: [number, number],
  options: { name: string; color?: string; samples?: number; xName: string; yName: string; axes?: Axes },
): TraceSpec {
  const x = linspace(lo, hi, options.samples ?? 200);
  return {
    type: 'scatter',
    mode: 'lines',
    name: options.name,
    x,
    y: x.map(predict),
    line: { color: options.color ?? COLOURS.fit, width: 2.5 },
    hovertemplate: `${options.xName}: %{x}<br>predicted ${options.yName}: %{y}<extra>%{fullData.name}</extra>`,
    ...options.axes,
  };
}

/** Which subplot a trace is drawn in (omitted: the first). */
export interface Axes {
  xaxis?: string;
  yaxis?: string;
}

/**
 * Vertical segments from each point (or each of `rows`) to the curve, as one trace (segments separated
 * by nulls): one trace draws thousands of segments cheaply.
 */
export function residualSegments(x: ArrayLike<number>, y: ArrayLike<number>, predict: Predict, axes: Axes = {}, rows?: readonly number[]): TraceSpec {
  const xs: (number | null)[] = [];
  const ys: (number | null)[] = [];
  const count = rows ? rows.length : x.length;
  for (let k = 0; k < count; k += 1) {
    const i = rows ? rows[k] : k;
    xs.push(x[i], x[i], null);
    ys.push(y[i], predict(x[i]), null);
  }
  return {
    type: scatterType(count),
    mode: 'lines',
    name: 'residuals',
    x: xs,
    y: ys,
    line: { color: COLOURS.residual, width: 1 },
    hoverinfo: 'skip',
    ...axes,
  };
}

/** Σ (yᵢ − predict(xᵢ))², the quantity least squares makes as small as it can. */
export function sumSquaredErrors(x: ArrayLike<number>, y: ArrayLike<number>, predict: Predict): number {
  let sse = 0;
  for (let i = 0; i < x.length; i += 1) sse += (y[i] - predict(x[i])) ** 2;
  return sse;
}

