import { describe, expect, it } from 'vitest';
import { classProbabilitiesFigure } from '../../../src/lib/plot/class-probabilities';

// Three classes, scores z_k = w_k·x + b_k, softmax by hand.
const weights = [-2, 0, 2];
const biases = [1, 0.5, -3];
function softmax(x: number): number[] {
  const z = weights.map((w, k) => w * x + biases[k]);
  const top = Math.max(...z);
  const e = z.map((v) => Math.exp(v - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

const input = {
  x: [0, 0.5, 1, 1.5, 2, 2.5, 3],
  classes: ['setosa', 'setosa', 'versicolor', 'versicolor', 'virginica', 'versicolor', 'virginica'],
  classOrder: ['setosa', 'versicolor', 'virginica'],
  probabilities: softmax,
  xName: 'petal_width',
  targetName: 'species',
};

describe('class probability curves (one feature, several classes)', () => {
  it('matches its snapshot', () => {
    expect(classProbabilitiesFigure(input)).toMatchSnapshot();
  });

  it('draws one softmax curve per class, adding up to 1 at every x', () => {
    const figure = classProbabilitiesFigure(input);
    const curves = figure.data.slice(0, 3);
    expect(curves.map((t) => t.name)).toEqual(['P(setosa)', 'P(versicolor)', 'P(virginica)']);
    const xs = curves[0].x as number[];
    // the range is the data's (0..3) widened by 5 %
    expect(xs[0]).toBeCloseTo(-0.15, 12);
    expect(xs.at(-1)).toBeCloseTo(3.15, 12);
    for (let i = 0; i < xs.length; i += 17) {
      const expected = softmax(xs[i]);
      const drawn = curves.map((c) => (c.y as number[])[i]);
      drawn.forEach((p, k) => expect(p).toBeCloseTo(expected[k], 12));
      expect(drawn.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it('marks every training point once, grouped and coloured by its true class, above the curves', () => {
    const figure = classProbabilitiesFigure(input);
    const points = figure.data.slice(3);
    expect(points.map((t) => [t.name, t.customdata])).toEqual([
      ['species = setosa', [0, 1]],
      ['species = versicolor', [2, 3, 5]],
      ['species = virginica', [4, 6]],
    ]);
    for (const trace of points) for (const y of trace.y as number[]) expect(y).toBeGreaterThan(1);
    expect(points[1].text).toEqual(['versicolor', 'versicolor', 'versicolor']);
    expect(points.map((t) => (t.marker as { color: string }).color)).toEqual(figure.data.slice(0, 3).map((t) => (t.line as { color: string }).color));
    expect(figure.description).toContain('3 classes (setosa, versicolor, virginica)');
  });
});
