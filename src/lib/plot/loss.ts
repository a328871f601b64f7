import { axis, baseLayout } from './layout';
import { formatNumber } from './numbers';
import { COLOURS } from './theme';
import type { Figure, TraceSpec } from './types';

export interface LossInput {
  /** Training loss per epoch (epoch 1 first), or at the epochs in `epochs`. */
  train: ArrayLike<number>;
  validation?: ArrayLike<number>;
  /** The epoch of each value, when losses were read every few epochs (default 1, 2, 3, …). */
  epochs?: ArrayLike<number>;
  /** A level the training loss cannot go below, e.g. the exact solution's loss, drawn dashed. */
  floor?: { value: number; name: string };
  /** Log-scale y axis: shows progress after the first steep epochs. */
  logY?: boolean;
  lossName?: string;
}

function lossTrace(name: string, values: ArrayLike<number>, color: string, epochs?: ArrayLike<number>): TraceSpec {
  return {
    type: 'scatter',
    mode: 'lines',
    name,
    x: epochs ? Array.from(epochs) : Array.from({ length: values.length }, (_, i) => i + 1),
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
  const data = [lossTrace(`training ${name}`, input.train, COLOURS.train, input.epochs)];
  if (input.validation) data.push(lossTrace(`validation ${name}`, input.validation, COLOURS.validation, input.epochs));
  const epochs = input.epochs?.length ? input.epochs[input.epochs.length - 1] : input.train.length;
  if (input.floor && epochs > 0) {
    const first = input.epochs?.[0] ?? 1;
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: input.floor.name,
      x: [first, epochs],
      y: [input.floor.value, input.floor.value],
      line: { color: COLOURS.reference, width: 1.5, dash: 'dash' },
      hovertemplate: `${input.floor.name}: %{y}<extra></extra>`,
    });
  }
  const last = input.train.length > 0 ? input.train[input.train.length - 1] : undefined;
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
