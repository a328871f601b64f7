// The classifier's pictures, from its output and a decision threshold:
// with one feature the sigmoid and the straight log-odds line (binary) or
// every class's probability curve (multiclass); with two, the
// decision boundary (binary) or the class regions (multiclass); with more,
// the same over the first two features, the others held at their training
// medians (a slice through the model, said in the title).
import type { Figure } from '../../lib/plot';
import { asSlice, classProbabilitiesFigure, decisionBoundaryFigure, decisionRegionsFigure, logitFigure, sigmoidFigure } from '../../lib/plot';
import { getColumn, type Table } from '../../lib/data/table';
import { predictProba, type LogisticModel } from '../../lib/ml/logistic';
import type { ClassifierOutput } from './run';
import { argmax } from './evaluation';
import { designOf, type ClassifierSpec } from './spec';
import { heldAtMedians } from '../shared/held';

function column(table: Table, name: string): Float64Array {
  return getColumn(table, name)!.values as Float64Array;
}

/**
 * One feature, two classes: the log-odds of the positive class as weight·x +
 * intercept. A softmax model with two classes has one score per class; the
 * log-odds is their difference.
 */
export function logOddsLine(model: LogisticModel): { weight: number; intercept: number } {
  if (!model.multinomial) return { weight: model.coefficients[0][0], intercept: model.intercept[0] };
  return { weight: model.coefficients[1][0] - model.coefficients[0][0], intercept: model.intercept[1] - model.intercept[0] };
}

/** Probabilities at one point of the features' space (expanded to the model's polynomial terms). */
function probabilityAt(model: LogisticModel, spec: ClassifierSpec, ...x: number[]): Float64Array {
  const point = { rows: 1, cols: x.length, columns: x.map((v) => Float64Array.of(v)) };
  return predictProba(model, designOf(spec, point).X)[0];
}

export function classifierFigures(output: ClassifierOutput, threshold: number): Figure[] {
  const { spec, model, classes, binary } = output;
  const train = output.parts.train;
  const actual = output.scores.train!.actual;
  // With polynomial terms the log-odds is a curve, not the straight line the sigmoid and logit plots draw.
  if (spec.features.length === 1 && binary && (spec.degree ?? 1) === 1) {
    const positive = String(classes[1]);
    const input = {
      ...logOddsLine(model),
      x: column(train, spec.features[0]),
      y: actual.map((label) => (label === classes[1] ? 1 : 0)),
      xName: spec.features[0],
      yName: positive,
      threshold,
    };
    return [sigmoidFigure(input), logitFigure(input)];
  }
  if (spec.features.length === 1) {
    return [
      classProbabilitiesFigure({
        x: column(train, spec.features[0]),
        classes: actual,
        classOrder: classes,
        probabilities: (x) => probabilityAt(model, spec, x),
        xName: spec.features[0],
        targetName: spec.target,
      }),
    ];
  }
  if (spec.features.length >= 2) {
    const { held, what } = heldAtMedians(train, spec.features.slice(2));
    const rest = held.map((h) => h.value);
    const common = {
      x1: column(train, spec.features[0]),
      x2: column(train, spec.features[1]),
      x1Name: spec.features[0],
      x2Name: spec.features[1],
      classes: actual,
    };
    const figure = binary
      ? decisionBoundaryFigure({ ...common, probability: (a, b) => probabilityAt(model, spec, a, b, ...rest)[1], positiveClass: classes[1], classOrder: classes, threshold })
      : decisionRegionsFigure({ ...common, classOrder: classes, predictClass: (a, b) => argmax(probabilityAt(model, spec, a, b, ...rest)) });
    return [asSlice(figure, held, what)];
  }
  return [];
}
