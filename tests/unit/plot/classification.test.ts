import { describe, expect, it } from 'vitest';
import { logitFigure, sigmoidFigure } from '../../../src/lib/plot/sigmoid';
import { thresholdX } from '../../../src/lib/plot/threshold';
import { decisionBoundaryFigure, decisionRegionsFigure } from '../../../src/lib/plot/decision-boundary';
import { confusionMatrixFigure } from '../../../src/lib/plot/confusion';
import { rocFigure } from '../../../src/lib/plot/roc';
import { precisionRecallFigure } from '../../../src/lib/plot/precision-recall';
import { operatingPoint } from '../../../src/lib/plot/operating-point';

const sig = (z: number) => 1 / (1 + Math.exp(-z));

describe('sigmoid and logit figures', () => {
  const input = { x: [0, 1, 2, 3, 4, 5], y: [0, 0, 1, 0, 1, 1], weight: 2, intercept: -5, threshold: 0.7, xName: 'hours', yName: 'pass' };

  it('match their snapshots', () => {
    expect(sigmoidFigure(input)).toMatchSnapshot();
    expect(logitFigure(input)).toMatchSnapshot();
  });

  it('marks the x where sigmoid(w·x + b) equals the threshold', () => {
    const cut = thresholdX(input, 0.7)!;
    expect(sig(2 * cut - 5)).toBeCloseTo(0.7, 12);
    // by hand: x = (ln(0.7/0.3) + 5) / 2
    expect(cut).toBeCloseTo((Math.log(7 / 3) + 5) / 2, 12);
    const shapes = sigmoidFigure(input).layout.shapes!;
    expect(shapes[0]).toMatchObject({ y0: 0.7, y1: 0.7, xref: 'paper' });
    expect(shapes[1].x0).toBeCloseTo(cut, 12);
    expect(shapes[1].x1).toBeCloseTo(cut, 12);
  });

  it('draws the logit view as a straight line and the threshold at logit(t)', () => {
    const figure = logitFigure(input);
    const line = figure.data[0];
    expect(line.y).toEqual([2 * (line.x![0] as number) - 5, 2 * (line.x![1] as number) - 5]);
    expect(figure.layout.shapes![0].y0).toBeCloseTo(Math.log(0.7 / 0.3), 12);
  });

  it('jitters the 0/1 points but keeps them near their label and keeps the true label in the hover', () => {
    const [zeros, ones] = sigmoidFigure({ ...input, jitter: 0.05 }).data;
    for (const v of zeros.y as number[]) expect(Math.abs(v)).toBeLessThanOrEqual(0.05);
    for (const v of ones.y as number[]) expect(Math.abs(v - 1)).toBeLessThanOrEqual(0.05);
    expect(ones.text).toEqual(['1', '1', '1']);
    expect(ones.customdata).toEqual([2, 4, 5]);
  });

  it('has no threshold x for a flat model', () => {
    expect(thresholdX({ weight: 0, intercept: 1 }, 0.5)).toBeUndefined();
    expect(sigmoidFigure({ ...input, weight: 0 }).layout.shapes).toHaveLength(1);
  });
});

describe('decision boundary', () => {
  const x1 = [0, 1, 2, 3];
  const x2 = [10, 14, 12, 20];
  const classes = ['no', 'no', 'yes', 'yes'];
  const probability = (a: number, b: number) => sig(a - 1.5 + 0 * b);

  it('matches its snapshot', () => {
    expect(decisionBoundaryFigure({ x1, x2, x1Name: 'a', x2Name: 'b', classes, probability, positiveClass: 'yes', resolution: 4 })).toMatchSnapshot();
  });

  it('evaluates the probability on a grid covering the data range plus the margin', () => {
    const figure = decisionBoundaryFigure({ x1, x2, x1Name: 'a', x2Name: 'b', classes, probability, positiveClass: 'yes', resolution: 5, margin: 0.1 });
    const [contour, boundary] = figure.data;
    // a: 0..3 widened by 0.3; b: 10..20 widened by 1
    expect(contour.x).toEqual([-0.3, 0.6, 1.5, 2.4, 3.3].map((v, i) => (i === 4 ? 3.3 : expect.closeTo(v, 12))));
    expect((contour.y as number[])[0]).toBeCloseTo(9, 12);
    expect((contour.y as number[])[4]).toBeCloseTo(21, 12);
    expect((contour.z as number[][])[0][2]).toBeCloseTo(0.5, 12);
    expect(boundary.contours).toMatchObject({ start: 0.5, end: 0.5, coloring: 'lines' });
    // the positive class comes second, so it gets the colour of p = 1
    expect(figure.data.slice(2).map((t) => t.name)).toEqual(['no', 'yes']);
  });

  it('a large table draws a sample of its points, each under its own class, and says how many', () => {
    const n = 60_000;
    const big1 = Float64Array.from({ length: n }, (_, i) => i % 997);
    const big2 = Float64Array.from({ length: n }, (_, i) => (i * 7) % 1009);
    const labels = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'yes' : 'no'));
    const figure = decisionBoundaryFigure({ x1: big1, x2: big2, x1Name: 'a', x2Name: 'b', classes: labels, probability, positiveClass: 'yes', resolution: 4 });
    expect(figure.shown).toEqual({ points: 50_000, of: n });
    const points = figure.data.slice(2) as { name: string; customdata: number[]; x: number[] }[];
    expect(points.reduce((sum, t) => sum + t.customdata.length, 0)).toBe(50_000);
    for (const trace of points) {
      trace.customdata.forEach((row, k) => {
        expect(labels[row]).toBe(trace.name);
        expect(trace.x[k]).toBe(big1[row]);
      });
    }
    expect(decisionBoundaryFigure({ x1, x2, x1Name: 'a', x2Name: 'b', classes, probability, positiveClass: 'yes' }).shown).toBeUndefined();
  });

  it('shows argmax regions for several classes, coloured like their points', () => {
    const figure = decisionRegionsFigure({
      x1,
      x2,
      x1Name: 'a',
      x2Name: 'b',
      classes: ['c', 'a', 'b', 'c'],
      classOrder: ['a', 'b', 'c'],
      predictClass: (a) => (a < 1 ? 0 : a < 2 ? 1 : 2),
      resolution: 3,
    });
    expect(figure).toMatchSnapshot();
    expect(figure.data[0].z).toEqual([
      [0, 1, 2],
      [0, 1, 2],
      [0, 1, 2],
    ]);
    expect(figure.data.slice(1).map((t) => [t.name, t.customdata])).toEqual([
      ['a', [1]],
      ['b', [2]],
      ['c', [0, 3]],
    ]);
  });
});

describe('confusion matrix', () => {
  it('annotates counts and row shares', () => {
    const figure = confusionMatrixFigure({ labels: ['cat', 'dog'], matrix: [[3, 1], [2, 6]] });
    expect(figure).toMatchSnapshot();
    expect(figure.data[0].z).toEqual([
      [0.75, 0.25],
      [0.25, 0.75],
    ]);
    expect(figure.data[0].text).toEqual([
      ['3<br>75%', '1<br>25%'],
      ['2<br>25%', '6<br>75%'],
    ]);
    expect(figure.description).toBe('Confusion matrix of 2 classes: 9 of 12 rows on the diagonal (correct)');
  });
});

describe('threshold curves', () => {
  // sklearn-style ROC for scores [0.9, 0.8, 0.4, 0.3] with labels [1, 0, 1, 0]
  const roc = { fpr: [0, 0, 0.5, 0.5, 1], tpr: [0, 0.5, 0.5, 1, 1], thresholds: [1.9, 0.9, 0.8, 0.4, 0.3], auc: 0.75 };

  it('finds the operating point: the smallest threshold at or above t', () => {
    expect(operatingPoint(roc.thresholds, 0.5)).toBe(2);
    expect(operatingPoint(roc.thresholds, 0.8)).toBe(2);
    expect(operatingPoint(roc.thresholds, 0.1)).toBe(4);
    expect(operatingPoint(roc.thresholds, 2)).toBe(-1);
    expect(operatingPoint([0.3, 0.4, 0.8, 0.9], 0.5)).toBe(2);
  });

  it('ROC marks the threshold point and shows the AUC', () => {
    const figure = rocFigure({ ...roc, threshold: 0.5 });
    expect(figure).toMatchSnapshot();
    // at t = 0.5 the model flags 0.9 and 0.8: one of two positives, one of two negatives
    expect(figure.data[1]).toMatchObject({ x: [0.5], y: [0.5], name: 'threshold 0.5' });
    expect(figure.data[0].name).toBe('ROC (AUC = 0.75)');
    expect(figure.layout.shapes![0]).toMatchObject({ x0: 0, y0: 0, x1: 1, y1: 1 });
  });

  it('precision–recall marks the threshold point on sklearn-shaped arrays', () => {
    // precision_recall_curve for the same scores: thresholds increase, one shorter than the curve
    const figure = precisionRecallFigure({
      precision: [0.5, 2 / 3, 0.5, 1, 1],
      recall: [1, 1, 0.5, 0.5, 0],
      thresholds: [0.3, 0.4, 0.8, 0.9],
      threshold: 0.5,
      averagePrecision: 0.8333,
      prevalence: 0.5,
    });
    expect(figure).toMatchSnapshot();
    expect(figure.data[1]).toMatchObject({ x: [0.5], y: [0.5] });
  });
});
