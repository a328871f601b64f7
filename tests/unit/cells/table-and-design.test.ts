import { describe, expect, it } from 'vitest';
import type { Table } from '../../../src/lib/data/table';
import { runTable } from '../../../src/cells/table/run';
import { tableSchema } from '../../../src/cells/table/schema';
import { featureMatrix, labelTarget, numericTarget } from '../../../src/cells/shared/design';
import { runContext as context } from './context';

const table: Table = {
  rowCount: 3,
  columns: [
    { name: 'x', type: 'numeric', values: new Float64Array([1, 2, NaN]) },
    { name: 'y', type: 'numeric', values: new Float64Array([10, 20, 30]) },
    { name: 'ok', type: 'boolean', values: new Float64Array([1, 0, 1]), labels: ['no', 'yes'] },
    { name: 'city', type: 'categorical', values: ['Lyon', null, 'Paris'] },
  ],
};

describe('table cell run', () => {
  const parse = (o: unknown) => tableSchema.parse(o);

  it('shows the first rows of the chosen columns as text, null for missing', () => {
    const out = runTable(context(parse({ input: 'd', columns: ['city', 'x', 'ok'], rows: 2 }), { d: { table } }));
    expect(out).toEqual({
      columns: ['city', 'x', 'ok'],
      rows: [
        ['Lyon', '1', 'yes'],
        [null, '2', 'no'],
      ],
      totalRows: 3,
      available: ['x', 'y', 'ok', 'city'],
    });
  });

  it('shows every column by default, and reads the rows control value', () => {
    const out = runTable(context(parse({ input: 'd', rows: { value: 1, min: 1, max: 5 } }), { d: { table } }));
    expect(out).toMatchObject({ columns: ['x', 'y', 'ok', 'city'], rows: [['1', '10', 'yes', 'Lyon']] });
  });

  it('asks for replacements when the data lacks a named column', () => {
    const out = runTable(context(parse({ input: 'd', columns: ['x', 'price', 'area'] }), { d: { table } }));
    expect(out).toEqual({ needsColumns: true, missing: ['price', 'area'], available: ['x', 'y', 'ok', 'city'] });
  });

  it('waits, without failing, while its input has no data', () => {
    const out = runTable(context(parse({ input: 'd' }), { d: { waiting: 'Upload a CSV.' } }));
    expect(out).toEqual({ waiting: 'Upload a CSV.' });
  });

  it('fails clearly when the input holds no table', () => {
    expect(() => runTable(context(parse({ input: 'd' }), { d: 42 }))).toThrow("The input 'd' does not hold a table yet.");
  });
});

describe('model inputs from a table', () => {
  it('shares numeric columns into a matrix', () => {
    const m = featureMatrix(table, ['y', 'ok']);
    expect(m.rows).toBe(3);
    expect(m.cols).toBe(2);
    expect(m.columns[0]).toBe(table.columns[1].values);
  });

  it('explains a text feature, a missing value and an unknown column', () => {
    expect(() => featureMatrix(table, ['city'])).toThrow(/categorical, not numeric\. One-hot encode/);
    expect(() => featureMatrix(table, ['x'])).toThrow("The feature 'x' has 1 missing value. Drop those rows or impute them");
    expect(() => featureMatrix(table, ['nope'])).toThrow("The feature 'nope' is not a column of the data.");
    expect(() => featureMatrix(table, [])).toThrow('Choose at least one feature.');
  });

  it('reads targets for regression and classification', () => {
    expect(Array.from(numericTarget(table, 'y'))).toEqual([10, 20, 30]);
    expect(() => numericTarget(table, 'city')).toThrow(/regression needs a numeric target/);
    expect(labelTarget(table, 'ok')).toEqual(['yes', 'no', 'yes']);
    expect(labelTarget(table, 'y')).toEqual([10, 20, 30]);
    expect(() => labelTarget(table, 'city')).toThrow(/1 missing value/);
  });
});

describe('regression fitter (used by cross-validation and sweeps)', async () => {
  const { regressionFitter } = await import('../../../src/cells/regression/run');
  // y = 1 + 2x exactly on x = 0..4; a line fits perfectly, a constant does not.
  const line: Table = {
    rowCount: 5,
    columns: [
      { name: 'x', type: 'numeric', values: new Float64Array([0, 1, 2, 3, 4]) },
      { name: 'y', type: 'numeric', values: new Float64Array([1, 3, 5, 7, 9]) },
    ],
  };
  const spec = { target: 'y', features: ['x'], degree: 1, intercept: true, penalty: 'none' as const, alpha: 0 };

  it('refits and scores on any table', async () => {
    const model = await regressionFitter(spec).fit(line);
    const scores = model.score(line);
    expect(scores.MSE).toBeLessThan(1e-20);
    expect(scores['R²']).toBeCloseTo(1, 12);
  });

  it('applies overrides: a strong ridge penalty shrinks the slope and raises the error', async () => {
    const ridge = await regressionFitter({ ...spec, penalty: 'l2' }).fit(line, { alpha: 100 });
    // Hand check: mean of y is 5, so a fully shrunk model predicts 5 and has MSE (16+4+0+4+16)/5 = 8.
    const mse = ridge.score(line).MSE;
    expect(mse).toBeGreaterThan(4);
    expect(mse).toBeLessThan(8);
  });
});
