// The regression cell's picture of a model with two or more features: its
// prediction over the plane of the first two, with the training points
// coloured by their true value; any further features held at their training
// medians (a slice through the model, said in the title). One feature is
// drawn as a fitted curve by the view itself.
import { getColumn } from '../../lib/data/table';
import { predictLinear } from '../../lib/ml/linear';
import { asSlice, surfaceFigure, type Figure } from '../../lib/plot';
import { heldAtMedians } from '../shared/held';
import type { RegressionOutput } from './run';

export function regressionSurface(output: Pick<RegressionOutput, 'spec' | 'model' | 'parts' | 'predictions'>): Figure | undefined {
  const { spec, model } = output;
  if (spec.features.length < 2) return undefined;
  const train = output.parts.train;
  const [x1Name, x2Name, ...others] = spec.features;
  const { held, what } = heldAtMedians(train, others);
  const point = (a: number, b: number) => ({ rows: 1, cols: spec.features.length, columns: [a, b, ...held.map((h) => h.value)].map((v) => Float64Array.of(v)) });
  const figure = surfaceFigure({
    x1: getColumn(train, x1Name)!.values as Float64Array,
    x2: getColumn(train, x2Name)!.values as Float64Array,
    y: output.predictions.train!.actual,
    x1Name,
    x2Name,
    yName: spec.target,
    predict: (a, b) => predictLinear(model, point(a, b))[0],
  });
  return asSlice(figure, held, what);
}
