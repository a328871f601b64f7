// For a one-feature regression swept over degree: the fits at the simplest
// degree, the best one and the most flexible one, drawn side by side over
// the training rows. TrainedModel only scores, so these three are refitted
// from the regression cell's spec, which gives curves to draw.
import { getColumn, isNumeric, type Table } from '../../lib/data/table';
import { predictLinear, type LinearModel } from '../../lib/ml/linear';
import { smallMultiplesFigure, type Figure, type Predict } from '../../lib/plot';
import type { ModelOutput } from '../shared/model';
import type { RegressionOutput } from '../regression/run';
import { fitRegressionSpec } from '../regression/spec';

export interface MultiplesPanel {
  title: string;
  model: LinearModel;
}

export interface Multiples {
  x: Float64Array;
  y: Float64Array;
  xName: string;
  yName: string;
  panels: MultiplesPanel[];
}

function isRegressionOutput(model: ModelOutput): model is RegressionOutput {
  return model.task === 'regression' && (model as Partial<RegressionOutput>).spec !== undefined;
}

/** The panels' degrees: simplest, best, most flexible (fewer when they coincide). */
export function panelDegrees(degrees: readonly number[], best: number): { degree: number; role: string }[] {
  const picks = [
    { degree: degrees[0], role: 'underfits' },
    { degree: best, role: 'best' },
    { degree: degrees[degrees.length - 1], role: 'overfits' },
  ];
  // Where the best is also an end, it is named best.
  return picks.filter((p, i) => (p.role === 'best' ? true : p.degree !== best && picks.findIndex((q) => q.degree === p.degree) === i));
}

export function degreeMultiples(model: ModelOutput, train: Table, degrees: readonly number[], best: number): Multiples | undefined {
  if (!isRegressionOutput(model) || model.spec.features.length !== 1) return undefined;
  const spec = model.spec;
  const xColumn = getColumn(train, spec.features[0]);
  const yColumn = getColumn(train, spec.target);
  if (!xColumn || !yColumn || !isNumeric(xColumn) || !isNumeric(yColumn)) return undefined;
  const panels = panelDegrees(degrees, best).map(({ degree, role }) => ({
    title: `degree ${degree}: ${role}`,
    model: fitRegressionSpec({ ...spec, degree }, train).model,
  }));
  return { x: xColumn.values, y: yColumn.values, xName: spec.features[0], yName: spec.target, panels };
}

/** A one-feature linear model as a function of its feature. */
export function predictOne(model: LinearModel): Predict {
  const cell = new Float64Array(1);
  const matrix = { rows: 1, cols: 1, columns: [cell] };
  return (x) => {
    cell[0] = x;
    return predictLinear(model, matrix)[0];
  };
}

export function multiplesFigure(m: Multiples): Figure {
  const figure = smallMultiplesFigure({ x: m.x, y: m.y, xName: m.xName, yName: m.yName, panels: m.panels.map((p) => ({ title: p.title, predict: predictOne(p.model) })) });
  // The builder's title lists every panel, which the panel titles already say.
  return { ...figure, layout: { ...figure.layout, title: { text: `${m.yName} against ${m.xName}, fitted on the training rows` } } };
}
