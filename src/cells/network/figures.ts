// What the network has learned, drawn over its input: with two features the
// probability (or class regions) over the plane of the features, with the
// training points on top; with one feature the class probabilities or the
// fitted curve. The network is asked once for its outputs on a set of probe
// points (a grid, or a line of values); the figures read them back from
// there, so a redraw during training costs one forward pass. With more than
// two features the plane is the first two, the others held at their training
// medians (a slice through the network, said in the title).
import type { Table } from '../../lib/data/table';
import { asSlice, classProbabilitiesFigure, decisionBoundaryFigure, decisionRegionsFigure, fitFigure, surfaceFigure, type Figure, type Held, type HeldAt } from '../../lib/plot';
import { extent, linspace, padded } from '../../lib/plot/numbers';
import { featureMatrix } from '../shared/design';
import { heldAtMedians } from '../shared/held';
import { probabilities, targetValues } from './metrics';
import { encodeRows, type NetworkInputs } from './prepare';

/** Grid points per axis of the boundary plot (and of the unit thumbnails). */
export const GRID = 40;
/** Points along the feature for one-feature plots. */
const LINE = 120;
/** Room around the data, as in lib/plot/grid's gridOver. */
const MARGIN = 0.1;

/** Where the network is evaluated for the pictures, in raw feature units and as network inputs. */
export interface Probe {
  /** Values of the first feature (grid columns, or the line). */
  xs: number[];
  /** Values of the second feature (grid rows); absent for one feature. */
  ys?: number[];
  /** Row-major network inputs: for a grid, row j·|xs| + i is (xs[i], ys[j]). */
  X: Float32Array;
  rows: number;
  /** The training part's raw feature columns (the points drawn on top). */
  columns: ArrayLike<number>[];
  /** The features beyond the first two and the values they are held at over the grid. */
  held: Held[];
  /** What those values are, for the title. */
  heldAt: HeldAt;
}

/** The probe points for this network's pictures: a line for one feature, else a grid over the first two. */
export function probeFor(inputs: NetworkInputs, train: Table): Probe {
  const columns = featureMatrix(train, inputs.features).columns;
  const { held, what } = heldAtMedians(train, inputs.features.slice(2));
  if (columns.length === 1) {
    const xs = linspace(...padded(extent(columns[0]), MARGIN), LINE);
    return { xs, X: encodeRows(inputs, [xs], xs.length), rows: xs.length, columns, held, heldAt: what };
  }
  const xs = linspace(...padded(extent(columns[0]), MARGIN), GRID);
  const ys = linspace(...padded(extent(columns[1]), MARGIN), GRID);
  const a = ys.flatMap(() => xs);
  const b = ys.flatMap((y) => xs.map(() => y));
  const rest = held.map((h) => a.map(() => h.value));
  return { xs, ys, X: encodeRows(inputs, [a, b, ...rest], a.length), rows: a.length, columns: columns.slice(0, 2), held, heldAt: what };
}

/** Linear interpolation of values known at the sorted points `xs`. */
function along(xs: number[], values: (k: number) => number): (x: number) => number {
  return (x) => {
    if (x <= xs[0]) return values(0);
    const last = xs.length - 1;
    if (x >= xs[last]) return values(last);
    const step = (xs[last] - xs[0]) / last;
    const k = Math.min(last - 1, Math.floor((x - xs[0]) / step));
    const t = (x - xs[k]) / (xs[k + 1] - xs[k]);
    return values(k) * (1 - t) + values(k + 1) * t;
  };
}

/** The picture of the network's output over its probe, with the training points; undefined when there is none to draw. */
export function networkFigure(inputs: NetworkInputs, probe: Probe | undefined, output: Float32Array): Figure | undefined {
  if (!probe) return undefined;
  const { columns } = probe;
  const [x1Name, x2Name] = inputs.features;
  const actual = inputs.actual.train!;
  if (!probe.ys) {
    if (inputs.task === 'regression') {
      const values = targetValues(inputs, output);
      return fitFigure({ x: columns[0], y: actual as Float64Array, predict: along(probe.xs, (k) => values[k]), xName: x1Name, yName: inputs.target, curveName: 'network', residuals: false });
    }
    const proba = probabilities(inputs.task, output, probe.rows);
    return classProbabilitiesFigure({
      x: columns[0],
      classes: actual as (string | number)[],
      classOrder: inputs.classes,
      probabilities: (x) => inputs.classes.map((_, c) => along(probe.xs, (k) => proba[k][c])(x)),
      xName: x1Name,
      targetName: inputs.target,
    });
  }
  // A grid: gridOver (inside the figure builders) asks for f(xs[i], ys[j]) at the same points, so each is looked up.
  const column = new Map(probe.xs.map((x, i) => [x, i]));
  const row = new Map(probe.ys.map((y, j) => [y, j]));
  const at = (a: number, b: number) => row.get(b)! * probe.xs.length + column.get(a)!;
  const common = { x1: columns[0], x2: columns[1], x1Name, x2Name, classes: actual as (string | number)[], resolution: GRID, margin: MARGIN };
  if (inputs.task === 'regression') {
    const values = targetValues(inputs, output);
    const figure = surfaceFigure({ x1: columns[0], x2: columns[1], y: actual as Float64Array, x1Name, x2Name, yName: inputs.target, predict: (a, b) => values[at(a, b)], resolution: GRID, margin: MARGIN });
    return asSlice(figure, probe.held, probe.heldAt);
  }
  if (inputs.task === 'binary') {
    return asSlice(decisionBoundaryFigure({ ...common, probability: (a, b) => output[at(a, b)], positiveClass: inputs.classes[1], classOrder: inputs.classes }), probe.held, probe.heldAt);
  }
  if (inputs.task === 'multiclass') {
    const proba = probabilities('multiclass', output, probe.rows);
    const figure = decisionRegionsFigure({ ...common, classOrder: inputs.classes, predictClass: (a, b) => { const p = proba[at(a, b)]; return p.indexOf(Math.max(...p)); } });
    return asSlice(figure, probe.held, probe.heldAt);
  }
  return undefined;
}
