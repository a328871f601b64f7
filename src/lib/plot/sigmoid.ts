import { classRowsToDraw, valuesForDrawn, type DrawnClassRows } from './classes';
import { curveTrace } from './curve';
import { axis, baseLayout, lineShape } from './layout';
import { extent, formatNumber, logit, padded, plural, sigmoid } from './numbers';
import { floatStream } from '../data/random';
import { pointsTrace } from './points';
import { COLOURS, classColour } from './theme';
import { thresholdX, type Logistic1D } from './threshold';
import type { AnnotationSpec, Figure, ShapeSpec, TraceSpec } from './types';

export interface SigmoidInput extends Logistic1D {
  x: ArrayLike<number>;
  /** The 0/1 labels. */
  y: ArrayLike<number>;
  xName: string;
  /** What y = 1 means ("malignant"). */
  yName: string;
  /** Decision threshold on the probability (default 0.5). */
  threshold?: number;
  /** Vertical jitter of the 0/1 points, so overlapping points show (default 0.04). */
  jitter?: number;
  seed?: number;
}

interface Parts {
  n: number;
  range: [number, number];
  cut: number | undefined;
  threshold: number;
}

function partsOf(input: SigmoidInput): Parts {
  const threshold = input.threshold ?? 0.5;
  return { n: input.x.length, range: padded(extent(input.x), 0.05), cut: thresholdX(input, threshold), threshold };
}

/** One trace per label (0, 1) over the drawn rows, with the drawn y given by `shownY`. */
function labelTraces(input: SigmoidInput, drawn: DrawnClassRows, shownY: ArrayLike<number>, yTitle: string): TraceSpec[] {
  return drawn.labels.map((label, k) =>
    pointsTrace(input.x, input.y, {
      name: `${input.yName} = ${label}`,
      color: classColour(k),
      xName: input.xName,
      yName: yTitle,
      rows: drawn.rows[k],
      total: drawn.total,
      shownY,
    }),
  );
}

/** A large table draws a sample that keeps the smallest and largest x (sample.ts). */
function drawnRows(input: SigmoidInput): DrawnClassRows {
  return classRowsToDraw(input.y, [0, 1], [input.x]);
}

/** The threshold marks: a horizontal line at `level` and a vertical line at the cut x. */
function thresholdMarks(parts: Parts, level: number, yRange: [number, number]): { shapes: ShapeSpec[]; annotations: AnnotationSpec[] } {
  const shapes = [lineShape(0, level, 1, level, { color: COLOURS.threshold, dash: 'dash' }, { xref: 'paper' })];
  const annotations: AnnotationSpec[] = [];
  if (parts.cut !== undefined) {
    shapes.push(lineShape(parts.cut, yRange[0], parts.cut, yRange[1], { color: COLOURS.threshold, dash: 'dot' }));
    annotations.push({
      text: `p = ${formatNumber(parts.threshold)} at x = ${formatNumber(parts.cut)}`,
      x: parts.cut,
      y: level,
      xref: 'x',
      yref: 'y',
      showarrow: true,
      arrowhead: 0,
      ax: 40,
      ay: -30,
    });
  }
  return { shapes, annotations };
}

/**
 * The fitted sigmoid p = σ(w·x + b) over the 0/1 data (jittered), with the decision
 * threshold drawn across and the x where p reaches it drawn down. Teaches: logistic
 * regression fits a probability, and a threshold turns it into a decision.
 */
export function sigmoidFigure(input: SigmoidInput): Figure {
  const parts = partsOf(input);
  // Seeded, so the jitter is the same on every draw and in snapshots.
  const random = floatStream(input.seed ?? 1);
  const spread = input.jitter ?? 0.04;
  const drawn = drawnRows(input);
  const jittered = valuesForDrawn(parts.n, drawn, (i) => input.y[i] + (random() * 2 - 1) * spread);
  const z = (x: number) => input.weight * x + input.intercept;
  const yRange: [number, number] = [-0.1, 1.1];
  const pName = `P(${input.yName} = 1)`;
  return {
    ...(drawn.shown && { shown: drawn.shown }),
    data: [
      ...labelTraces(input, drawn, jittered, input.yName),
      curveTrace((x) => sigmoid(z(x)), parts.range, { name: 'sigmoid', xName: input.xName, yName: pName }),
    ],
    layout: baseLayout(
      { title: `${pName} against ${input.xName}`, x: axis(input.xName), y: axis(pName, { range: yRange }) },
      thresholdMarks(parts, parts.threshold, yRange),
    ),
    description:
      `Sigmoid curve of ${pName} against ${input.xName} over ${plural(parts.n, 'point')}` +
      (parts.cut === undefined ? '' : `, crossing the threshold ${formatNumber(parts.threshold)} at ${input.xName} = ${formatNumber(parts.cut)}`),
  };
}

/**
 * The same model on the logit axis: log-odds = w·x + b is a straight line, and each
 * point sits on it at its own score, coloured by its true label. Teaches: logistic
 * regression is a linear model of the log-odds; the threshold is a line's crossing.
 */
export function logitFigure(input: SigmoidInput): Figure {
  const parts = partsOf(input);
  const z = (x: number) => input.weight * x + input.intercept;
  const drawn = drawnRows(input);
  const scores = valuesForDrawn(parts.n, drawn, (i) => z(input.x[i]));
  const level = logit(parts.threshold);
  // The scores lie on the line between z at the ends of the (padded) x range, so those two bound them.
  const yRange = padded(extent([level, z(parts.range[0]), z(parts.range[1])]), 0.05);
  const zName = `log-odds of ${input.yName} = 1`;
  return {
    ...(drawn.shown && { shown: drawn.shown }),
    data: [
      curveTrace(z, parts.range, { name: 'w·x + b', samples: 2, xName: input.xName, yName: zName }),
      ...labelTraces(input, drawn, scores, input.yName),
    ],
    layout: baseLayout({ title: `${zName} against ${input.xName}`, x: axis(input.xName), y: axis(zName) }, thresholdMarks(parts, level, yRange)),
    description: `Straight line of the ${zName} against ${input.xName}, with ${plural(parts.n, 'point')} placed at their scores`,
  };
}
