import { describe, expect, it } from 'vitest';
import { applyScale, fitScale, scale, type ScaleMethod } from '../../../src/lib/data/prepare';
import { cat, expectClose, fromRows, loadFixture, num, table, toRows, values } from './helpers';

interface ScaleFixture {
  columns: string[];
  train: (number | null)[][];
  test: (number | null)[][];
  standard: { mean: number[]; scale: number[]; train_out: (number | null)[][]; test_out: (number | null)[][] };
  minmax: { min: number[]; max: number[]; train_out: (number | null)[][]; test_out: (number | null)[][] };
}

const fx = loadFixture<ScaleFixture>('scale.json');
const train = fromRows(fx.columns, fx.train);
const test = fromRows(fx.columns, fx.test);

describe('scaling against StandardScaler and MinMaxScaler', () => {
  it('standard: mean and population std (ddof=0) as StandardScaler learns them', () => {
    const params = fitScale(train, { method: 'standard' });
    params.parameters.forEach((p, j) => {
      expect(p.shift).toBeCloseTo(fx.standard.mean[j], 12);
      expect(p.divisor).toBeCloseTo(fx.standard.scale[j], 12);
    });
    expect(params.parameters[2].divisor).toBe(1); // the constant column
  });

  it('minmax: the minimum and the range', () => {
    const params = fitScale(train, { method: 'minmax' });
    params.parameters.forEach((p, j) => {
      expect(p.shift).toBe(fx.minmax.min[j]);
      expect(p.divisor).toBe(fx.minmax.max[j] - fx.minmax.min[j] || 1);
    });
  });

  for (const method of ['standard', 'minmax'] as ScaleMethod[]) {
    it(`${method}: training and test outputs (test scaled with the training parameters; NaN kept)`, () => {
      const params = fitScale(train, { method });
      expectClose(toRows(applyScale(train, params).table), fx[method].train_out, 12);
      expectClose(toRows(applyScale(test, params).table), fx[method].test_out, 12);
    });
  }

  it('scales a constant column to 0, not NaN', () => {
    const out = scale(table(num('c', [4.2, 4.2, 4.2, 4.2, 4.2, 4.2, 4.2])), { method: 'standard' }).table;
    for (const v of values(out, 'c') as Float64Array) expect(Math.abs(v)).toBeLessThan(1e-12);
  });

  it('leaves columns it was not asked to scale alone, and by default skips text', () => {
    const t = table(num('x', [1, 2, 3]), num('y', [10, 20, 30]), cat('name', ['a', 'b', 'c']));
    const out = scale(t, { method: 'minmax', columns: ['y'] }).table;
    expect(Array.from(values(out, 'x') as Float64Array)).toEqual([1, 2, 3]);
    expect(Array.from(values(out, 'y') as Float64Array)).toEqual([0, 0.5, 1]);
    expect(scale(t, { method: 'minmax' }).table.columns[2]).toBe(t.columns[2]);
  });

  it('explains why a text column cannot be scaled', () => {
    const t = table(cat('city', ['Oslo', 'Rome']));
    expect(() => fitScale(t, { method: 'standard', columns: ['city'] })).toThrow(/"city" holds categorical.*one-hot/);
    expect(() => fitScale(table(num('e', [null, null])), { method: 'standard' })).toThrow(/"e" has no values/);
    expect(() => fitScale(table(num('e', [])), { method: 'standard' })).toThrow(/no rows/);
  });
});
