import { axis, baseLayout } from './layout';
import { formatNumber } from './numbers';
import { COLOURS } from './theme';
import type { Figure, TraceSpec } from './types';

export interface LossInput {
  /** Training loss per epoch (epoch 1 first). */
  train: ArrayLike<number>;
  validation?: ArrayLike<number>;
  /** Log-scale y axis: shows progress after the first steep epochs. */
  logY?: boolean;
  lossName?: string;
}

function lossTrace(name: string, values: ArrayLike<number>, color: string): TraceSpec {
  return {
    type: 'scatter',
    mode: 'lines',
    name,
    x: Array.from({ length: values.length }, (_, i) => i + 1),
    y: Array.from(values),
    line: { color, width: 2 },
    hovertemplate: `epoch %{x}<br>${name}: %{y}<extra></extra>`,
  };
}

/**
 * Training (and validation) loss per epoch. Rebuilt on every progress report while a
 * model trains, so it only copies the arrays. Teaches: how gradient descent
 * converges, how the learning rate changes that, and when validation loss turns up
 * (overfitting).
 */
export function lossCurveFigure(input: LossInput): Figure {
  const name = input.lossName ?? 'loss';
  const data = [lossTrace(`training ${name}`, input.train, COLOURS.train)];
  if (input.validation) data.push(lossTrace(`validation ${name}`, input.validation, COLOURS.validation));
  const epochs = input.train.length;
  const last = epochs > 0 ? input.train[epochs - 1] : undefined;
  return {
    data,
    layout: baseLayout({
      title: `${name} per epoch`,
      x: axis('epoch'),
      y: axis(name, input.logY ? { type: 'log' } : {}),
    }),
    description:
      `Training${input.validation ? ' and validation' : ''} ${name} over ${epochs} epochs` +
      (last === undefined ? '' : `, last training ${name} ${formatNumber(last)}`),
  };
}
