import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../../src/lib/data/csv';
import { countDistinct, moments, summarise } from '../../../src/lib/data/summary';
import { fixture, irisPath } from './fixtures';

describe('moments', () => {
  it('computes the sample variance, skipping NaN', () => {
    const m = moments(new Float64Array([1, NaN, 3, 5]));
    expect(m).toEqual({ count: 3, mean: 3, variance: 4, min: 1, max: 5 });
  });

  it('keeps its digits when the mean is huge compared with the spread', () => {
    // 1e9 + {4, 7, 13, 16}: mean 1e9 + 10, sample variance (36 + 9 + 9 + 36) / 3 = 30.
    // The one-pass formula Σx²/n − mean² loses every digit here.
    const m = moments(new Float64Array([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]));
    expect(m.mean).toBe(1e9 + 10);
    expect(m.variance).toBeCloseTo(30, 6);
  });

  it('has no variance for fewer than two values', () => {
    expect(moments(new Float64Array([2])).variance).toBeNaN();
    expect(moments(new Float64Array([NaN])).count).toBe(0);
  });
});

describe('countDistinct', () => {
  it('counts distinct non-NaN values', () => {
    expect(countDistinct(new Float64Array([3, NaN, 1, 3, -0, 0, NaN, 2.5]))).toBe(4);
    expect(countDistinct(new Float64Array([NaN, NaN]))).toBe(0);
    expect(countDistinct(new Float64Array([]))).toBe(0);
  });
});

describe('summarise', () => {
  it('summarises the missing-value fixture', () => {
    const [x, y, label] = summarise(readCsvText(fixture('missing.csv')).table);
    // x = 1, 3, 5, -999: mean -990/4; deviations 248.5, 250.5, 252.5, -751.5;
    // squares sum 61752.25 + 62750.25 + 63756.25 + 564752.25 = 753011, / 3.
    expect(x).toMatchObject({ name: 'x', type: 'numeric', missing: 2, count: 4, min: -999, max: 5, distinct: 4 });
    expect(x.mean).toBeCloseTo(-247.5, 12);
    expect(x.std! / Math.sqrt(753011 / 3) - 1).toBeCloseTo(0, 12);
    // y = 2, 4, 10: mean 16/3; squared deviations sum 104/3, / 2 = 52/3.
    expect(y).toMatchObject({ missing: 3, count: 3, min: 2, max: 10 });
    expect(y.mean! - 16 / 3).toBeCloseTo(0, 12);
    expect(y.std! - Math.sqrt(52 / 3)).toBeCloseTo(0, 12);
    expect(label).toEqual({
      name: 'label',
      type: 'categorical',
      missing: 2,
      count: 4,
      mean: null,
      std: null,
      min: null,
      max: null,
      distinct: 2,
      top: 'cat', // cat and dog both twice: the first seen wins
      topCount: 2,
    });
  });

  it('summarises the labels fixture (boolean mean is the share of true)', () => {
    const [length, colour, smoker, name] = summarise(readCsvText(fixture('labels.csv')).table);
    // 1.5 … 6.5 step 1: mean 4, squared deviations 2 × (6.25 + 2.25 + 0.25) = 17.5, / 5 = 3.5.
    expect(length.mean! - 4).toBeCloseTo(0, 12);
    expect(length.std! - Math.sqrt(3.5)).toBeCloseTo(0, 12);
    expect(colour).toMatchObject({ distinct: 3, top: 'red', topCount: 3, missing: 0 });
    // 1, 0, 1, 0, 0, 1: mean 0.5, squared deviations 6 × 0.25 = 1.5, / 5 = 0.3.
    expect(smoker).toMatchObject({ type: 'boolean', mean: 0.5, min: 0, max: 1, distinct: 2 });
    expect(smoker.std! - Math.sqrt(0.3)).toBeCloseTo(0, 12);
    expect(name).toMatchObject({ type: 'text', distinct: 6, topCount: 1, top: 'Ann' });
  });

  it('gives nulls for an all-missing column and a one-value column', () => {
    const [empty, one] = summarise(readCsvText('e,o\nNA,5\n,NA\n').table);
    expect(empty).toMatchObject({ missing: 2, count: 0, mean: null, std: null, min: null, max: null, distinct: 0 });
    expect(one).toMatchObject({ missing: 1, count: 1, mean: 5, std: null, min: 5, max: 5 });
  });

  it('matches numpy on iris', () => {
    const { table, meta } = readCsvText(readFileSync(irisPath, 'utf8'));
    expect(meta.rowCount).toBe(150);
    expect(meta.columnCount).toBe(5);
    // Reference values from Debian's python3 + numpy 1.24.2 (pandas is not
    // installed): csv.reader on datasets/iris.csv, then per column
    // x.mean(), x.std(ddof=1), x.min(), x.max(), len(set(x)).
    const reference = [
      ['sepal_length', 5.843333333333334, 0.828066127977863, 4.3, 7.9, 35],
      ['sepal_width', 3.0573333333333337, 0.4358662849366982, 2.0, 4.4, 23],
      ['petal_length', 3.7580000000000005, 1.7652982332594662, 1.0, 6.9, 43],
      ['petal_width', 1.1993333333333336, 0.7622376689603465, 0.1, 2.5, 22],
    ] as const;
    const summaries = summarise(table);
    reference.forEach(([name, mean, std, min, max, distinct], j) => {
      const s = summaries[j];
      expect(s).toMatchObject({ name, type: 'numeric', missing: 0, count: 150, min, max, distinct });
      expect(Math.abs(s.mean! - mean)).toBeLessThan(1e-12);
      expect(Math.abs(s.std! - std)).toBeLessThan(1e-12);
    });
    // Counter(species): 50 of each; the first seen is setosa.
    expect(summaries[4]).toMatchObject({ name: 'species', type: 'categorical', distinct: 3, top: 'setosa', topCount: 50 });
  });
});
