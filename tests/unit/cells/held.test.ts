// The values the pictures hold extra features at, and the regression cell's
// surface over two features, against medians and predictions written out here.
import { describe, expect, it } from 'vitest';
import type { Table } from '../../../src/lib/data/table';
import { heldAtMedians, SAMPLED_ABOVE } from '../../../src/cells/shared/held';
import { regressionSurface } from '../../../src/cells/regression/figures';
import { fitRegressionSpec, predictRegression, type RegressionSpec } from '../../../src/cells/regression/spec';
import { sampleRows } from '../../../src/lib/plot';

const numeric = (name: string, values: number[] | Float64Array) => ({ name, type: 'numeric' as const, values: Float64Array.from(values) });
const sortedMedian = (values: number[]) => {
  const s = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

describe('held values', () => {
  it('are the training medians (gaps left out), said as such', () => {
    const table: Table = { rowCount: 5, columns: [numeric('a', [5, 1, NaN, 4, 2]), numeric('b', [9, 7, 8, 6, 10])] };
    const { held, what } = heldAtMedians(table, ['b', 'a']);
    expect(held).toEqual([{ name: 'b', value: 8 }, { name: 'a', value: 3 }]);
    expect(what).toEqual({ one: 'its training median', many: 'their training medians' });
  });

  it(`past ${SAMPLED_ABOVE} rows come from a seeded sample, and say so`, () => {
    const n = 150_000;
    const values = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 100_003) / 1000);
    const table: Table = { rowCount: n, columns: [numeric('x', values)] };
    const { held, what } = heldAtMedians(table, ['x']);
    const rows = sampleRows(n, [], SAMPLED_ABOVE)!;
    expect(held[0].value).toBe(sortedMedian(rows.map((i) => values[i])));
    expect(Math.abs(held[0].value - sortedMedian(Array.from(values)))).toBeLessThan(0.5);
    expect(what.one).toBe('its median in 100,000 sampled training rows');
  });
});

describe('the regression surface', () => {
  const rows = 40;
  const a = Array.from({ length: rows }, (_, i) => i % 7);
  const b = Array.from({ length: rows }, (_, i) => (i * 3) % 11);
  const c = Array.from({ length: rows }, (_, i) => (i * 5) % 13);
  const y = a.map((v, i) => 1 + 2 * v - b[i] + 0.5 * c[i] + ((i * 37) % 5) / 10);
  const train: Table = { rowCount: rows, columns: [numeric('a', a), numeric('b', b), numeric('c', c), numeric('y', y)] };
  const spec: RegressionSpec = { target: 'y', features: ['a', 'b', 'c'], degree: 1, intercept: true, penalty: 'none', alpha: 0 };
  const fit = fitRegressionSpec(spec, train);
  const output = { spec, model: fit.model, parts: { train }, predictions: { train: predictRegression(fit, spec, train) } };

  it('predicts over a and b with c at its median, points coloured by the true y, and names the slice', () => {
    const figure = regressionSurface(output)!;
    const [surface, points] = figure.data as { x: number[]; y: number[]; z: number[][]; marker?: { color: number[] } }[];
    const median = sortedMedian(c);
    const { intercept, coefficients } = fit.model;
    for (const [i, j] of [[0, 0], [17, 33], [59, 59]]) {
      const expected = intercept + coefficients[0] * surface.x[i] + coefficients[1] * surface.y[j] + coefficients[2] * median;
      expect(surface.z[j][i]).toBeCloseTo(expected, 9);
    }
    expect(points.marker!.color).toEqual(y);
    expect(figure.layout.title!.text).toBe(`Predicted y<br><sub>c = ${median} (its training median)</sub>`);
  });

  it('has no surface for one feature', () => {
    expect(regressionSurface({ ...output, spec: { ...spec, features: ['a'] } })).toBeUndefined();
  });
});
