// The values a sweep tries, from its `values` option: a list as written, or
// a range filled in with the parameter's defaults. Whole-number parameters
// are rounded and repeated values dropped; values come out ascending.
import { learningCurveSizes } from '../../lib/validation';
import type { SweepParameter, ValueRange } from './schema';

type Range = Required<ValueRange>;

/** Defaults per hyperparameter (training-set sizes default to a learning curve). */
export const DEFAULT_RANGES: Record<Exclude<SweepParameter, 'trainSize'>, Range> = {
  degree: { from: 1, to: 10, steps: 10, scale: 'linear' },
  alpha: { from: 1e-4, to: 100, steps: 13, scale: 'log' },
  epochs: { from: 10, to: 1000, steps: 7, scale: 'log' },
};

/** Learning curves: this many training-set sizes from 10% to 100% of the training rows. */
export const DEFAULT_SIZE_STEPS = 8;

/** How a parameter is named on axes and in sentences. */
export const PARAMETER_NAMES: Record<SweepParameter, string> = {
  degree: 'degree',
  alpha: 'α',
  epochs: 'epochs',
  trainSize: 'training rows',
};

const wholeNumbers = (p: SweepParameter) => p !== 'alpha';

export function evenlySpaced(from: number, to: number, steps: number, scale: 'linear' | 'log'): number[] {
  if (scale === 'log' && !(from > 0 && to > 0)) throw new Error(`A log range needs values above 0, got from ${from} to ${to}.`);
  const [a, b] = scale === 'log' ? [Math.log10(from), Math.log10(to)] : [from, to];
  return Array.from({ length: steps }, (_, i) => {
    const t = a + ((b - a) * i) / (steps - 1);
    // Round off float noise (0.30000000000000004), so values print as written.
    return Number((scale === 'log' ? 10 ** t : t).toPrecision(12));
  });
}

export function sweepValues(parameter: SweepParameter, option: number[] | ValueRange | undefined, trainRows: number): number[] {
  let values: number[];
  if (Array.isArray(option)) values = option;
  else if (parameter === 'trainSize' && option?.from === undefined && option?.to === undefined) {
    values = learningCurveSizes(trainRows, option?.steps ?? DEFAULT_SIZE_STEPS);
  } else {
    const defaults = parameter === 'trainSize' ? { from: Math.ceil(trainRows / 10), to: trainRows, steps: DEFAULT_SIZE_STEPS, scale: 'linear' as const } : DEFAULT_RANGES[parameter];
    const range = { ...defaults, ...option };
    values = evenlySpaced(range.from, range.to, range.steps, range.scale);
  }
  if (wholeNumbers(parameter)) values = values.map(Math.round);
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  check(parameter, sorted, trainRows);
  return sorted;
}

function check(parameter: SweepParameter, values: number[], trainRows: number): void {
  const name = PARAMETER_NAMES[parameter];
  if (values.length === 0) throw new Error(`The sweep has no ${name} values to try.`);
  const lowest = parameter === 'alpha' ? 0 : 1;
  if (values[0] < lowest) throw new Error(`Every ${name} value must be at least ${lowest}; got ${values[0]}.`);
  if (parameter === 'trainSize' && values[values.length - 1] > trainRows) {
    throw new Error(`The training part has ${trainRows} rows, so it cannot train on ${values[values.length - 1]}.`);
  }
}
