import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/lib/data/random';
import { MAX_DRAWN_POINTS, sampleRows, shownSentence } from '../../../src/lib/plot/sample';
import { scatterFigure } from '../../../src/lib/plot/scatter';
import { fitFigure } from '../../../src/lib/plot/fit';

// A table larger than the drawing limit, with its extremes in known rows.
const n = 120_000;
const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) * 100);
const y = Float64Array.from({ length: n }, (_, i) => Math.cos(i * 0.11) * 50 + (i % 13));
x[777] = -1e6; // the smallest x
x[98_765] = 1e6; // the largest x
y[4] = NaN; // missing values are never an extreme

describe('sampleRows', () => {
  it('draws every row of a table within the limit', () => {
    expect(sampleRows(MAX_DRAWN_POINTS, [x, y])).toBeUndefined();
  });

  it('keeps exactly the limit of distinct rows, in ascending order', () => {
    const rows = sampleRows(n, [x, y])!;
    expect(rows).toHaveLength(MAX_DRAWN_POINTS);
    expect(new Set(rows).size).toBe(MAX_DRAWN_POINTS);
    expect(rows.every((r, k) => Number.isInteger(r) && r >= 0 && r < n && (k === 0 || r > rows[k - 1]))).toBe(true);
  });

  it('draws the rows of Robert Floyd\'s algorithm written with a Set (the extremes first, then in the order drawn)', () => {
    const floyd = (rows: number, max: number, seed: number, extremes: number[]) => {
      const rng = createRng(seed);
      const picked = new Set<number>();
      for (let j = rows - max; j < rows; j++) {
        const t = rng.int(j + 1);
        picked.add(picked.has(t) ? j : t);
      }
      return [...new Set([...extremes, ...picked])].slice(0, max).sort((a, b) => a - b);
    };
    expect(sampleRows(n, [x], 1000, 5)).toEqual(floyd(n, 1000, 5, [777, 98_765]));
    expect(sampleRows(5000, [], 4999, 9)).toEqual(floyd(5000, 4999, 9, []));
  });

  it('is the same for the same seed and differs for another', () => {
    expect(sampleRows(n, [x, y])).toEqual(sampleRows(n, [x, y]));
    expect(sampleRows(n, [x, y], 1000, 1)).not.toEqual(sampleRows(n, [x, y], 1000, 2));
  });

  it('always keeps the rows with the smallest and largest value of each column', () => {
    const rows = new Set(sampleRows(n, [x, y], 100)!);
    const argmin = (v: Float64Array) => v.reduce((best, value, i) => (value < v[best] ? i : best), 0);
    const argmax = (v: Float64Array) => v.reduce((best, value, i) => (value > v[best] ? i : best), 0);
    for (const r of [777, 98_765, argmin(y.map((v) => (Number.isNaN(v) ? Infinity : v))), argmax(y.map((v) => (Number.isNaN(v) ? -Infinity : v)))]) {
      expect(rows.has(r)).toBe(true);
    }
    expect(rows.size).toBe(100);
  });

  it('spreads the sample over the whole table (each tenth gets about a tenth)', () => {
    const rows = sampleRows(n, [], 10_000)!;
    const tenths = new Array(10).fill(0);
    for (const r of rows) tenths[Math.floor((10 * r) / n)] += 1;
    // Binomial(10,000, 0.1): sd 30; 5 sd either side.
    for (const count of tenths) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });
});

describe('figures of large tables', () => {
  it('a scatter draws the sample and says how many of how many points it shows', () => {
    const figure = scatterFigure({ x, y, xName: 'a', yName: 'b' });
    expect(figure.data[0].x).toHaveLength(MAX_DRAWN_POINTS);
    expect(figure.data[0].type).toBe('scattergl');
    expect(figure.shown).toEqual({ points: MAX_DRAWN_POINTS, of: n });
    expect(shownSentence(figure.shown)).toBe('Showing 50,000 of 120,000 points (a random sample; the extremes are always drawn)');
    // Hover and brushing still name the original rows.
    const rows = figure.data[0].customdata as number[];
    expect(figure.data[0].x![10]).toBe(x[rows[10]]);
  });

  it('a fit draws sampled points and residuals but sums the squared errors over every row', () => {
    const predict = (v: number) => v / 10;
    const figure = fitFigure({ x, y: y.map((v) => (Number.isNaN(v) ? 0 : v)), predict, xName: 'a', yName: 'b' });
    let sse = 0;
    for (let i = 0; i < n; i += 1) sse += ((Number.isNaN(y[i]) ? 0 : y[i]) - predict(x[i])) ** 2;
    expect(figure.data.find((t) => t.name === 'residuals')!.x).toHaveLength(3 * MAX_DRAWN_POINTS);
    expect(figure.shown).toEqual({ points: MAX_DRAWN_POINTS, of: n });
    expect(figure.description).toContain(`${n} points`);
    expect(Number(/SSE = (\S+)/.exec(figure.layout.title!.text)![1])).toBeCloseTo(Number(sse.toPrecision(4)), 0);
  });

  it('a small table is drawn whole, with nothing to say', () => {
    const figure = scatterFigure({ x: [1, 2, 3], y: [3, 2, 1], xName: 'a', yName: 'b' });
    expect(figure.shown).toBeUndefined();
    expect(shownSentence(figure.shown)).toBeUndefined();
  });
});

describe('sampleRows, asked again', () => {
  it('gives the same rows for the same arrays, and draws afresh for others of the same length', () => {
    const first = sampleRows(n, [x, y])!;
    expect(sampleRows(n, [x, y])).toEqual(first);
    // Another column with its extremes elsewhere: its own extremes are kept, not the first one's.
    const other = Float64Array.from(x);
    other[777] = 0;
    other[98_765] = 0;
    other[5] = -1e7;
    other[6] = 1e7;
    const rows = new Set(sampleRows(n, [other, y])!);
    expect(rows.has(5) && rows.has(6)).toBe(true);
    // A different limit or seed is a different sample.
    expect(sampleRows(n, [x, y], 1000)).toHaveLength(1000);
    expect(sampleRows(n, [x, y], MAX_DRAWN_POINTS, 7)).not.toEqual(first);
  });
});

describe('sampleRows with no arrays to keep', () => {
  it('depends on the row count, limit and seed alone', () => {
    const a = sampleRows(n, [], 1000)!;
    expect(sampleRows(n, [], 1000)).toEqual(a);
    expect(sampleRows(n - 1, [], 1000)).not.toEqual(a);
    expect(sampleRows(n - 1, [], 1000)!.every((r) => r < n - 1)).toBe(true);
    expect(sampleRows(n, [], 999)).toHaveLength(999);
    expect(sampleRows(n, [], 1000)).toEqual(a);
  });
});
