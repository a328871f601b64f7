import { classRowsToDraw, type ClassLabel } from './classes';
import { gridOver } from './grid';
import { axis, baseLayout } from './layout';
import { formatNumber, plural } from './numbers';
import { pointsTrace } from './points';
import { PROBABILITY_SCALE, classColour } from './theme';
import type { Figure, TraceSpec } from './types';

interface TwoFeatures {
  x1: ArrayLike<number>;
  x2: ArrayLike<number>;
  x1Name: string;
  x2Name: string;
  /** Each row's true class. */
  classes: ArrayLike<ClassLabel>;
  /** Grid points per axis (default 60). */
  resolution?: number;
  /** Extra room around the data, as a fraction of each range (default 0.1). */
  margin?: number;
}

export interface BoundaryInput extends TwoFeatures {
  /** P(positive class | x1, x2) from the fitted model. */
  probability: (x1: number, x2: number) => number;
  positiveClass: ClassLabel;
  /** The model's two classes, negative first; without them they are read off the rows (a pass over every row). */
  classOrder?: readonly ClassLabel[];
  threshold?: number;
}

export interface RegionsInput extends TwoFeatures {
  /** The model's classes, in the order `predictClass` numbers them. */
  classOrder: readonly ClassLabel[];
  /** Index into classOrder of the most probable class (argmax) at (x1, x2). */
  predictClass: (x1: number, x2: number) => number;
}

/**
 * The data points, one trace per class, in the given class order (so colours match the
 * regions); a large table draws a sample (sample.ts), which `shown` reports.
 */
function classPoints(input: TwoFeatures, order: readonly ClassLabel[]): { traces: TraceSpec[]; shown?: Figure['shown'] } {
  const drawn = classRowsToDraw(input.classes, order, [input.x1, input.x2]);
  const traces = drawn.labels.map((label, k) =>
    pointsTrace(input.x1, input.x2, {
      name: String(label),
      color: classColour(k),
      xName: input.x1Name,
      yName: input.x2Name,
      rows: drawn.rows[k],
      total: drawn.total,
    }),
  );
  return { traces, ...(drawn.shown && { shown: drawn.shown }) };
}

function layoutFor(input: TwoFeatures, title: string) {
  return baseLayout({ title, x: axis(input.x1Name), y: axis(input.x2Name) });
}

/**
 * A binary classifier's probability over the plane of two features, with the data
 * on top and the p = threshold contour drawn as the decision boundary. Teaches: a
 * logistic model's boundary is a line where the probability crosses the threshold;
 * the shading says how sure the model is away from it.
 */
export function decisionBoundaryFigure(input: BoundaryInput): Figure {
  const threshold = input.threshold ?? 0.5;
  const { xs, ys, z } = gridOver(input.x1, input.x2, input.probability, input.resolution, input.margin);
  const order = input.classOrder ?? classesOfRows(input.classes, input.positiveClass);
  const pName = `P(${input.positiveClass})`;
  const probability: TraceSpec = {
    type: 'contour',
    name: pName,
    x: xs,
    y: ys,
    z,
    zmin: 0,
    zmax: 1,
    colorscale: PROBABILITY_SCALE,
    contours: { start: 0, end: 1, size: 0.1, coloring: 'heatmap', showlines: false },
    opacity: 0.55,
    colorbar: { title: { text: pName } },
    hovertemplate: `${input.x1Name}: %{x}<br>${input.x2Name}: %{y}<br>${pName}: %{z:.3f}<extra></extra>`,
  };
  const boundary: TraceSpec = {
    type: 'contour',
    name: `p = ${formatNumber(threshold)}`,
    x: xs,
    y: ys,
    z,
    showscale: false,
    showlegend: true,
    contours: { start: threshold, end: threshold, size: 1, coloring: 'lines', showlabels: true },
    line: { color: '#000000', width: 3 },
    hoverinfo: 'skip',
  };
  const n = input.x1.length;
  const points = classPoints(input, order);
  return {
    ...(points.shown && { shown: points.shown }),
    data: [probability, boundary, ...points.traces],
    layout: layoutFor(input, `Decision boundary at p = ${formatNumber(threshold)}`),
    description: `Probability of ${input.positiveClass} over ${input.x1Name} and ${input.x2Name}, with the decision boundary at p = ${formatNumber(threshold)} and ${plural(n, 'point')}`,
  };
}

/** The rows' classes, the positive one last (colours match the model's class order). */
function classesOfRows(classes: ArrayLike<ClassLabel>, positiveClass: ClassLabel): ClassLabel[] {
  const negatives = [...new Set(Array.from(classes))].filter((c) => c !== positiveClass);
  return [...negatives.sort((a, b) => String(a).localeCompare(String(b))), positiveClass];
}

/** A stepped colour scale that gives class k (z = k) exactly classColour(k). */
function classScale(k: number): [number, string][] {
  return Array.from({ length: k }, (_, i) => [
    [i / k, classColour(i)],
    [(i + 1) / k, classColour(i)],
  ]).flat() as [number, string][];
}

/**
 * A multiclass classifier's regions: each grid cell takes the colour of the class the
 * model finds most probable (argmax), with the data on top. Teaches: multinomial
 * regression splits the plane into regions with straight borders.
 */
export function decisionRegionsFigure(input: RegionsInput): Figure {
  const { xs, ys, z } = gridOver(input.x1, input.x2, input.predictClass, input.resolution, input.margin);
  const k = input.classOrder.length;
  const regions: TraceSpec = {
    type: 'heatmap',
    name: 'predicted class',
    x: xs,
    y: ys,
    z,
    zmin: -0.5,
    zmax: k - 0.5,
    colorscale: classScale(k),
    showscale: false,
    opacity: 0.3,
    text: z.map((row) => row.map((c) => String(input.classOrder[c]))),
    hovertemplate: `${input.x1Name}: %{x}<br>${input.x2Name}: %{y}<br>predicted: %{text}<extra></extra>`,
  };
  const points = classPoints(input, input.classOrder);
  return {
    ...(points.shown && { shown: points.shown }),
    data: [regions, ...points.traces],
    layout: layoutFor(input, 'Predicted class regions'),
    description: `Regions of ${input.x1Name} and ${input.x2Name} where each of ${plural(k, 'class', 'classes')} is predicted, with ${plural(input.x1.length, 'point')}`,
  };
}
