import { expect, test, type Locator } from '@playwright/test';
import { cell, freshStart, openNotebook, settled, uploadCsv } from './helpers';

test.beforeEach(async ({ page }) => {
  // Start from the shipped notebook: no saved edits or uploads.
  await freshStart(page);
  await openNotebook(page, 'Preparing data');
});

/** The report row of one column in the table of a step (row header = column name). */
function stepRow(section: Locator, step: string, column: string): Locator {
  return section
    .getByRole('listitem')
    .filter({ has: section.page().getByRole('heading', { name: step }) })
    .getByRole('row')
    .filter({ has: section.page().getByRole('rowheader', { name: column, exact: true }) });
}

test('the prepare cell reports what it changed, and its controls change it', async ({ page }) => {
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('[data-status="error"]')).toHaveCount(0);
  const clean = cell(page, 'Prepare', 'clean');
  // scripts/make-gappy-dataset.py blanked 10 CRIM, 25 RM, 20 AGE and 15 LSTAT values (70), in 66 rows.
  await expect(clean.getByText('Filled 70 missing values with the median of each column.')).toBeVisible();
  await expect(clean.getByText('Added 4 columns: CRIM_missing, RM_missing, AGE_missing, LSTAT_missing.')).toBeVisible();
  await expect(stepRow(clean, 'Missing values: fill with the median', 'RM').getByRole('cell').first()).toHaveText('25');
  await expect(clean.getByText('In: 506 rows × 13 columns. Out: 506 rows × 17 columns.')).toBeVisible();
  // The slips ×10 in AGE (297, 974) and TAX (3070, 2640) are beyond the IQR fences.
  await expect(stepRow(clean, 'Outliers: IQR fences, clip', 'AGE').getByRole('cell').last()).toHaveText('2');
  await expect(stepRow(clean, 'Outliers: IQR fences, clip', 'TAX').getByRole('cell').last()).toHaveText('2');

  await clean.getByRole('combobox', { name: 'Missing values' }).selectOption('drop');
  await expect(clean.getByText('Dropped 66 rows with a missing value, of 506; 440 left.')).toBeVisible();
  await expect(clean.getByText('In: 506 rows × 13 columns. Out: 440 rows × 13 columns.')).toBeVisible();
  await clean.getByRole('combobox', { name: 'Missing values' }).selectOption('mean');
  await expect(clean.getByText('Filled 70 missing values with the mean of each column.')).toBeVisible();
  await settled(page);
  await expect(page.locator('[data-status="error"]')).toHaveCount(0);
});

test('the split cell re-fits the preparation on its training rows, and its controls resize the parts', async ({ page }) => {
  const holdout = cell(page, 'Split', 'holdout');
  await expect(holdout.getByText('Train 404 rows · Test 102 rows', { exact: true })).toBeVisible();
  await expect(
    holdout.getByText('Imputation, outlier and scaling statistics were learned on the 404 training rows only, then applied unchanged to the test rows.'),
  ).toBeVisible();

  // ceil(506 · 0.25) = 127 test rows.
  await holdout.getByRole('slider', { name: 'Test fraction' }).fill('0.25');
  await expect(holdout.getByText('Train 379 rows · Test 127 rows', { exact: true })).toBeVisible();
  await holdout.getByRole('button', { name: '70/30' }).click();
  await expect(holdout.getByText('Train 354 rows · Test 152 rows', { exact: true })).toBeVisible();
  await expect(holdout.getByRole('button', { name: '70/30' })).toHaveAttribute('aria-pressed', 'true');
  await expect(holdout.getByText(/learned on the 354 training rows only/)).toBeVisible();
  // A validation part: ceil(506 · 0.1) = 51.
  await holdout.getByRole('slider', { name: 'Validation fraction' }).fill('0.1');
  await expect(holdout.getByText('Train 303 rows · Validation 51 rows · Test 152 rows', { exact: true })).toBeVisible();

  // Stratified: 150 iris flowers, 30 % test = 45, 15 of each species.
  const flowers = cell(page, 'Split', 'flowers');
  await expect(flowers.getByText('Train 105 rows · Test 45 rows', { exact: true })).toBeVisible();
  const setosa = flowers.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'setosa' }) });
  await expect(setosa.getByRole('cell')).toHaveText(['35 (33%)', '15 (33%)']);
  await settled(page);
  await expect(page.locator('[data-status="error"]')).toHaveCount(0);
});

test('new data without the prepare cell’s columns asks once for a target and features, then everything runs', async ({ page }) => {
  const rows = Array.from({ length: 10 }, (_, i) => `${i},${i * 2},${i % 3},${10 - i}`).join('\n');
  await uploadCsv(cell(page, 'Dataset', 'houses'), 'other.csv', `w,x,y,z\n${rows}\n`);
  const dialog = page.getByRole('dialog', { name: 'Use other.csv in this notebook' });
  await expect(dialog).toContainText('clean (MEDV, RM, AGE, TAX)');
  // w counts 0, 1, 2…: a row number, never offered as a feature.
  await expect(dialog.getByRole('checkbox', { name: 'w' })).toHaveCount(0);
  await dialog.getByLabel('Target').selectOption('z');
  for (const name of ['x', 'y']) await dialog.getByRole('checkbox', { name }).check();
  await dialog.getByRole('button', { name: 'Apply' }).click();
  const clean = cell(page, 'Prepare', 'clean');
  await expect(clean.getByText('In: 10 rows × 4 columns. Out: 10 rows × 4 columns.')).toBeVisible();
  await expect(cell(page, 'Split', 'holdout').getByText('Train 8 rows · Test 2 rows', { exact: true })).toBeVisible();
  await expect(clean.getByRole('group', { name: 'Choose columns' })).toHaveCount(0);
  await expect(clean.getByRole('alert')).toHaveCount(0);
});

test('dismissing the dialog leaves the prepare cell asking for replacements, and its dependents waiting', async ({ page }) => {
  const rows = Array.from({ length: 10 }, (_, i) => `${i},${i * 2},${i % 3},${10 - i}`).join('\n');
  await uploadCsv(cell(page, 'Dataset', 'houses'), 'other.csv', `w,x,y,z\n${rows}\n`);
  await page.getByRole('dialog', { name: 'Use other.csv in this notebook' }).getByRole('button', { name: 'Not now' }).click();
  const clean = cell(page, 'Prepare', 'clean');
  await expect(clean.getByRole('group', { name: 'Choose columns' })).toBeVisible();
  await expect(clean.getByRole('alert')).toHaveCount(0);
  await expect(cell(page, 'Split', 'holdout').getByRole('status')).toHaveText('Waiting for replacement columns to be chosen upstream.');
  await clean.getByLabel('Replace MEDV').selectOption('z');
  await clean.getByLabel('Replace RM').selectOption('w');
  await clean.getByLabel('Replace AGE').selectOption('x');
  await clean.getByLabel('Replace TAX').selectOption('y');
  await expect(clean.getByText('In: 10 rows × 4 columns. Out: 10 rows × 4 columns.')).toBeVisible();
  await expect(cell(page, 'Split', 'holdout').getByText('Train 8 rows · Test 2 rows', { exact: true })).toBeVisible();
});
