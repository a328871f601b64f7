// "Build a notebook from this data", as a new reader would use it: upload a
// CSV in Your data, press the button, pick the target, press Build, and get
// a working notebook of ordinary cells (no YAML typed, no option edited).
// Bad files get a reason in the dialog and build nothing.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { cell, freshStart, openNotebook, settled, uploadCsv } from './helpers';

const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join('\n') + '\n';

async function openBuildDialog(page: Page, file: string, content: string | Buffer) {
  await openNotebook(page, 'Your data');
  const data = cell(page, 'Dataset', 'data');
  await uploadCsv(data, file, content);
  await expect(data.getByText(`from ${file}`)).toBeVisible();
  await data.getByRole('button', { name: 'Build a notebook from this data' }).click();
  const dialog = page.getByRole('dialog', { name: `Build a notebook from ${file}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Builds with the chosen target; the new notebook, named after the file, opens at its first built cell. */
async function build(page: Page, file: string, content: string | Buffer, target: string, task: RegExp) {
  const dialog = await openBuildDialog(page, file, content);
  await dialog.getByLabel('Target').selectOption(target);
  await expect(dialog.getByLabel('Task').locator('option:checked')).toHaveText(task);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Build' }).click();
  await expect(dialog).toHaveCount(0);
  const title = file.replace(/\.csv$/, '');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await settled(page);
  await expect(cell(page, 'Plot', 'look')).toBeInViewport();
}

/** A fitted model with its metrics and a plot, a baseline to compare, and no cell in error anywhere. */
async function expectWorkingNotebook(page: Page, modelLabel: string) {
  const model = cell(page, modelLabel, 'model');
  await expect(model.getByRole('table', { name: 'Metrics' })).toBeVisible();
  await expect(cell(page, 'Plot', 'look').getByRole('img').first()).toBeVisible();
  await expect(cell(page, 'Baseline', 'baseline').getByRole('table', { name: 'Baseline metrics' })).toBeVisible();
  await expect(cell(page, 'Evaluate', 'evaluation').getByRole('img').first()).toBeVisible();
  await expect(cell(page, 'Sweep', 'tuning').getByRole('img').first()).toBeVisible();
  await expect(page.locator('article').getByRole('alert')).toHaveCount(0);
}

test('three files to three working notebooks: gaps, a category, an identifier and free text; multiclass iris; plain numbers', async ({ page }) => {
  await freshStart(page);

  // (a) Gaps in age, bmi, region and the target; Sample ID is an identifier, notes free text.
  const dialog = await openBuildDialog(page, 'patients.csv', readFileSync('tests/fixtures/build/patients.csv'));
  const leftOut = dialog.getByRole('list', { name: 'Left out' });
  await expect(leftOut.getByRole('listitem')).toHaveText([/Sample ID: a different value on every row/, /notes: free text/]);
  await expect(dialog.getByLabel('Target').locator('option')).toHaveText(['age', 'bmi', 'bp', 'smoker', 'region', 'outcome']);
  await expect(dialog.getByRole('list', { name: 'It will build' }).getByRole('listitem').first()).toHaveText('Drop the 3 rows without outcome');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await build(page, 'patients.csv', readFileSync('tests/fixtures/build/patients.csv'), 'outcome', /Regression/);
  await expectWorkingNotebook(page, 'Regression');
  await expect(cell(page, 'Prepare', 'prepared')).toBeVisible();
  await expect(page.getByText(/`?outcome`? is missing on 3 rows/)).toBeVisible();

  // (b) Multiclass: iris, coloured by species.
  await build(page, 'iris.csv', readFileSync('datasets/iris.csv'), 'species', /Classification \(multiclass, 3 classes\)/);
  await expectWorkingNotebook(page, 'Classifier');

  // (c) Plain numeric regression: no preparation, least squares, a degree sweep.
  await build(page, 'plain.csv', readFileSync('tests/fixtures/build/plain.csv'), 'price', /Regression/);
  await expectWorkingNotebook(page, 'Regression');
  await expect(page.getByRole('region', { name: /^Prepare / })).toHaveCount(0);

  // In a notebook of the reader's own, Build adds the cells right after the dataset cell, with fresh ids.
  const data = cell(page, 'Dataset', 'data');
  await data.getByRole('button', { name: 'Build a notebook from this data' }).click();
  await page.getByRole('dialog', { name: 'Build a notebook from plain.csv' }).getByRole('button', { name: 'Build' }).click();
  await expect(page.getByRole('region', { name: /^Regression / })).toHaveCount(2);
  await settled(page);
  await expect(page.getByRole('heading', { level: 1, name: 'plain' })).toBeVisible();
  await expect(page.locator('article').getByRole('alert')).toHaveCount(0);

  // The three built notebooks are the reader's own, listed in the sidebar.
  const own = page.getByRole('list', { name: 'Your notebooks' });
  for (const title of ['patients', 'iris', 'plain']) await expect(own.getByRole('link', { name: title })).toBeVisible();
});

test('bad input gets a reason in the dialog, and Build builds nothing', async ({ page }) => {
  await freshStart(page);
  const cases: [string, string, RegExp][] = [
    ['one-row.csv', 'a,b\n1,2\n', /1 row; a notebook needs at least 10/],
    ['one-column.csv', 'a\n' + rows(20, (i) => `${i * 0.5}`), /single column/],
    ['text.csv', 'name,comment\n' + rows(30, (i) => `person ${i},said ${i % 17} things about ${i % 13}`), /Every column is free text or an identifier/],
    ['one-class.csv', 'x,label\n' + rows(30, (i) => `${i * 0.5},yes`), /Only 'x' can be used.*'label', it holds one value on every row/],
  ];
  for (const [file, content, reason] of cases) {
    const dialog = await openBuildDialog(page, file, content);
    await expect(dialog.getByRole('alert')).toHaveText(reason);
    await expect(dialog.getByRole('button', { name: 'Build' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  }
  // A target whose rare class could not reach every part.
  const dialog = await openBuildDialog(page, 'rare.csv', 'x,kind\n' + rows(30, (i) => `${i * 0.5},${i < 27 ? 'common' : 'rare'}`));
  await dialog.getByLabel('Target').selectOption('kind');
  await expect(dialog.getByRole('alert')).toHaveText(/Too few rows of class rare \(3 rows\)/);
  await expect(dialog.getByRole('button', { name: 'Build' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('list', { name: 'Your notebooks' }).getByRole('link')).toHaveCount(0);
});
