// The planner of "Build a notebook": what it offers as targets, what it
// leaves out and why, which preparation steps it chooses for which data, the
// reasons it refuses bad input, and that every shipped dataset builds into a
// notebook with no cell in error.
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../../src/lib/data/csv/read';
import { columnRoles } from '../../../src/lib/data/roles';
import { summarise } from '../../../src/lib/data/summary';
import type { CellBlock } from '../../../src/lib/notebook/model';
import { analyseForBuild, choiceProblem } from '../../../src/lib/notebook/build/analyse';
import { planNotebook } from '../../../src/lib/notebook/build/plan';
import { outlineOf } from '../../../src/lib/notebook/build/outline';
import { planFor, runBlocks } from './run-built';

function analyse(csv: string) {
  const table = readCsvText(csv).table;
  const summaries = summarise(table);
  return { table, analysis: analyseForBuild(table, summaries, columnRoles(table, summaries)) };
}

const cellsOf = (blocks: { type: string }[]) => blocks.filter((b): b is CellBlock => b.type === 'cell');
const cellOf = (blocks: { type: string }[], kind: string) => cellsOf(blocks).find((c) => c.kind === kind);
const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join('\n');

describe('what the Build dialog offers', () => {
  it('leaves identifiers, free text and constants out, with their reasons, and never offers them as target', () => {
    const { analysis } = planInputs('tests/fixtures/build/patients.csv');
    expect(analysis.leftOut.map((c) => [c.name, c.role])).toEqual([
      ['Sample ID', 'identifier'],
      ['notes', 'text'],
    ]);
    expect(analysis.leftOut[0].reason).toMatch(/identifier/);
    expect(analysis.targets.map((t) => t.name)).toEqual(['age', 'bmi', 'bp', 'smoker', 'region', 'outcome']);
    expect(analysis.guess).toBe('outcome');
    expect(analysis.problem).toBeUndefined();
  });

  it('leaves out a column missing on more than half of the rows', () => {
    const { analysis } = analyse('x,sparse,y\n' + rows(30, (i) => `${i * 0.5},${i % 3 ? '' : i},${(i * 7) % 11}.5`));
    expect(analysis.leftOut).toEqual([expect.objectContaining({ name: 'sparse', reason: '20 of its 30 values are missing, more than half' })]);
    expect(analysis.targets.map((t) => t.name)).toEqual(['x', 'y']);
  });

  it('guesses a target by its name, else the last usable column, and infers the task from its values', () => {
    expect(planInputs('datasets/iris.csv').analysis.guess).toBe('species');
    const diabetes = planInputs('datasets/diabetes.csv').analysis;
    expect(diabetes.guess).toBe('progression');
    expect(diabetes.targets.find((t) => t.name === 'progression')).toMatchObject({ task: 'regression', tasks: ['regression', 'classification'] });
    expect(planInputs('datasets/iris.csv').analysis.targets.find((t) => t.name === 'species')).toMatchObject({ task: 'classification', tasks: ['classification'] });
    // A few whole numbers (a 0/1 flag, a rating) read as classes.
    const { analysis } = analyse('x,rating\n' + rows(40, (i) => `${i * 1.5},${i % 3}`));
    expect(analysis.targets.find((t) => t.name === 'rating')?.task).toBe('classification');
  });

  it('explains bad input: a single row, a single column, only text, no target left, one class, rare or too many classes', () => {
    expect(analyse('a,b\n1,2').analysis.problem).toMatch(/1 row; a notebook needs at least 10/);
    expect(analyse('a\n' + rows(20, (i) => `${i * 0.5}`)).analysis.problem).toMatch(/single column, 'a'/);
    const text = analyse('name,comment\n' + rows(30, (i) => `person ${i},said ${i % 17} things about ${i % 13}`)).analysis;
    expect(text.problem).toMatch(/Every column is free text or an identifier/);
    const one = analyse('id,x,kind\n' + rows(30, (i) => `${i},${i * 0.5},same`)).analysis;
    expect(one.problem).toMatch(/Only 'x' can be used/);
    const { table } = analyse('x,y\n' + rows(30, (i) => `${i * 0.5},${i < 29 ? 'a' : ''}`));
    expect(choiceProblem(table, 'y', 'classification')).toMatch(/one class, a/);
    const rare = analyse('x,y\n' + rows(30, (i) => `${i * 0.5},${i < 27 ? 'a' : 'b'}`)).table;
    expect(choiceProblem(rare, 'y', 'classification')).toMatch(/Too few rows of class b \(3 rows\)/);
    const many = analyse('x,y\n' + rows(60, (i) => `${i * 0.5},${i * 1.7}`)).table;
    expect(choiceProblem(many, 'y', 'classification')).toMatch(/60 different values: too many classes .* Choose regression/);
    expect(choiceProblem(many, 'y', 'regression')).toBeUndefined();
  });
});

describe('the planned notebook', () => {
  it('prepares only what the data needs: drop rows without a target, impute gaps with an indicator, one-hot the category, scale for the penalty', () => {
    const { plan } = planFor('tests/fixtures/build/patients.csv');
    const [drop, prepare] = cellsOf(plan.blocks).filter((c) => c.kind === 'prepare');
    expect(drop.options).toEqual({ input: 'data', missing: { strategy: 'drop', columns: ['outcome'] } });
    expect(prepare.options).toEqual({
      input: drop.id,
      label: 'outcome',
      missing: { strategy: 'median', columns: ['age', 'bmi'], indicator: true },
      encode: ['region'],
      scale: { method: 'standard', columns: ['age', 'bmi', 'bp'] },
    });
    const model = cellOf(plan.blocks, 'regression')!;
    expect(model.options.features).not.toContain('Sample ID');
    expect(model.options.features).not.toContain('notes');
    expect(model.options).toMatchObject({ penalty: 'l2' });
    expect(cellOf(plan.blocks, 'sweep')!.options).toMatchObject({ parameter: 'alpha' });
    expect(cellOf(plan.blocks, 'split')!.options).not.toHaveProperty('stratify');
    // Prose numbers come from the data: 10 of the 237 rows with a target miss age in this file.
    const text = plan.blocks.filter((b) => b.type === 'prose').map((b) => (b as { text: string }).text).join('\n');
    expect(text).toMatch(/`outcome` is missing on 3 rows, 1\.3 % of the file/);
    expect(text).toMatch(/Values are missing in `age` \(\d+, [\d.]+ % of rows\) and `bmi`/);
    expect(text).toMatch(/Left out: `Sample ID` \(a different value on every row/);
  });

  it('outlines the plan for the dialog, one line per step', () => {
    expect(outlineOf(planFor('tests/fixtures/build/patients.csv').plan.design)).toEqual([
      'Drop the 3 rows without outcome',
      'Fill the gaps in age and bmi with the training median, with indicator columns',
      'One-hot encode region',
      'Standardise age, bmi and bp for the penalty',
      'Split 189 rows to train, 48 to test',
      'A baseline (the mean) beside ridge regression on 10 columns',
      'An evaluation, a cross-validation (holdout, 5-fold and leave-one-out) and a sweep over the penalty strength α',
    ]);
    expect(outlineOf(planFor('tests/fixtures/build/plain.csv').plan.design)).toEqual([
      'Split 120 rows to train, 30 to test',
      'A baseline (the mean) beside least-squares regression on 2 columns',
      'An evaluation, a cross-validation (holdout, 5-fold and leave-one-out) and a sweep over the polynomial degree',
    ]);
  });

  it('plain complete numbers: no prepare cell, least squares and a sweep over the polynomial degree', () => {
    const { plan } = planFor('tests/fixtures/build/plain.csv');
    expect(cellOf(plan.blocks, 'prepare')).toBeUndefined();
    expect(cellOf(plan.blocks, 'split')!.options.input).toBe('data');
    expect(cellOf(plan.blocks, 'regression')!.options).toEqual({ input: 'holdout', target: 'price', features: ['x1', 'x2'] });
    expect(cellOf(plan.blocks, 'sweep')!.options).toMatchObject({ parameter: 'degree', values: { from: 1 } });
    expect(cellOf(plan.blocks, 'plot')!.options).toMatchObject({ kind: 'scatter', y: 'price' });
  });

  it('classification: a stratified split, a majority baseline, a penalised classifier on scaled features, an α sweep, a plot coloured by class', () => {
    const { plan } = planFor('datasets/iris.csv');
    expect(cellOf(plan.blocks, 'split')!.options).toMatchObject({ stratify: 'species' });
    expect(cellOf(plan.blocks, 'baseline')!.options).toEqual({ input: 'holdout', target: 'species', task: 'classification' });
    expect(cellOf(plan.blocks, 'classifier')!.options).toMatchObject({ penalty: 'l2' });
    expect(cellOf(plan.blocks, 'prepare')!.options).toMatchObject({ scale: { method: 'standard' } });
    expect(cellOf(plan.blocks, 'plot')!.options).toEqual({ input: 'data', kind: 'scatter', x: 'petal_length', y: 'petal_width', color: 'species' });
    expect(cellOf(plan.blocks, 'crossval')!.options).toMatchObject({ stratify: 'species', methods: ['holdout', 'kfold', 'loo'] });
  });

  it('refuses a choice that cannot be built', () => {
    const { table, analysis } = analyse('x,y\n' + rows(30, (i) => `${i * 0.5},${i < 27 ? 'a' : 'b'}`));
    const summaries = summarise(table);
    expect(analysis.problem).toBeUndefined();
    expect(() =>
      planNotebook({ datasetId: 'd', fileName: 'f.csv', table, summaries, roles: columnRoles(table, summaries), target: 'y', task: 'classification' }),
    ).toThrow(/Too few rows of class b/);
  });

  it.each(['wine', 'diabetes', 'boston-housing-gaps', 'breast-cancer'])('builds %s.csv with no cell in error', async (name) => {
    const { plan, table } = planFor(`datasets/${name}.csv`);
    const { errors } = await runBlocks(plan.blocks, table);
    expect(errors).toEqual({});
  }, 60_000);
});

function planInputs(path: string) {
  const { table } = planFor(path);
  const summaries = summarise(table);
  return { table, analysis: analyseForBuild(table, summaries, columnRoles(table, summaries)) };
}
