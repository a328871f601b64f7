// A multiclass model of one feature: the probability of every class over the
// feature's range (softmax curves that add up to 1 at every x), with the
// training points drawn at their own class's probability band. Teaches: the
// prediction is the class whose curve is highest, so the feature line is cut
// into intervals, one per class.
import { curveTrace } from './curve';
import { axis, baseLayout } from './layout';
import { extent, formatNumber, padded, plural } from './numbers';
import { floatStream } from '../data/random';
import { classRowsToDraw, valuesForDrawn, type ClassLabel } from './classes';
import { pointsTrace } from './points';
import { classColour } from './theme';
import type { Figure } from './types';

export interface ClassProbabilitiesInput {
  x: ArrayLike<number>;
  /** Each point's true class. */
  classes: ArrayLike<ClassLabel>;
  /** The model's classes, in the order `probabilities` returns them (and colours). */
  classOrder: readonly ClassLabel[];
  /** The probability of each class (in classOrder) at one value of the feature. */
  probabilities(x: number): ArrayLike<number>;
  xName: string;
  /** What the classes are ("species"). */
  targetName: string;
  /** Vertical jitter of the points within their class band (default 0.015). */
  jitter?: number;
  seed?: number;
}

/** Points of class k are drawn in a thin band at the top of the plot, one band per class, so they never hide the curves. */
function bandOf(k: number, count: number): number {
  return 1.06 + (k * 0.1) / Math.max(1, count - 1);
}

export function classProbabilitiesFigure(input: ClassProbabilitiesInput): Figure {
  const range = padded(extent(input.x), 0.05);
  const order = input.classOrder;
  // A large table draws a sample that keeps the smallest and largest x (sample.ts).
  const drawn = classRowsToDraw(input.classes, order, [input.x]);
  const band = new Map(drawn.labels.map((label, k) => [label, bandOf(k, drawn.labels.length)]));
  const random = floatStream(input.seed ?? 1);
  const spread = input.jitter ?? 0.015;
  const shown = valuesForDrawn(input.x.length, drawn, (i) => band.get(input.classes[i])! + (random() * 2 - 1) * spread);
  const curves = order.map((label, k) =>
    curveTrace((x) => input.probabilities(x)[k], range, {
      name: `P(${label})`,
      color: classColour(k),
      xName: input.xName,
      yName: `P(${input.targetName} = ${label})`,
    }),
  );
  const points = drawn.labels.map((label, k) =>
    pointsTrace(input.x, shown, {
      name: `${input.targetName} = ${label}`,
      color: classColour(k),
      xName: input.xName,
      yName: input.targetName,
      rows: drawn.rows[k],
      total: drawn.total,
      shownY: shown,
    }),
  );
  // The hover of a point says its class, not its drawn height.
  points.forEach((trace, k) => (trace.text = drawn.rows[k].map(() => String(drawn.labels[k]))));
  const n = input.x.length;
  const [lo, hi] = range;
  return {
    ...(drawn.shown && { shown: drawn.shown }),
    data: [...curves, ...points],
    layout: baseLayout({
      title: `Probability of each ${input.targetName} against ${input.xName}`,
      x: axis(input.xName),
      y: axis('probability', { range: [-0.03, 1.2], tickvals: [0, 0.25, 0.5, 0.75, 1] }),
    }),
    description:
      `Softmax probability of each of ${plural(order.length, 'class', 'classes')} (${order.join(', ')}) against ${input.xName} ` +
      `from ${formatNumber(lo)} to ${formatNumber(hi)}, with ${plural(n, 'training point')} marked by class`,
  };
}
