import { describe, expect, it } from 'vitest';
import { missingCount, type Column } from '../../../src/lib/data/table';

const numeric = (values: number[]): Column => ({ name: 'x', type: 'numeric', values: Float64Array.from(values) });

describe('missingCount', () => {
  it('counts NaN in numeric columns and null in text columns, nothing else', () => {
    expect(missingCount(numeric([1, NaN, Infinity, -Infinity, 0, -0, NaN]))).toBe(2);
    expect(missingCount({ name: 's', type: 'text', values: ['a', null, '', 'NaN', null, null] })).toBe(3);
    expect(missingCount(numeric([]))).toBe(0);
  });

  it('answers each column by its own values, again and again', () => {
    const columns = Array.from({ length: 20 }, (_, k) => numeric(Array.from({ length: 50 }, (_, i) => (i % (k + 2) === 0 ? NaN : i))));
    const expected = columns.map((c) => Array.from(c.values as Float64Array).filter(Number.isNaN).length);
    for (let round = 0; round < 2; round++) expect(columns.map(missingCount)).toEqual(expected);
    // A column that shares another's values array shares its count; a copy is counted afresh.
    const copy = numeric([...(columns[3].values as Float64Array)].map((v) => (Number.isNaN(v) ? 1 : NaN)));
    expect(missingCount(copy)).toBe(50 - expected[3]);
  });
});
