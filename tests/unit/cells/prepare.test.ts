import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../../src/lib/data/csv';
import { getColumn, type NumericColumn, type Table } from '../../../src/lib/data/table';
import { runPrepare, runPrepareCell, type PrepareOutput } from '../../../src/cells/prepare/run';
import { summarise } from '../../../src/lib/data/summary';
import { outputColumns } from '../../../src/cells/shared/table-input';
import { prepareSchema } from '../../../src/cells/prepare/schema';
import { describeSteps } from '../../../src/cells/prepare/describe';
import { renameColumn } from '../../../src/cells/prepare/rename';
import { runContext as context } from './context';

// x has two gaps; 100 is a typing slip. Its five values sorted are 1 2 3 4 100: median 3, mean 22.
const table: Table = {
  rowCount: 7,
  columns: [
    { name: 'x', type: 'numeric', values: new Float64Array([1, 2, NaN, 4, 100, NaN, 3]) },
    { name: 'city', type: 'categorical', values: ['a', 'b', 'a', null, 'b', 'a', 'c'] },
    { name: 'y', type: 'numeric', values: new Float64Array([10, 20, 30, 40, 50, 60, 70]) },
  ],
};

const prepare = (options: Record<string, unknown>, input: unknown = { table }) =>
  runPrepare(context(prepareSchema.parse({ input: 'd', ...options }), { d: input })) as PrepareOutput;
const numbers = (t: Table, name: string) => Array.from((getColumn(t, name) as NumericColumn).values);

describe('prepare cell run', () => {
  it('fills gaps with the median (3) and adds an indicator column', () => {
    const out = prepare({ label: 'y', missing: { strategy: 'median', indicator: true } });
    expect(numbers(out.table, 'x')).toEqual([1, 2, 3, 4, 100, 3, 3]);
    expect(numbers(out.table, 'x_missing')).toEqual([0, 0, 1, 0, 0, 1, 0]);
    expect(out.reports[0]).toMatchObject({ valuesFilled: 2, columnsAdded: ['x_missing'] });
    // The label is left alone, and the input passes on untouched for a split cell.
    expect(out.pipeline).toEqual([{ step: 'impute', strategy: 'median', columns: ['x'], value: undefined, indicator: true }]);
    expect(out.source).toBe(table);
  });

  it('the cell\'s engine run brings the prepared table\'s summaries, which the pickers then read', async () => {
    const options = prepareSchema.parse({ input: 'd', label: 'y', missing: { strategy: 'median', indicator: true } });
    const out = (await runPrepareCell(context(options, { d: { table } }))) as PrepareOutput;
    expect(out.summaries).toEqual(summarise(out.table));
    expect(out.summaries?.find((s) => s.name === 'x')).toMatchObject({ missing: 0, count: 7 });
    expect(outputColumns(out)?.map((c) => c.name)).toEqual(['x', 'x_missing', 'city', 'y']);
  });

  it('fills with the mean (22) when asked', () => {
    const out = prepare({ missing: { strategy: 'mean', columns: ['x'] } });
    expect(numbers(out.table, 'x')).toEqual([1, 2, 22, 4, 100, 22, 3]);
  });

  it('drops the rows with a gap in the named columns', () => {
    const out = prepare({ missing: { strategy: 'drop', columns: ['x', 'city'] } });
    expect(out.table.rowCount).toBe(4); // rows 3, 4 and 6 have a gap
    expect(numbers(out.table, 'y')).toEqual([10, 20, 50, 70]);
    expect(describeSteps(out.fitted, out.reports)[0].sentence).toBe('Dropped 3 rows with a missing value, of 7; 4 left.');
  });

  it('runs the steps in the fixed order missing → outliers → encode → scale → shuffle, whatever the option order', () => {
    const out = prepare({
      shuffle: { seed: 1 },
      scale: 'standard',
      encode: ['city'],
      outliers: { method: 'iqr', action: 'clip' },
      missing: { strategy: 'median' },
      label: 'y',
    });
    expect(out.pipeline.map((s) => s.step)).toEqual(['impute', 'outliers', 'one-hot', 'scale', 'shuffle']);
  });

  it('finds outliers after imputation: fences 1 and 5, and clips 100 to 5', () => {
    // After filling: 1 2 3 4 100 3 3, sorted 1 2 3 3 3 4 100. numpy's quartiles: Q1 = 2.5, Q3 = 3.5, IQR 1,
    // fences 2.5 − 1.5 = 1 and 3.5 + 1.5 = 5. (Before filling they would be −1 and 7.) 1 is on a fence: not an outlier.
    const out = prepare({ label: 'y', missing: { strategy: 'median' }, outliers: { method: 'iqr', k: 1.5, action: 'clip' } });
    expect(out.fitted.steps[1]).toEqual({ step: 'outliers', params: { method: 'iqr', action: 'clip', fences: [{ column: 'x', low: 1, high: 5, q1: 2.5, q3: 3.5 }] } });
    expect(numbers(out.table, 'x')).toEqual([1, 2, 3, 4, 5, 3, 3]);
    const [, outliers] = describeSteps(out.fitted, out.reports);
    expect(outliers.sentence).toBe('Found 1 value outside the fences; clipped 1 value to the fences.');
    expect(outliers.rows).toEqual([['x', '1', '5', '1']]);
  });

  it('reads k from a slider control and removes rows beyond z-score fences', () => {
    const clipped = prepare({ label: 'y', missing: { strategy: 'median' }, outliers: { k: { value: 100, min: 0, max: 200 }, action: 'clip' } });
    expect(clipped.reports[1].outliersFound).toBe(0); // fence 3.5 + 100 = 103.5
    const removed = prepare({ label: 'y', missing: { strategy: 'median' }, outliers: { method: 'zscore', threshold: 2, action: 'remove' } });
    expect(removed.table.rowCount).toBe(6);
    expect(numbers(removed.table, 'x')).not.toContain(100);
  });

  it('one-hot encodes, standardises (population std) and leaves the label and new columns unscaled', () => {
    const out = prepare({ label: 'y', missing: { strategy: 'median', indicator: true }, outliers: { action: 'clip' }, encode: ['city'], scale: 'standard' });
    expect(out.table.columns.map((c) => c.name)).toEqual(['x', 'x_missing', 'city_a', 'city_b', 'city_c', 'y']);
    // x after clipping is 1 2 3 4 5 3 3: mean 3, population variance 10/7.
    const std = Math.sqrt(10 / 7);
    numbers(out.table, 'x').forEach((v, i) => expect(v).toBeCloseTo(([1, 2, 3, 4, 5, 3, 3][i] - 3) / std, 12));
    expect(numbers(out.table, 'y')).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(numbers(out.table, 'x_missing')).toEqual([0, 0, 1, 0, 0, 1, 0]);
    expect(numbers(out.table, 'city_a')).toEqual([1, 0, 1, 0, 0, 1, 0]); // the missing city is all zeros
  });

  it('says what each step did, with the fill value', () => {
    const out = prepare({ label: 'y', missing: { strategy: 'median', indicator: true }, scale: { method: 'minmax', columns: ['x'] }, shuffle: { seed: 3 } });
    const [fill, scaled, shuffled] = describeSteps(out.fitted, out.reports);
    expect(fill.sentence).toBe('Filled 2 missing values with the median of each column. Added 1 column: x_missing.');
    expect(fill.rows).toEqual([['x', '2', '3']]);
    expect(scaled.rows).toEqual([['x', '1', '99']]);
    expect(shuffled.sentence).toBe('Shuffled the 7 rows with seed 3.');
    expect(numbers(out.table, 'y').sort((a, b) => a - b)).toEqual([10, 20, 30, 40, 50, 60, 70]);
  });

  it('passes the engine’s errors on, with the step number', () => {
    expect(() => prepare({ missing: { strategy: 'mean', columns: ['city'] } })).toThrow(/^Step 1: .*"city" holds text, and text has no mean/);
    expect(() => prepare({ scale: { method: 'standard', columns: ['city'] } })).toThrow(/^Step 1: Scaling: column "city"/);
    expect(() => prepare({ missing: { strategy: 'drop', indicator: true } })).toThrow(/with strategy drop nothing is filled/);
  });

  it('asks for replacements when the data lacks a named column, and renames it everywhere', () => {
    const options = { input: 'd', label: 'price', missing: { strategy: 'median' as const, columns: ['area', 'x'] }, scale: 'standard' as const };
    expect(runPrepare(context(prepareSchema.parse(options), { d: { table } }))).toEqual({
      needsColumns: true,
      missing: ['price', 'area'],
      available: ['x', 'city', 'y'],
      // Cells downstream wait instead of failing.
      waiting: 'Waiting for replacement columns to be chosen upstream.',
    });
    expect(renameColumn(options, 'area', 'x')).toEqual({ missing: { strategy: 'median', columns: ['x', 'x'] } });
    expect(renameColumn({ ...options, encode: ['area'] }, 'area', 'city')).toMatchObject({ encode: ['city'] });
  });

  it('waits for an empty dataset cell', () => {
    expect(runPrepare(context(prepareSchema.parse({ input: 'd' }), { d: { waiting: 'Upload a CSV' } }))).toEqual({ waiting: 'Upload a CSV' });
  });

  it('rejects unknown options and strategies', () => {
    expect(prepareSchema.safeParse({ input: 'd', missing: { strategy: 'average' } }).success).toBe(false);
    expect(prepareSchema.safeParse({ input: 'd', steps: [] }).success).toBe(false);
  });
});

describe('the gappy teaching dataset', () => {
  const text = readFileSync(new URL('../../../datasets/boston-housing-gaps.csv', import.meta.url), 'utf8');
  const gappy = readCsvText(text).table;

  it('has the 70 blanks the script made (empty, NA and ?) and median imputation fills them all', () => {
    const out = prepare({ label: 'MEDV', missing: { strategy: 'median' } }, { table: gappy });
    expect(out.reports[0].valuesFilled).toBe(70);
    expect(out.reports[0].byColumn).toEqual({ CRIM: { valuesFilled: 10 }, RM: { valuesFilled: 25 }, AGE: { valuesFilled: 20 }, LSTAT: { valuesFilled: 15 } });
  });

  it('has the typed-in ×10 values, found by IQR fences', () => {
    const out = prepare({ label: 'MEDV', outliers: { columns: ['AGE', 'TAX'], action: 'flag' } }, { table: gappy });
    expect(out.reports[0].byColumn).toEqual({ AGE: { outliersFound: 2 }, TAX: { outliersFound: 2 } });
  });
});
