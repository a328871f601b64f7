// Labels (sklearn's class order), Table -> matrix helpers, polynomial bases.
import { describe, expect, it } from 'vitest';
import type { Table } from '../../../src/lib/data/table';
import { buildBasis, evaluateTerms, mapToRaw, polynomialTerms } from '../../../src/lib/ml/basis';
import { designMatrix, labelTarget, numericColumnNames, numericTarget } from '../../../src/lib/ml/design';
import { compareLabels, decodeLabels, encodeLabels, uniqueLabels } from '../../../src/lib/ml/labels';
import { matrixFromColumns } from '../../../src/lib/ml/matrix';

describe('labels', () => {
  it('sort like numpy.unique: code points for strings, numeric for numbers', () => {
    expect(uniqueLabels(['b', 'a', 'B', 'a'])).toEqual(['B', 'a', 'b']);
    expect(uniqueLabels([10, 2, 2, -1])).toEqual([-1, 2, 10]);
    expect(compareLabels('a', 'a')).toBe(0);
  });
  it('encode, decode, and refuse unknown or missing labels', () => {
    const { classes, codes } = encodeLabels(['yes', 'no', 'yes']);
    expect(classes).toEqual(['no', 'yes']);
    expect(Array.from(codes)).toEqual([1, 0, 1]);
    expect(decodeLabels(codes, classes)).toEqual(['yes', 'no', 'yes']);
    expect(() => encodeLabels(['maybe'], ['no', 'yes'])).toThrow(/not one of/);
    expect(() => uniqueLabels(['a', null as unknown as string])).toThrow(/missing/);
  });
});

const table: Table = {
  rowCount: 3,
  columns: [
    { name: 'x', type: 'numeric', values: Float64Array.of(1, 2, 3) },
    { name: 'gap', type: 'numeric', values: Float64Array.of(1, NaN, 3) },
    { name: 'flag', type: 'boolean', values: Float64Array.of(0, 1, 1), labels: ['no', 'yes'] },
    { name: 'kind', type: 'categorical', values: ['a', 'b', 'a'] },
  ],
};

describe('Table to engine inputs', () => {
  it('builds a design matrix from numeric columns without copying', () => {
    const { X, featureNames } = designMatrix(table, ['x', 'flag']);
    expect(X.rows).toBe(3);
    expect(X.columns[0]).toBe(table.columns[0].values);
    expect(featureNames).toEqual(['x', 'flag']);
    expect(numericColumnNames(table)).toEqual(['x', 'gap', 'flag']);
    expect(Array.from(numericTarget(table, 'x'))).toEqual([1, 2, 3]);
  });
  it('explains what is wrong', () => {
    expect(() => designMatrix(table, ['gap'])).toThrow(/1 missing value \(row 2\)/);
    expect(() => designMatrix(table, ['kind'])).toThrow(/categorical, not numeric/);
    expect(() => designMatrix(table, ['nope'])).toThrow(/No column/);
    expect(() => designMatrix(table, [])).toThrow(/at least one/);
    expect(() => numericTarget(table, 'kind')).toThrow(/numeric target/);
  });
  it('reads labels from categorical, boolean and numeric columns', () => {
    expect(labelTarget(table, 'kind')).toEqual(['a', 'b', 'a']);
    expect(labelTarget(table, 'flag')).toEqual(['no', 'yes', 'yes']);
    expect(labelTarget(table, 'x')).toEqual([1, 2, 3]);
  });
});

describe('polynomial bases', () => {
  it('names terms and maps conditioned coefficients to raw ones exactly', () => {
    const terms = polynomialTerms(['x', 'z'], 3);
    expect(terms.map((t) => t.name)).toEqual(['x', 'x^2', 'x^3', 'z', 'z^2', 'z^3']);
    const X = matrixFromColumns([
      [-3, -1, 0.5, 2, 4, 7],
      [1, 2, 2.5, 3, 5, 6],
    ]);
    const basis = buildBasis(X, terms, true);
    const a = Float64Array.of(0.3, -1, 2, 0.5, 1.5, -0.7, 0.2);
    const b = mapToRaw(basis.toRaw, a);
    // F a (conditioned columns) equals b0 + sum b_k x^k (raw polynomial)
    const raw = evaluateTerms(X, terms, b[0], b.subarray(1));
    for (let i = 0; i < X.rows; i++) {
      let s = 0;
      basis.conditioned.forEach((col, k) => (s += col[i] * a[k]));
      expect(raw[i]).toBeCloseTo(s, 10);
    }
    // powers in double-double: x^3 of 7 is exact
    expect(basis.raw.hi[3][5] + (basis.raw.lo[3]?.[5] ?? 0)).toBe(343);
    expect(() => polynomialTerms(['x'], 0)).toThrow(/positive integer/);
  });
});
