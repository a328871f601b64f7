import { describe, expect, it } from 'vitest';
import { scatterFigure } from '../../../src/lib/plot/scatter';
import { SCATTERGL_THRESHOLD, scatterType } from '../../../src/lib/plot/layout';
import { scatterMatrixFigure } from '../../../src/lib/plot/splom';
import { rowsOfSelection } from '../../../src/lib/plot/selection';
import { lossCurveFigure } from '../../../src/lib/plot/loss';
import { validationCurveFigure } from '../../../src/lib/plot/validation-curve';
import { groupByClass } from '../../../src/lib/plot/classes';

describe('scatterFigure', () => {
  const x = [1, 2, 3, 4];
  const y = [5, 6, 7, 8];

  it('colours by class with one legend entry per class', () => {
    const figure = scatterFigure({ x, y, xName: 'sepal_length', yName: 'petal_length', classes: ['b', 'a', 'b', 'c'] });
    expect(figure).toMatchSnapshot();
    expect(figure.data.map((t) => [t.name, t.x, t.customdata])).toEqual([
      ['a', [2], [1]],
      ['b', [1, 3], [0, 2]],
      ['c', [4], [3]],
    ]);
    expect(figure.description).toBe('Scatter of petal_length against sepal_length, 4 points in 3 classes');
    expect(figure.layout.xaxis!.title).toEqual({ text: 'sepal_length' });
  });

  it('colours by a numeric value with a colour bar', () => {
    const figure = scatterFigure({ x, y: new Float64Array(y), xName: 'a', yName: 'b', values: [0.1, 0.2, 0.3, 0.4], valueName: 'price' });
    expect(figure).toMatchSnapshot();
    expect(figure.data[0].y).toEqual(y);
    expect(figure.data[0].marker).toMatchObject({ color: [0.1, 0.2, 0.3, 0.4], showscale: true });
  });

  it('switches to scattergl above the threshold', () => {
    // 2,000: the count where an SVG redraw reaches ~0.2 s (the reason is in layout.ts).
    expect(SCATTERGL_THRESHOLD).toBe(2_000);
    expect(scatterType(2_000)).toBe('scatter');
    expect(scatterType(2_001)).toBe('scattergl');
    const n = 2_001;
    const big = Array.from({ length: n }, (_, i) => i);
    // the switch counts all points, even when each class trace is small
    const figure = scatterFigure({ x: big, y: big, xName: 'a', yName: 'b', classes: big.map((i) => (i % 2 ? 'odd' : 'even')) });
    expect(figure.data.map((t) => t.type)).toEqual(['scattergl', 'scattergl']);
    expect(scatterFigure({ x: big.slice(1), y: big.slice(1), xName: 'a', yName: 'b' }).data[0].type).toBe('scatter');
  });

  it('sorts numeric class labels numerically', () => {
    expect(groupByClass([10, 2, 1, 2]).labels).toEqual([1, 2, 10]);
  });
});

describe('scatterMatrixFigure', () => {
  const columns = [
    { name: 'a', values: [1, 2, 3, 4] },
    { name: 'b', values: [4, 3, 2, 1] },
  ];

  it('maps selected rows to each class trace’s own point indices', () => {
    const figure = scatterMatrixFigure({ columns, classes: ['x', 'y', 'x', 'y'], selected: [2, 3] });
    expect(figure).toMatchSnapshot();
    // trace x holds rows 0 and 2, trace y rows 1 and 3
    expect(figure.data.map((t) => [t.customdata, t.selectedpoints])).toEqual([
      [[0, 2], [1]],
      [[1, 3], [1]],
    ]);
    expect(figure.layout.dragmode).toBe('select');
    expect(figure.layout.yaxis2).toMatchObject({ title: { text: 'b' } });
    expect(figure.description).toBe('Scatterplot matrix of a, b, 4 points in 2 classes, 2 selected');
  });

  it('has no selection unless one is given', () => {
    expect(scatterMatrixFigure({ columns }).data[0].selectedpoints).toBeUndefined();
  });

  it('reads selected rows back from customdata, sorted and once each', () => {
    expect(
      rowsOfSelection([
        { curveNumber: 1, pointIndex: 0, customdata: 3 },
        { curveNumber: 0, pointIndex: 1, customdata: 2 },
        { curveNumber: 1, pointIndex: 0, customdata: 3 },
        { curveNumber: 0, pointIndex: 5 },
      ]),
    ).toEqual([2, 3, 5]);
  });
});

describe('lossCurveFigure', () => {
  it('plots loss per epoch from 1, optionally on a log axis', () => {
    const figure = lossCurveFigure({ train: [1, 0.5, 0.25], validation: new Float64Array([1.2, 0.7, 0.6]), logY: true });
    expect(figure).toMatchSnapshot();
    expect(figure.data[0].x).toEqual([1, 2, 3]);
    expect(figure.data[1].y).toEqual([1.2, 0.7, 0.6]);
    expect(figure.layout.yaxis!.type).toBe('log');
  });

  it('is cheap enough to rebuild on every progress report', () => {
    const train = new Float64Array(5000).map((_, i) => 1 / (i + 1));
    const start = performance.now();
    for (let k = 0; k < 100; k += 1) lossCurveFigure({ train, validation: train });
    expect((performance.now() - start) / 100).toBeLessThan(5);
  });
});

describe('validationCurveFigure', () => {
  it('marks the parameter with the lowest validation error', () => {
    const figure = validationCurveFigure({
      parameter: [1, 2, 3, 4, 5],
      parameterName: 'degree',
      train: [9, 5, 3, 2, 1],
      validation: [10, 6, 4, 5, 8],
      errorName: 'MSE',
    });
    expect(figure).toMatchSnapshot();
    expect(figure.data[2]).toMatchObject({ x: [3], y: [4], name: 'best degree = 3' });
    // The dotted line through the best value spans every error drawn (1 to 10).
    expect(figure.data[3]).toMatchObject({ x: [3, 3], y: [1, 10], mode: 'lines' });
  });

  it('places the marker line in data units on a log axis, so autorange stays on the data', () => {
    const figure = validationCurveFigure({ parameter: [0.01, 0.1, 1, 10], parameterName: 'alpha', train: [1, 2, 3, 4], validation: [5, 3, 4, 6], logX: true });
    expect(figure.layout.xaxis!.type).toBe('log');
    expect(figure.data[3]).toMatchObject({ x: [0.1, 0.1] });
    expect(figure.layout.shapes).toBeUndefined();
  });
});
