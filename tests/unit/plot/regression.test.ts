import { describe, expect, it } from 'vitest';
import { fitFigure } from '../../../src/lib/plot/fit';
import { polynomial } from '../../../src/lib/plot/curve';
import { smallMultiplesFigure } from '../../../src/lib/plot/small-multiples';
import { predictedActualFigure, residualsFigure } from '../../../src/lib/plot/diagnostics';
import { histogramFigure } from '../../../src/lib/plot/histogram';
import { coefficientsFigure } from '../../../src/lib/plot/coefficients';

const x = [1, 2, 3, 4, 5];
const y = [2, 4, 5, 4, 5];
// ŷ = 2.2 + 0.6x, the least-squares line for these points.
const line = { coefficients: [0.6], intercept: 2.2 };

describe('fitFigure', () => {
  const figure = fitFigure({ x, y, predict: polynomial(line), xName: 'x', yName: 'y', samples: 5 });

  it('matches its snapshot', () => {
    expect(figure).toMatchSnapshot();
  });

  it('draws residual segments from each point to the curve', () => {
    const segments = figure.data.find((t) => t.name === 'residuals')!;
    const fitted = [2.8, 3.4, 4.0, 4.6, 5.2];
    x.forEach((xi, i) => {
      expect(segments.x!.slice(3 * i, 3 * i + 3)).toEqual([xi, xi, null]);
      expect(segments.y![3 * i]).toBe(y[i]);
      expect(segments.y![3 * i + 1]).toBeCloseTo(fitted[i], 12);
    });
  });

  it('reports the SSE computed by hand', () => {
    // residuals: -0.8, 0.6, 1.0, -0.6, -0.2 → 0.64 + 0.36 + 1 + 0.36 + 0.04 = 2.4
    // In the title only (no corner note): a refit then redraws the title, not the whole plot.
    expect(figure.layout.title!.text).toBe('y against x: SSE = 2.4');
    expect(figure.layout.annotations).toBeUndefined();
    expect(figure.description).toBe('Fit of y on x over 5 points, sum of squared errors 2.4');
  });

  it('evaluates polynomials by Horner: 1 + 2x + 3x² at x = 2 is 17', () => {
    expect(polynomial({ intercept: 1, coefficients: [2, 3] })(2)).toBe(17);
  });
});

describe('smallMultiplesFigure', () => {
  const figure = smallMultiplesFigure({
    x,
    y,
    xName: 'x',
    yName: 'y',
    panels: [
      { title: 'mean (underfit)', predict: () => 4 },
      { title: 'line', predict: polynomial(line) },
      { title: 'through every point', predict: (v) => y[v - 1] ?? 0 },
    ],
  });

  it('matches its snapshot', () => {
    expect(figure).toMatchSnapshot();
  });

  it('puts each fit in its own subplot with its SSE', () => {
    expect(figure.layout.grid).toEqual({ rows: 1, columns: 3, pattern: 'independent' });
    expect(figure.data.map((t) => t.xaxis ?? 'x')).toEqual(['x', 'x', 'x2', 'x2', 'x3', 'x3']);
    // mean 4: residuals -2, 0, 1, 0, 1 → SSE 6
    expect(figure.layout.annotations!.map((a) => a.text)).toEqual([
      'mean (underfit)<br>SSE = 6',
      'line<br>SSE = 2.4',
      'through every point<br>SSE = 0',
    ]);
    expect(figure.layout.yaxis2).toMatchObject({ matches: 'y' });
  });
});

describe('residuals and predicted-vs-actual', () => {
  const fitted = [2.8, 3.4, 4.0, 4.6, 5.2];

  it('residuals are actual − fitted, around a zero line', () => {
    const figure = residualsFigure({ fitted, actual: y, name: 'y' });
    expect(figure).toMatchSnapshot();
    const r = figure.data[0].y as number[];
    [-0.8, 0.6, 1, -0.6, -0.2].forEach((v, i) => expect(r[i]).toBeCloseTo(v, 12));
    expect(figure.layout.shapes![0]).toMatchObject({ y0: 0, y1: 0, xref: 'paper' });
  });

  it('draws y = x over the range of both', () => {
    const figure = predictedActualFigure({ actual: y, predicted: fitted, name: 'y' });
    expect(figure).toMatchSnapshot();
    const s = figure.layout.shapes![0];
    expect(s.x0).toBe(s.y0);
    expect(s.x1).toBe(s.y1);
    // extent 2..5.2, padded by 5% of 3.2 = 0.16
    expect(s.x0).toBeCloseTo(1.84, 12);
    expect(s.x1).toBeCloseTo(5.36, 12);
  });
});

describe('histogramFigure', () => {
  const values = [-2, -1, -1, 0, 0, 0, 0, 1, 1, 2];
  const figure = histogramFigure({ values, name: 'residual', normal: true });

  it('matches its snapshot', () => {
    expect(figure).toMatchSnapshot();
  });

  it('uses Sturges bins and scales the normal curve to counts', () => {
    // n = 10 → ⌈log₂ 10⌉ + 1 = 5 bins over [-2, 2] → width 0.8
    expect(figure.data[0].xbins).toEqual({ start: -2, end: 2, size: 0.8 });
    // mean 0; sample variance (4+1+1+0+0+0+0+1+1+4)/9 = 12/9
    const sd = Math.sqrt(12 / 9);
    const curve = figure.data[1];
    const peak = Math.max(...(curve.y as number[]));
    expect(peak).toBeCloseTo((10 * 0.8) / (sd * Math.sqrt(2 * Math.PI)), 3);
    expect(figure.description).toBe('Histogram of residual, 10 values in 5 bins, with a normal curve of mean 0 and sd 1.155');
  });
});

describe('coefficientsFigure', () => {
  it('draws ± 1.96 standard errors', () => {
    const figure = coefficientsFigure({ names: ['rooms', 'age'], estimates: [9.1, -0.5], standardErrors: [0.5, 0.25] });
    expect(figure).toMatchSnapshot();
    expect(figure.data[0].error_y).toMatchObject({ type: 'data', array: [0.98, 0.49], visible: true });
    expect(figure.data[0].hovertext).toEqual(['9.1 (95% CI 8.12 to 10.08)', '-0.5 (95% CI -0.99 to -0.01)']);
  });
});

describe('fitFigure with a fixed legend name', () => {
  it('keeps the legend name and puts the curve name in the title', () => {
    const figure = fitFigure({ x, y, predict: polynomial(line), xName: 'x', yName: 'y', samples: 5, curveName: 'degree 1 fit', legendName: 'fit' });
    expect(figure.data.find((t) => t.mode === 'lines' && t.name !== 'residuals')!.name).toBe('fit');
    expect(figure.layout.title!.text).toBe('y against x, degree 1 fit: SSE = 2.4');
    expect(figure.description).toMatch(/^Degree 1 fit of y on x/);
  });
});
