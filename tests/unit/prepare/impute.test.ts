import { describe, expect, it } from 'vitest';
import { applyImpute, fitImpute, impute, type ImputeStrategy } from '../../../src/lib/data/prepare';
import { cat, expectClose, fromRows, loadFixture, num, table, values } from './helpers';

interface ImputeFixture {
  columns: string[];
  train: (number | null)[][];
  test: (number | null)[][];
  cases: { strategy: ImputeStrategy; fill: number | null; statistics: number[]; train_out: number[][]; test_out: number[][] }[];
  strings: { values: (string | null)[]; cases: { strategy: ImputeStrategy; fill: string | null; statistic: string; out: string[] }[] };
}

const fx = loadFixture<ImputeFixture>('impute.json');

describe('impute against SimpleImputer(add_indicator=True)', () => {
  for (const c of fx.cases) {
    it(`${c.strategy}: statistics, training output, and test output with the training statistics`, () => {
      const train = fromRows(fx.columns, fx.train);
      const params = fitImpute(train, { strategy: c.strategy, value: c.fill ?? undefined, indicator: true });
      expect(params.fills.map((f) => f.value)).toEqual(c.statistics);
      // sklearn appends the indicators after all features; we put each after its column.
      const sklearnOrder = [...fx.columns, ...fx.columns.map((n) => `${n}_missing`)];
      for (const [input, expected] of [[fx.train, c.train_out], [fx.test, c.test_out]] as const) {
        const out = applyImpute(fromRows(fx.columns, input), params).table;
        expect(out.columns.map((col) => col.name)).toEqual(['a', 'a_missing', 'b', 'b_missing', 'c', 'c_missing']);
        const cols = sklearnOrder.map((name) => values(out, name));
        expectClose(expected.map((_, i) => cols.map((col) => col[i] as number)), expected);
      }
    });
  }

  it('reports how many values it filled, per column and in total', () => {
    const { report } = impute(fromRows(fx.columns, fx.train), { strategy: 'median', indicator: true });
    expect(report.valuesFilled).toBe(4);
    expect(report.byColumn).toEqual({ a: { valuesFilled: 2 }, b: { valuesFilled: 1 }, c: { valuesFilled: 1 } });
    expect(report.columnsAdded).toEqual(['a_missing', 'b_missing', 'c_missing']);
    expect(report.rowsDropped).toBe(0);
  });

  it('adds indicators only for columns that had missing values when fitting (features="missing-only")', () => {
    const t = table(num('full', [1, 2, 3]), num('gappy', [1, null, 3]));
    const out = impute(t, { strategy: 'mean', indicator: true }).table;
    expect(out.columns.map((c) => c.name)).toEqual(['full', 'gappy', 'gappy_missing']);
  });
});

describe('impute on text', () => {
  for (const c of fx.strings.cases) {
    it(`${c.strategy} matches SimpleImputer (ties go to the smallest string)`, () => {
      const t = table(cat('colour', fx.strings.values));
      const { table: out, params } = impute(t, { strategy: c.strategy, value: c.fill ?? undefined });
      expect(params.fills[0].value).toBe(c.statistic);
      expect(values(out, 'colour')).toEqual(c.out);
    });
  }

  it('leaves the input table untouched', () => {
    const t = table(cat('colour', fx.strings.values), num('x', [1, null, 3, 4, 5, 6, 7]));
    impute(t, { strategy: 'most_frequent' });
    expect(values(t, 'colour')).toEqual(fx.strings.values);
    expect(Number.isNaN(values(t, 'x')[1] as number)).toBe(true);
  });
});

describe('impute errors, written for a learner', () => {
  const t = table(num('age', [30, null, 50]), cat('city', ['Oslo', null, 'Rome']), num('empty', [null, null, null]));

  it('names a column that does not exist and lists the ones that do', () => {
    expect(() => fitImpute(t, { columns: ['agee'], strategy: 'mean' })).toThrow(/no column "agee".*"age", "city", "empty"/);
  });

  it('refuses a mean of text and suggests most_frequent', () => {
    expect(() => fitImpute(t, { columns: ['city'], strategy: 'mean' })).toThrow(/"city" holds text.*most_frequent/);
  });

  it('refuses to learn a median from an all-missing column, but fills it with a constant', () => {
    expect(() => fitImpute(t, { columns: ['empty'], strategy: 'median' })).toThrow(/"empty" has no values/);
    expect(Array.from(values(impute(t, { columns: ['empty'], strategy: 'constant', value: -1 }).table, 'empty'))).toEqual([-1, -1, -1]);
  });

  it('checks that a constant fits the column type', () => {
    expect(() => fitImpute(t, { columns: ['age'], strategy: 'constant', value: 'none' })).toThrow(/"age" holds numbers/);
    expect(() => fitImpute(t, { columns: ['city'], strategy: 'constant', value: 0 })).toThrow(/"city" holds text/);
  });

  it('will not overwrite an existing column with an indicator', () => {
    const clash = table(num('x', [1, null]), num('x_missing', [0, 0]));
    expect(() => fitImpute(clash, { strategy: 'mean', columns: ['x'], indicator: true })).toThrow(/"x_missing".*already has/);
  });

  it('refuses to apply to a table whose column changed type since fitting', () => {
    const params = fitImpute(t, { columns: ['age'], strategy: 'mean' });
    expect(() => applyImpute(table(cat('age', ['1', null])), params)).toThrow(/"age" held numbers/);
  });
});
