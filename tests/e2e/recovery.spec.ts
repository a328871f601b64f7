// A reader can always get back from a change that broke a cell: the controls
// stay, Revert brings back the shipped notebook.
import { expect, test } from '@playwright/test';
import { cell, openYamlOptions, freshStart, openNotebook, settled, uploadCsv } from './helpers';

test.beforeEach(async ({ page }) => {
  await freshStart(page);
  await openNotebook(page, 'Linear regression');
});

test('Revert re-runs every cell from the shipped notebook, after an upload and moved controls', async ({ page }) => {
  const houses = cell(page, 'Dataset', 'houses');
  await uploadCsv(houses, 'cars.csv', 'mpg,weight\n21,2.6\n22.8,2.3\n18.7,3.4\n');
  // Not now: each cell asks for its own replacements, as before the dialog.
  await page.getByRole('dialog', { name: 'Use cars.csv in this notebook' }).getByRole('button', { name: 'Not now' }).click();
  await expect(cell(page, 'Regression', 'rooms').getByRole('group', { name: 'Choose columns' })).toBeVisible();
  await page.getByRole('button', { name: 'Revert to the shipped notebook' }).click();
  await settled(page);
  await expect(cell(page, 'Dataset', 'houses').getByText('506 rows × 13 columns')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Choose columns' })).toHaveCount(0);
  await expect(cell(page, 'Regression', 'rooms').getByRole('table').filter({ hasText: 'Coefficients' })).toBeVisible();
  await expect(page.locator('[data-status="error"]')).toHaveCount(0);
});

test('the last feature cannot be unticked, and a new target that was a feature swaps places with the old one', async ({ page }) => {
  const rooms = cell(page, 'Regression', 'rooms');
  const features = rooms.getByRole('group', { name: 'Features' });
  await expect(features.getByRole('checkbox', { name: 'RM' })).toBeDisabled();
  await rooms.getByRole('combobox', { name: 'Target' }).selectOption('RM');
  await settled(page);
  await expect(rooms.getByRole('alert')).toHaveCount(0);
  await expect(features.getByRole('checkbox', { name: 'MEDV' })).toBeChecked();
  await expect(rooms.getByRole('rowheader', { name: 'MEDV', exact: true })).toBeVisible();
});

test('a cell in error keeps its controls, so the reader can undo the change', async ({ page }) => {
  const rooms = cell(page, 'Regression', 'rooms');
  await (await openYamlOptions(rooms, 'rooms')).fill('input: holdout\ntarget: RM\nfeatures: [RM]\n');
  await rooms.getByRole('button', { name: 'Apply options' }).click();
  await expect(rooms.getByRole('alert')).toContainText("'RM' is the target; it cannot also be a feature.");
  // The pickers come from the last good fit; choosing a target repairs the cell.
  await rooms.getByRole('combobox', { name: 'Target' }).selectOption('MEDV');
  await settled(page);
  await expect(rooms.getByRole('alert')).toHaveCount(0);
  await expect(rooms).toHaveAttribute('data-runs', /\d+/);
  await expect(rooms.getByRole('rowheader', { name: 'RM', exact: true })).toBeVisible();
});

test('a training run that diverges keeps its loss curve beside the error', async ({ page }) => {
  const descent = cell(page, 'Regression', 'descent');
  await expect(descent.getByText(/on the \w+ backend/)).toBeVisible();
  await descent.getByRole('group', { name: 'Features' }).getByRole('checkbox', { name: 'TAX' }).check();
  const rate = descent.getByRole('slider', { name: 'Learning rate' });
  await rate.focus();
  await page.keyboard.press('End');
  await settled(page);
  await expect(descent.getByRole('alert')).toContainText(/diverged/i);
  await expect(descent.getByRole('img', { name: /Loss curve/ })).toBeVisible();
  await expect(descent.getByRole('slider', { name: 'Learning rate' })).toBeVisible();
});
