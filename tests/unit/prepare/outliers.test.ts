import { describe, expect, it } from 'vitest';
import { applyOutliers, fitOutliers, iqrFences, outliers, quantileSorted, sortedFinite, medianSorted, medianOf } from '../../../src/lib/data/prepare';
import { cat, loadFixture, num, table, values } from './helpers';

interface QuantileFixture {
  values: number[];
  q: number[];
  quantiles: number[];
  q1: number;
  q3: number;
  median: number;
  iqr: Record<string, { low: number; high: number; outliers: number[]; clipped: number[] }>;
  z: { mean: number; std: number; outliers_2: number[] } | null;
}

const fx = loadFixture<QuantileFixture[]>('quantiles.json');

describe('quantiles like numpy (linear interpolation)', () => {
  fx.forEach((c, i) => {
    it(`vector ${i}: quantiles, quartiles and median to the last bit`, () => {
      const sorted = sortedFinite(c.values);
      expect(c.q.map((q) => quantileSorted(sorted, q))).toEqual(c.quantiles);
      expect(medianSorted(sorted)).toBe(c.median);
      // The selection-based median (no sort) gives numpy's value too, and leaves its input alone.
      const before = Array.from(c.values);
      expect(medianOf(c.values)).toBe(c.median);
      expect(Array.from(c.values)).toEqual(before);
      const f = iqrFences(c.values);
      expect([f.q1, f.q3]).toEqual([c.q1, c.q3]);
    });
  });

  it('the selection-based median equals the sorted one on ties, gaps, infinities and both parities', () => {
    let s = 12345;
    const rand = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rand() * 60);
      const values = Array.from({ length: n }, () => {
        const r = rand();
        return r < 0.1 ? NaN : r < 0.13 ? Infinity : r < 0.16 ? -Infinity : Math.floor(rand() * 8) - 4;
      });
      const expected = medianSorted(sortedFinite(values));
      expect(medianOf(values)).toBe(expected);
    }
    expect(medianOf([NaN, NaN])).toBeNaN();
    expect(medianOf([])).toBeNaN();
  });

  it('ignores missing values', () => {
    expect(quantileSorted(sortedFinite([NaN, 4, 1, NaN, 2, 3]), 0.25)).toBe(1.75);
  });
});

describe('outliers by IQR against numpy fences', () => {
  fx.forEach((c, i) => {
    for (const k of ['1.5', '3']) {
      it(`vector ${i}, k=${k}: fences, flags and clipped values`, () => {
        const t = table(num('x', c.values));
        const params = fitOutliers(t, { method: 'iqr', k: Number(k), action: 'flag' });
        expect(params.fences[0].low).toBeCloseTo(c.iqr[k].low, 12);
        expect(params.fences[0].high).toBeCloseTo(c.iqr[k].high, 12);
        expect(Array.from(values(applyOutliers(t, params).table, 'x_outlier') as Float64Array)).toEqual(c.iqr[k].outliers);
        const clipped = outliers(t, { method: 'iqr', k: Number(k), action: 'clip' });
        (values(clipped.table, 'x') as Float64Array).forEach((v, j) => expect(v).toBeCloseTo(c.iqr[k].clipped[j], 12));
        const found = c.iqr[k].outliers.reduce((a, b) => a + b, 0);
        expect(clipped.report.outliersFound).toBe(found);
        expect(clipped.report.valuesClipped).toBe(found);
      });
    }
  });
});

describe('outliers by z-score (sample std)', () => {
  fx.forEach((c, i) => {
    if (!c.z) return;
    const z = c.z;
    it(`vector ${i}: |z| > 2 flags what numpy flags`, () => {
      const t = table(num('x', c.values));
      const params = fitOutliers(t, { method: 'zscore', threshold: 2, action: 'flag' });
      expect(params.fences[0].low).toBeCloseTo(z.mean - 2 * z.std, 12);
      expect(params.fences[0].high).toBeCloseTo(z.mean + 2 * z.std, 12);
      expect(Array.from(values(applyOutliers(t, params).table, 'x_outlier') as Float64Array)).toEqual(z.outliers_2);
    });
  });
});

describe('outlier actions', () => {
  const t = table(num('x', [1, 2, 3, 4, 100, null]), num('y', [-50, 1, 2, 3, 2, 1]), cat('id', ['a', 'b', 'c', 'd', 'e', 'f']));

  it('remove drops every row with an outlier in any checked column, and reports it', () => {
    const { table: out, report } = outliers(t, { method: 'iqr', action: 'remove' });
    expect(values(out, 'id')).toEqual(['b', 'c', 'd', 'f']);
    expect(report).toMatchObject({ rowsBefore: 6, rowsAfter: 4, rowsDropped: 2, outliersFound: 2 });
  });

  it('never counts a missing value as an outlier; clipping keeps it missing', () => {
    const out = outliers(t, { columns: ['x'], method: 'iqr', action: 'clip' }).table;
    expect(Number.isNaN((values(out, 'x') as Float64Array)[5])).toBe(true);
    expect(Array.from(values(outliers(t, { columns: ['x'], method: 'iqr', action: 'flag' }).table, 'x_outlier'))).toEqual([0, 0, 0, 0, 1, 0]);
  });

  it('judges a new table by the fences learned on the first', () => {
    const params = fitOutliers(t, { columns: ['x'], method: 'iqr', action: 'flag' });
    const other = applyOutliers(table(num('x', [3, 1000, -1000])), params);
    expect(other.report.outliersFound).toBe(2);
  });

  it('explains bad input', () => {
    expect(() => fitOutliers(t, { columns: ['id'], method: 'iqr', action: 'flag' })).toThrow(/"id" holds categorical.*numbers/);
    expect(() => fitOutliers(t, { columns: ['nope'], method: 'iqr', action: 'flag' })).toThrow(/no column "nope"/);
    expect(() => fitOutliers(table(num('e', [null, null])), { method: 'zscore', action: 'clip' })).toThrow(/"e" needs at least two values/);
    expect(() => fitOutliers(t, { method: 'iqr', k: -1, action: 'flag' })).toThrow(/k must be/);
  });
});
