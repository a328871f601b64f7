// The class figures of one feature (sigmoid, log-odds, class probabilities) and the
// side-by-side fits draw a sample of a large table, as the scatter and fit figures do:
// at most MAX_DRAWN_POINTS markers, the extremes of x always among them, every marker
// at its own row's values, and `shown` saying how many of how many.
import { describe, expect, it } from 'vitest';
import { MAX_DRAWN_POINTS } from '../../../src/lib/plot/sample';
import { logitFigure, sigmoidFigure } from '../../../src/lib/plot/sigmoid';
import { classProbabilitiesFigure } from '../../../src/lib/plot/class-probabilities';
import { smallMultiplesFigure } from '../../../src/lib/plot/small-multiples';
import type { TraceSpec } from '../../../src/lib/plot/types';

const n = 65_000;
const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.731) * 10 + (i % 7));
x[123] = -500; // the smallest x
x[64_321] = 500; // the largest x
const y01 = Float64Array.from({ length: n }, (_, i) => (Math.sin(i * 1.3) + x[i] / 10 > 0.2 ? 1 : 0));
const species = Array.from({ length: n }, (_, i) => ['setosa', 'versicolor', 'virginica'][(i * 7 + (i >> 3)) % 3]);

const markers = (traces: TraceSpec[]) => traces.filter((t) => t.mode === 'markers');
const rowsOf = (t: TraceSpec) => t.customdata as number[];

function expectSampled(traces: TraceSpec[]) {
  const rows = markers(traces).flatMap(rowsOf);
  expect(rows).toHaveLength(MAX_DRAWN_POINTS);
  expect(new Set(rows).size).toBe(MAX_DRAWN_POINTS);
  expect(rows).toContain(123);
  expect(rows).toContain(64_321);
  for (const t of markers(traces)) {
    expect(t.type).toBe('scattergl');
    expect(rowsOf(t).filter((row, k) => (t.x as number[])[k] !== x[row])).toEqual([]);
  }
}

describe('large tables in the one-feature class figures', () => {
  const model = { weight: 0.8, intercept: -0.3 };
  const input = { x, y: y01, xName: 'x', yName: 'positive', ...model };

  it('the sigmoid figure draws a sample with each point jittered around its own label', () => {
    const figure = sigmoidFigure(input);
    expect(figure.shown).toEqual({ points: MAX_DRAWN_POINTS, of: n });
    expectSampled(figure.data);
    for (const t of markers(figure.data)) {
      const label = Number(String(t.name).split('= ')[1]);
      expect(rowsOf(t).filter((row, k) => y01[row] !== label || !(Math.abs((t.y as number[])[k] - label) <= 0.04))).toEqual([]);
    }
  });

  it('the log-odds figure puts each drawn point at w·x + b of its row', () => {
    const figure = logitFigure(input);
    expect(figure.shown).toEqual({ points: MAX_DRAWN_POINTS, of: n });
    expectSampled(figure.data);
    for (const t of markers(figure.data)) expect(rowsOf(t).filter((row, k) => (t.y as number[])[k] !== 0.8 * x[row] - 0.3)).toEqual([]);
  });

  it('the class-probability figure draws a sample, each class in its own band', () => {
    const classes = ['setosa', 'versicolor', 'virginica'];
    const figure = classProbabilitiesFigure({ x, classes: species, classOrder: classes, probabilities: () => [0.2, 0.3, 0.5], xName: 'x', targetName: 'species' });
    expect(figure.shown).toEqual({ points: MAX_DRAWN_POINTS, of: n });
    expectSampled(figure.data);
    markers(figure.data).forEach((t, k) => {
      const band = 1.06 + k * 0.05;
      expect(rowsOf(t).filter((row, j) => species[row] !== classes[k] || !(Math.abs((t.y as number[])[j] - band) <= 0.015 + 1e-12))).toEqual([]);
    });
  });

  it('a table within the limit is drawn whole, with no sentence', () => {
    const small = { ...input, x: x.slice(0, 1000), y: y01.slice(0, 1000) };
    const figure = sigmoidFigure(small);
    expect(figure.shown).toBeUndefined();
    expect(markers(figure.data).flatMap(rowsOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });
});

describe('large tables in the side-by-side fits', () => {
  const y = Float64Array.from(x, (v, i) => 2 * v + Math.cos(i));
  const panels = [
    { title: 'degree 0', predict: () => 1 },
    { title: 'degree 1', predict: (v: number) => 2 * v },
  ];

  it('every panel draws the same sample, and each SSE is over every row', () => {
    const figure = smallMultiplesFigure({ x, y, xName: 'x', yName: 'y', panels });
    expect(figure.shown).toEqual({ points: MAX_DRAWN_POINTS, of: n });
    const data = markers(figure.data);
    expect(data).toHaveLength(2);
    expect(rowsOf(data[0])).toEqual(rowsOf(data[1]));
    expectSampled([data[0]]);
    const annotations = (figure.layout.annotations ?? []) as { text: string }[];
    panels.forEach((panel, k) => {
      let sse = 0;
      for (let i = 0; i < n; i++) sse += (y[i] - panel.predict(x[i])) ** 2;
      const shown = Number(annotations[k].text.split('SSE = ')[1]);
      expect(Math.abs(shown - sse) / sse).toBeLessThan(1e-3);
    });
  });
});
