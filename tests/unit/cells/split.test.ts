import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../../src/lib/data/csv';
import { getColumn, type NumericColumn, type Table } from '../../../src/lib/data/table';
import { runPrepare, type PrepareOutput } from '../../../src/cells/prepare/run';
import { prepareSchema } from '../../../src/cells/prepare/schema';
import { runSplit, type SplitCellOutput } from '../../../src/cells/split/run';
import { holdoutSplit, labelsOf, stratifiedHoldoutSplit } from '../../../src/lib/validation';
import { summarise } from '../../../src/lib/data/summary';
import { splitSchema } from '../../../src/cells/split/schema';
import { isSplitOutput, partsFrom } from '../../../src/cells/shared/parts';
import { runContext as context } from './context';

/** n rows: an id 0…n−1 and a label with classes a (60%), b (30%), c (10%). */
function rows(n: number): Table {
  const label = Array.from({ length: n }, (_, i) => (i % 10 < 6 ? 'a' : i % 10 < 9 ? 'b' : 'c'));
  return {
    rowCount: n,
    columns: [
      { name: 'id', type: 'numeric', values: Float64Array.from({ length: n }, (_, i) => i) },
      { name: 'label', type: 'categorical', values: label },
    ],
  };
}

const split = (options: Record<string, unknown>, input: unknown) =>
  runSplit(context(splitSchema.parse({ input: 'd', ...options }), { d: input })) as SplitCellOutput;
const values = (t: Table, name: string) => (getColumn(t, name) as NumericColumn).values;
const ids = (t: Table) => Array.from(values(t, 'id'));

describe('split cell run', () => {
  it('holds out ceil(n·0.2) rows: train 404, test 102 of 506, as sklearn', () => {
    const out = split({ test: 0.2 }, { table: rows(506) });
    expect(out.sizes).toEqual({ train: 404, test: 102 });
    expect(out.validation).toBeUndefined();
    expect(out.columns).toEqual(['id', 'label']);
    expect(isSplitOutput(out)).toBe(true);
    expect(out.table).toBe(out.train);
    expect(partsFrom(out, 'd').test?.rowCount).toBe(102);
    // Every row lands in exactly one part.
    expect([...ids(out.train), ...ids(out.test)].sort((a, b) => a - b)).toEqual(ids(rows(506)));
  });

  it('reads the test fraction from a control, and adds a validation part of ceil(n·v) rows', () => {
    const out = split({ test: { value: 0.3, min: 0.05, max: 0.5 }, validation: 0.1 }, { table: rows(506) });
    expect(out.sizes).toEqual({ train: 303, validation: 51, test: 152 });
    expect(new Set([...ids(out.train), ...ids(out.validation!), ...ids(out.test)]).size).toBe(506);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = split({ seed: 7 }, { table: rows(100) });
    const b = split({ seed: 7 }, { table: rows(100) });
    const c = split({ seed: 8 }, { table: rows(100) });
    expect(ids(a.test)).toEqual(ids(b.test));
    expect(ids(a.test)).not.toEqual(ids(c.test));
  });

  it('keeps class proportions in every part when stratified, and counts them', () => {
    const out = split({ test: 0.2, validation: 0.2, stratify: 'label' }, { table: rows(500) });
    // 500 rows: 300 a, 150 b, 50 c; each part of 100 (or 300) rows gets exactly 60/30/10 %.
    expect(out.classCounts).toEqual({
      column: 'label',
      classes: ['a', 'b', 'c'],
      counts: { train: [180, 90, 30], validation: [60, 30, 10], test: [60, 30, 10] },
    });
    const labels = (t: Table) => (getColumn(t, 'label')!.values as string[]).filter((l) => l === 'c').length;
    expect(labels(out.test)).toBe(10);
    expect(split({ test: 0.2 }, { table: rows(500) }).classCounts).toBeUndefined();
  });

  it('splits a large table in slices: the rows of the split made at once, and each part\'s class counts', async () => {
    const n = 60_000; // 60,000 rows × 3 is more work than SLICED_ABOVE
    const pending = runSplit(context(splitSchema.parse({ input: 'd', test: 0.2, validation: 0.1, seed: 3, stratify: 'label' }), { d: { table: rows(n) } }));
    expect(pending).toBeInstanceOf(Promise);
    const out = (await pending) as SplitCellOutput;
    const atOnce = stratifiedHoldoutSplit(labelsOf(rows(n), 'label'), { test: 0.2, validation: 0.1, seed: 3 });
    for (const part of ['train', 'validation', 'test'] as const) {
      expect(ids(out[part]!)).toEqual(Array.from(atOnce[part]));
      expect(out.rows[part]).toEqual(atOnce[part]);
    }
    // 60 % a, 30 % b, 10 % c in every part: 12,000 test rows, 6,000 validation rows.
    expect(out.classCounts?.counts).toEqual({ train: [25_200, 12_600, 4_200], validation: [3_600, 1_800, 600], test: [7_200, 3_600, 1_200] });
    // The training part's summaries come from the engine (in-process here), as summarise makes them.
    expect(out.summaries).toEqual(summarise(out.train));
    expect(out.summaries?.[0]).toMatchObject({ name: 'id', count: 42_000, distinct: 42_000 });
    const plain = (await runSplit(context(splitSchema.parse({ input: 'd', test: 0.25, seed: 9 }), { d: { table: rows(n) } }))) as SplitCellOutput;
    expect(ids(plain.test)).toEqual(Array.from(holdoutSplit(n, { test: 0.25, seed: 9 }).test));
  });

  it('asks for a replacement when the stratify column is not in the data, and waits for empty data', () => {
    expect(runSplit(context(splitSchema.parse({ input: 'd', stratify: 'species' }), { d: { table: rows(10) } }))).toEqual({
      needsColumns: true,
      missing: ['species'],
      available: ['id', 'label'],
      waiting: 'Waiting for replacement columns to be chosen upstream.',
    });
    expect(runSplit(context(splitSchema.parse({ input: 'd' }), { d: { waiting: 'Upload' } }))).toEqual({ waiting: 'Upload' });
  });

  it('says what is wrong with impossible fractions', () => {
    expect(() => split({ test: 0.5, validation: 0.5 }, { table: rows(10) })).toThrow(/leave no rows to train on/);
    expect(splitSchema.safeParse({ input: 'd', test: 1.2 }).success).toBe(false);
  });
});

describe('split after a prepare cell: no leakage', () => {
  const csv = (name: string) => readCsvText(readFileSync(new URL(`../../../datasets/${name}`, import.meta.url), 'utf8')).table;
  const prepared = (table: Table, options: Record<string, unknown>) =>
    runPrepare(context(prepareSchema.parse({ input: 'data', ...options }), { data: { table } })) as PrepareOutput;

  /** Mean and population std (ddof 0) of some rows of a column, computed here without the engine. */
  function stats(column: Float64Array, rowsOf: ArrayLike<number>) {
    let sum = 0;
    for (const r of Array.from(rowsOf)) sum += column[r];
    const mean = sum / rowsOf.length;
    let squares = 0;
    for (const r of Array.from(rowsOf)) squares += (column[r] - mean) ** 2;
    return { mean, std: Math.sqrt(squares / rowsOf.length) };
  }
  const meanOf = (v: Float64Array) => v.reduce((s, x) => s + x, 0) / v.length;

  it('a large table: the preparation is re-fitted on the training rows through the engine, and the parts come with summaries', async () => {
    const n = 50_000; // 50,000 rows × 3 is more work than SLICED_ABOVE
    const big: Table = {
      rowCount: n,
      columns: [
        { name: 'x', type: 'numeric', values: Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 10 + (i % 17)) },
        { name: 'label', type: 'categorical', values: Array.from({ length: n }, (_, i) => (i % 3 ? 'yes' : 'no')) },
      ],
    };
    const pending = runSplit(context(splitSchema.parse({ input: 'd', test: 0.2, validation: 0.1, seed: 4 }), { d: prepared(big, { label: 'label', scale: 'standard' }) }));
    expect(pending).toBeInstanceOf(Promise);
    const out = (await pending) as SplitCellOutput;
    const raw = values(big, 'x');
    const train = stats(raw, out.rows.train);
    const fitted = out.fitted!.steps[0];
    if (fitted.step !== 'scale') throw new Error('expected a scale step');
    expect(fitted.params.parameters[0].shift).toBeCloseTo(train.mean, 10);
    expect(fitted.params.parameters[0].divisor).toBeCloseTo(train.std, 10);
    for (const part of ['train', 'validation', 'test'] as const) {
      const r = out.rows[part]![7];
      expect(values(out[part]!, 'x')[7]).toBeCloseTo((raw[r] - train.mean) / train.std, 10);
      // The label passes through as the split's own rows of it.
      expect((getColumn(out[part]!, 'label')!.values as string[])[7]).toBe((big.columns[1].values as string[])[r]);
    }
    expect(out.reports?.validation).toHaveLength(1);
    expect(out.summaries).toEqual(summarise(out.train));
    expect(out.learnedOn).toBe('Scaling statistics were learned on the 35000 training rows only, then applied unchanged to the validation and test rows.');
  });

  it('standardises with the training rows’ mean and std only', () => {
    const houses = csv('boston-housing.csv');
    const prep = prepared(houses, { label: 'MEDV', scale: 'standard' });
    const out = split({ test: 0.2, seed: 42 }, prep);
    expect(out.sizes).toEqual({ train: 404, test: 102 });
    expect(out.columns).toEqual(houses.columns.map((c) => c.name)); // the rows split are the prepare cell's input
    expect(out.learnedOn).toBe('Scaling statistics were learned on the 404 training rows only, then applied unchanged to the test rows.');

    const scaled = houses.columns.filter((c) => c.name !== 'MEDV').map((c) => c.name);
    const fitted = out.fitted!.steps[0];
    if (fitted.step !== 'scale') throw new Error('expected a scale step');
    expect(fitted.params.parameters.map((p) => p.column)).toEqual(scaled);
    for (const name of scaled) {
      const raw = values(houses, name);
      const train = stats(raw, out.rows.train);
      const parameter = fitted.params.parameters.find((p) => p.column === name)!;
      expect(parameter.shift).toBeCloseTo(train.mean, 10);
      expect(parameter.divisor).toBeCloseTo(train.std, 10);
      // The whole-table statistics (what a leaky split would use) differ.
      expect(Math.abs(parameter.shift - stats(raw, Array.from({ length: houses.rowCount }, (_, i) => i)).mean)).toBeGreaterThan(1e-9);
      expect(Math.abs(meanOf(values(out.train, name)))).toBeLessThan(1e-9);
      expect(Math.abs(meanOf(values(out.test, name)))).toBeGreaterThan(1e-6);
      // Test rows are transformed with the training numbers, row by row.
      const r = out.rows.test[0];
      expect(values(out.test, name)[0]).toBeCloseTo((raw[r] - train.mean) / train.std, 10);
    }
    // The label is not scaled in any part.
    expect(Array.from(values(out.test, 'MEDV'))).toEqual(Array.from(out.rows.test, (r) => values(houses, 'MEDV')[r]));
  });

  it('fills gaps in every part with the training median, and reports each part', () => {
    const gappy = csv('boston-housing-gaps.csv');
    const prep = prepared(gappy, { label: 'MEDV', missing: { strategy: 'median', columns: ['RM'] }, scale: { method: 'standard', columns: ['RM'] } });
    const out = split({ test: 0.3, validation: 0.1, seed: 1 }, prep);
    const rm = values(gappy, 'RM');
    const trainValues = Array.from(out.rows.train, (r) => rm[r]).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
    const m = trainValues.length / 2;
    const median = trainValues.length % 2 ? trainValues[Math.floor(m)] : (trainValues[m - 1] + trainValues[m]) / 2;
    const fill = out.fitted!.steps[0];
    if (fill.step !== 'impute') throw new Error('expected an impute step');
    expect(fill.params.fills[0]).toMatchObject({ column: 'RM', value: median });
    const gaps = (part: 'train' | 'validation' | 'test') => Array.from(out.rows[part]!).filter((r) => Number.isNaN(rm[r])).length;
    expect(out.reports!.train[0].valuesFilled).toBe(gaps('train'));
    expect(out.reports!.validation![0].valuesFilled).toBe(gaps('validation'));
    expect(out.reports!.test[0].valuesFilled).toBe(gaps('test'));
    expect(gaps('train') + gaps('validation') + gaps('test')).toBe(25);
    expect(out.learnedOn).toBe(
      'Imputation and scaling statistics were learned on the 303 training rows only, then applied unchanged to the validation and test rows.',
    );
  });

  it('reports rows the preparation dropped, per part', () => {
    const gappy = csv('boston-housing-gaps.csv');
    const out = split({ test: 0.2, seed: 42 }, prepared(gappy, { missing: { strategy: 'drop' } }));
    expect(out.sizes.train + out.sizes.test).toBe(prepared(gappy, { missing: { strategy: 'drop' } }).table.rowCount);
    expect(out.sizes.train).toBe(404 - out.reports!.train[0].rowsDropped);
    expect(out.learnedOn).toMatch(/learn nothing from the data/);
  });
});
