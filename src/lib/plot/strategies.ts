import { axis, baseLayout } from './layout';
import { formatNumber } from './numbers';
import { COLOURS } from './theme';
import type { Figure } from './types';

export interface StrategiesInput {
  labels: string[];
  train: number[];
  test: number[];
  /** Name of the error, e.g. RMSE. */
  errorName: string;
  /** Index of the best strategy (lowest test error). */
  best: number;
}

/**
 * Training and test error side by side for each way of handling missing
 * values. Teaches: judge a preparation step by the test error of the model
 * that uses it.
 */
export function strategiesFigure(input: StrategiesInput): Figure {
  const title = `Test ${input.errorName} by missing-value strategy`;
  const description = `${title}; the lowest is ${input.labels[input.best]} (${formatNumber(input.test[input.best])})`;
  return {
    data: [
      { type: 'bar', name: `train ${input.errorName}`, x: input.labels, y: input.train, marker: { color: COLOURS.train, opacity: 0.45 } },
      {
        type: 'bar',
        name: `test ${input.errorName}`,
        x: input.labels,
        y: input.test,
        // The best strategy's bar gets a thick outline (a colour of its own would confuse the legend).
        marker: { color: COLOURS.fit, line: { color: COLOURS.best, width: input.labels.map((_, i) => (i === input.best ? 4 : 0)) } },
      },
    ],
    layout: baseLayout({ title, x: axis('strategy', { type: 'category' }), y: axis(input.errorName, { rangemode: 'tozero' }) }, { barmode: 'group' }),
    description,
  };
}
