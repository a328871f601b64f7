import { describe, expect, it } from 'vitest';
import type { Block, CellBlock } from '../../../src/lib/notebook/model';
import { summarise } from '../../../src/lib/data/summary';
import type { Table } from '../../../src/lib/data/table';
import { columnFacts, RetargetData } from '../../../src/cells/shared/retarget';
import { applyRewrites, asksForTarget, guessChoice, planRetarget, staleCells, dependentCells } from '../../../src/cells/shared/retarget-plan';

const cellBlock = (kind: string, id: string, options: Record<string, unknown>): CellBlock => ({ type: 'cell', kind, id, options, line: 0, errors: [] });

// The shape of the Linear regression lesson, with a prepare cell, a table and a plot added.
const lesson: Block[] = [
  cellBlock('dataset', 'houses', { source: 'datasets/boston-housing.csv' }),
  cellBlock('prepare', 'clean', { input: 'houses', label: 'MEDV', missing: { strategy: 'median', columns: ['RM', 'AGE'] }, scale: { method: 'standard', columns: ['TAX'] } }),
  cellBlock('split', 'holdout', { input: 'clean', test: 0.2, seed: 42, stratify: 'CHAS' }),
  { type: 'prose', text: 'One feature.', line: 0 },
  cellBlock('regression', 'rooms', { input: 'holdout', target: 'MEDV', features: ['RM'] }),
  cellBlock('regression', 'several', { input: 'holdout', target: 'MEDV', features: ['RM', 'LSTAT', 'PTRATIO', 'NOX', 'DIS', 'TAX', 'RAD'] }),
  cellBlock('table', 'peek', { input: 'houses', columns: ['RM', 'MEDV'] }),
  cellBlock('plot', 'look', { input: 'houses', kind: 'scatter', x: 'RM', y: 'MEDV', color: 'CHAS' }),
  cellBlock('plot', 'kept', { input: 'houses', kind: 'histogram' }),
  cellBlock('evaluate', 'judge', { model: 'several' }),
  cellBlock('dataset', 'other', { source: 'datasets/iris.csv' }),
  cellBlock('regression', 'elsewhere', { input: 'other', target: 'petal_width', features: ['petal_length'] }),
];
const oldColumns = ['CRIM', 'RM', 'AGE', 'CHAS', 'DIS', 'RAD', 'TAX', 'PTRATIO', 'LSTAT', 'NOX', 'MEDV'];

const n = 30;
const newTable: Table = {
  rowCount: n,
  columns: [
    { name: 'Sample ID', type: 'numeric', values: Float64Array.from({ length: n }, (_, i) => 100 + i) },
    { name: 'size', type: 'numeric', values: Float64Array.from({ length: n }, (_, i) => 50 + ((i * 37) % 100)) },
    { name: 'age', type: 'numeric', values: Float64Array.from({ length: n }, (_, i) => (i * 13) % 60) },
    { name: 'city', type: 'categorical', values: Array.from({ length: n }, (_, i) => ['north', 'south', 'east'][i % 3]) },
    { name: 'RM', type: 'numeric', values: Float64Array.from({ length: n }, (_, i) => 1 + (i % 5)) },
    { name: 'price', type: 'numeric', values: Float64Array.from({ length: n }, (_, i) => 100 + i * 2.5) },
  ],
};
const data = new RetargetData(columnFacts(newTable, summarise(newTable)));

describe('which cells lost columns', () => {
  it('names every cell that depends on the dataset and names a column the old data had and the new one lacks', () => {
    expect(staleCells(lesson, 'houses', oldColumns, data)).toEqual([
      { id: 'clean', kind: 'prepare', lost: ['MEDV', 'AGE', 'TAX'] },
      { id: 'holdout', kind: 'split', lost: ['CHAS'] },
      { id: 'rooms', kind: 'regression', lost: ['MEDV'] },
      { id: 'several', kind: 'regression', lost: ['MEDV', 'LSTAT', 'PTRATIO', 'NOX', 'DIS', 'TAX', 'RAD'] },
      { id: 'peek', kind: 'table', lost: ['MEDV'] },
      { id: 'look', kind: 'plot', lost: ['MEDV', 'CHAS'] },
    ]);
  });

  it('does not count names the old data did not have either (columns a prepare cell makes)', () => {
    const blocks = [lesson[0], cellBlock('regression', 'm', { input: 'houses', target: 'price', features: ['city_north', 'size'] })];
    expect(staleCells(blocks, 'houses', ['size', 'price', 'city'], data)).toEqual([]);
  });

  it('leaves a cell predicting with a loaded model alone: its columns come from the model file', () => {
    const loaded = cellBlock('regression', 'loaded', { input: 'houses', target: 'MEDV', features: ['RM'], loadedModel: 'houses-model.json' });
    const blocks = [lesson[0], loaded];
    expect(staleCells(blocks, 'houses', oldColumns, data)).toEqual([]);
    expect(planRetarget(blocks, 'houses', { target: 'price', features: ['size'] }, data)).toEqual([]);
    // The same cell fitting on the data would be rewritten.
    const fitted = cellBlock('regression', 'loaded', { input: 'houses', target: 'MEDV', features: ['RM'] });
    expect(staleCells([lesson[0], fitted], 'houses', oldColumns, data)).toHaveLength(1);
  });

  it('leaves cells of another dataset alone', () => {
    expect(dependentCells(lesson, 'houses').map((c) => c.id)).not.toContain('elsewhere');
  });
});

describe('when to ask for a target', () => {
  it('asks when a model, a labelled prepare cell or a stratified split reads the data; not for tables and plots alone', () => {
    expect(asksForTarget(dependentCells(lesson, 'houses'))).toBe(true);
    expect(asksForTarget([cellBlock('table', 't', { columns: ['a'] }), cellBlock('plot', 'p', { x: 'a' })])).toBe(false);
    expect(asksForTarget([cellBlock('prepare', 'p', { scale: 'standard' }), cellBlock('split', 's', {})])).toBe(false);
    expect(asksForTarget([cellBlock('split', 's', { stratify: 'species' })])).toBe(true);
  });
});

describe('Let fitbook pick', () => {
  it('takes a target whose name says so, and every other usable column as a feature (never the identifier)', () => {
    expect(guessChoice(dependentCells(lesson, 'houses'), data)).toEqual({ target: 'price', features: ['size', 'age', 'city', 'RM'] });
  });

  it('takes the last suitable column when no name says so; a label when only classifiers read the data', () => {
    const renamed: Table = { ...newTable, columns: newTable.columns.map((c) => (c.name === 'price' ? { ...c, name: 'value' } : c)) };
    const other = new RetargetData(columnFacts(renamed, summarise(renamed)));
    expect(guessChoice([cellBlock('regression', 'r', {})], other)?.target).toBe('value');
    expect(guessChoice([cellBlock('classifier', 'c', {})], other)?.target).toBe('RM');
  });
});

describe('the rewrites of a choice', () => {
  const choice = { target: 'price', features: ['size', 'age', 'city', 'RM'] };
  const plan = planRetarget(lesson, 'houses', choice, data);
  const byId = Object.fromEntries(plan.map((r) => [r.id, r]));

  it('gives every model the target and its numeric features; a one-feature cell keeps one', () => {
    expect(byId.rooms.changes).toEqual({ target: 'price', features: ['size'] });
    expect(byId.several.changes).toEqual({ target: 'price', features: ['size', 'age', 'RM'] });
    expect(byId.rooms.problems).toEqual([]);
  });

  it('moves the prepare label to the target and keeps each step to the columns the data has', () => {
    expect(byId.clean.changes).toEqual({ label: 'price', missing: { strategy: 'median', columns: ['RM'] }, scale: { method: 'standard' } });
  });

  it('drops a stratification by a target with many values, and says so', () => {
    expect(byId.holdout.changes).toEqual({ stratify: undefined });
    expect(byId.holdout.notes[0]).toMatch(/no longer stratified/);
  });

  it('fixes only the lost axes of a plot and the lost columns of a table; cells that lost nothing are not touched', () => {
    expect(byId.look.changes).toEqual({ y: 'price', color: undefined });
    expect(byId.peek.changes).toEqual({ columns: ['RM'] });
    expect(byId.kept).toBeUndefined();
    expect(byId.judge).toBeUndefined();
  });

  it('says which cell a target does not suit, and why', () => {
    const bad = planRetarget(lesson, 'houses', { target: 'city', features: ['size'] }, data);
    expect(bad.find((r) => r.id === 'rooms')!.problems).toEqual(["cannot predict it: 'city' holds categories, not numbers; a regression needs a numeric target"]);
    const label = planRetarget(lesson, 'houses', { target: 'city', features: ['size'] }, data).find((r) => r.id === 'holdout')!;
    expect(label.changes).toEqual({ stratify: 'city' });
  });

  it('applies as new blocks, removing options set to undefined and leaving the rest as they were', () => {
    const next = applyRewrites(lesson, plan);
    const cell = (id: string) => next.find((b): b is CellBlock => b.type === 'cell' && b.id === id)!;
    expect(cell('holdout').options).toEqual({ input: 'clean', test: 0.2, seed: 42 });
    expect(cell('several').options.features).toEqual(['size', 'age', 'RM']);
    expect(cell('elsewhere')).toBe(lesson[11]);
    // the original blocks are not changed
    expect((lesson[2] as CellBlock).options.stratify).toBe('CHAS');
  });
});
