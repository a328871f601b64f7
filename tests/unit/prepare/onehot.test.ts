import { describe, expect, it } from 'vitest';
import { applyOneHot, fitOneHot, oneHot } from '../../../src/lib/data/prepare';
import type { Column } from '../../../src/lib/data/table';
import { cat, loadFixture, num, table, toRows, values } from './helpers';

interface OneHotFixture {
  columns: string[];
  train: string[][];
  test: string[][];
  cases: { drop: 'first' | null; categories: string[][]; names: string[]; train_out: number[][]; test_out: number[][] }[];
}

const fx = loadFixture<OneHotFixture>('onehot.json');
const toTable = (rows: string[][]) => table(...fx.columns.map((name, j) => cat(name, rows.map((r) => r[j]))));

describe('one-hot against OneHotEncoder(handle_unknown="ignore")', () => {
  for (const c of fx.cases) {
    it(`drop=${c.drop}: levels, column names, training and test matrices`, () => {
      const params = fitOneHot(toTable(fx.train), { dropFirst: c.drop === 'first' });
      expect(params.encodings.map((e) => e.levels)).toEqual(c.categories);
      expect(params.encodings.flatMap((e) => e.outputs)).toEqual(c.names);
      expect(toRows(applyOneHot(toTable(fx.train), params).table)).toEqual(c.train_out);
      expect(toRows(applyOneHot(toTable(fx.test), params).table)).toEqual(c.test_out);
    });
  }

  it('counts levels unseen at fit time in the report', () => {
    const params = fitOneHot(toTable(fx.train));
    const { report } = applyOneHot(toTable(fx.test), params);
    expect(report.unseenLevels).toBe(2); // "d" in letter, "w" in code
    expect(report.byColumn).toEqual({ letter: { unseenLevels: 1 }, code: { unseenLevels: 1 } });
    expect(report.columnsRemoved).toEqual(['letter', 'code']);
    expect(report.columnsAdded).toEqual(fx.cases[0].names);
  });
});

describe('one-hot conventions', () => {
  it('encodes a missing value as all zeros and counts it', () => {
    const { table: out, report } = oneHot(table(cat('c', ['x', null, 'y'])));
    expect(toRows(out)).toEqual([[1, 0], [0, 0], [0, 1]]);
    expect(report.missingEncoded).toBe(1);
  });

  it('replaces the column where it stood, keeping the others', () => {
    const t = table(num('a', [1, 2]), cat('c', ['y', 'x']), num('b', [3, 4]));
    expect(oneHot(t).table.columns.map((c) => c.name)).toEqual(['a', 'c_x', 'c_y', 'b']);
  });

  it('encodes booleans only when asked, naming columns by their labels', () => {
    const smoker: Column = { name: 'smoker', type: 'boolean', values: Float64Array.of(1, 0, 1), labels: ['no', 'yes'] };
    const t = table(smoker, cat('c', ['x', 'x', 'y']));
    expect(oneHot(t).table.columns.map((c) => c.name)).toEqual(['smoker', 'c_x', 'c_y']);
    const out = oneHot(t, { columns: ['smoker'], dropFirst: true }).table;
    expect(out.columns.map((c) => c.name)).toEqual(['smoker_yes', 'c']);
    expect(Array.from(values(out, 'smoker_yes') as Float64Array)).toEqual([1, 0, 1]);
  });

  it('refuses numbers, empty columns and clashing names with clear messages', () => {
    expect(() => fitOneHot(table(num('zip', [1, 2])), { columns: ['zip'] })).toThrow(/"zip" holds numbers.*categorical/);
    expect(() => fitOneHot(table(cat('c', [null, null])))).toThrow(/"c" has no values/);
    expect(() => fitOneHot(table(cat('c', ['x']), num('c_x', [0])))).toThrow(/"c_x".*already has/);
    expect(() => fitOneHot(table(cat('a', ['b_c']), cat('a_b', ['c'])))).toThrow(/both be called "a_b_c"/);
  });
});
