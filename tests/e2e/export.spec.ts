import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { cell, freshStart, uploadCsv } from './helpers';
import { tableValues } from './engine-reference';
import { python, runPythonScript } from '../python-reference';

test('Show Python gives code that, run with scikit-learn, prints the cell’s coefficients', async ({ page }) => {
  await freshStart(page);
  // Only this cell matters: the notebook's gradient-descent cell may still be training.
  await page.getByRole('navigation', { name: 'Notebooks' }).getByRole('link', { name: 'Linear regression', exact: true }).click();
  const several = cell(page, 'Regression', 'several');
  await expect(several.locator('caption', { hasText: 'Coefficients' })).toBeVisible({ timeout: 60_000 });
  await expect(several.locator('[data-status]').first()).toHaveAttribute('data-status', 'idle');
  const shown = await tableValues(several, 'Coefficients');

  await several.getByRole('button', { name: 'Show Python' }).click();
  const dialog = page.getByRole('dialog', { name: 'Python for several' });
  await expect(dialog).toBeVisible();
  const code = dialog.getByLabel('Python code for several');
  await expect(code).toContainText('train_rows = [');
  await expect(code).toContainText('LinearRegression(');

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download .py' }).click()]);
  const dir = mkdtempSync(join(tmpdir(), 'fitbook-show-python-'));
  const script = join(dir, 'fit.py');
  await download.saveAs(script);
  expect(readFileSync(script, 'utf8')).toBe((await code.innerText()).trimEnd() + '\n');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  test.skip(!python, 'no python3 with scikit-learn and pandas to run the code');
  copyFileSync('datasets/boston-housing.csv', join(dir, 'boston-housing.csv'));
  const printed = runPythonScript('fit.py', dir);
  // "Intercept: 12.3" then one "name  value" line per coefficient.
  const intercept = Number(/Intercept: (\S+)/.exec(printed)![1]);
  expect(Math.abs(intercept - shown.Intercept[0])).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(intercept)));
  for (const name of Object.keys(shown).filter((n) => n !== 'Intercept')) {
    const value = Number(new RegExp(`^${name.replace(/[\^$]/g, '\\$&')}\\s+(\\S+)$`, 'm').exec(printed)![1]);
    expect(Math.abs(value - shown[name][0])).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(value)));
  }
});

test('Download predictions lists every judged row, and class names that look like formulas are defused', async ({ page }) => {
  await freshStart(page);
  await page.getByRole('navigation', { name: 'Notebooks' }).getByRole('link', { name: 'Logistic regression', exact: true }).click();
  const iris = readFileSync('datasets/iris.csv', 'utf8').replaceAll('setosa', '=setosa').replaceAll('virginica', '@virginica');
  await uploadCsv(cell(page, 'Dataset', 'iris'), 'iris-formulas.csv', iris);
  const species = cell(page, 'Classifier', 'species');
  await expect(species.getByRole('columnheader', { name: '=setosa' })).toBeVisible({ timeout: 60_000 });

  const [download] = await Promise.all([page.waitForEvent('download'), species.getByRole('button', { name: 'Download predictions' }).click()]);
  expect(download.suggestedFilename()).toBe('logistic-regression-species-predictions.csv');
  const lines = readFileSync(await download.path(), 'utf8').trimEnd().split('\r\n');
  expect(lines[0]).toBe('part,row_index,petal_length,petal_width,actual,predicted,probability_=setosa,probability_@virginica,probability_versicolor');
  expect(lines).toHaveLength(151);
  const rows = lines.slice(1).map((l) => l.split(','));
  expect(rows.filter((r) => r[0] === 'test')).toHaveLength(30);
  // Every row of the file appears once, by its index.
  expect(new Set(rows.map((r) => r[1])).size).toBe(150);
  expect(rows.some((r) => r[4] === "'=setosa")).toBe(true);
  expect(rows.some((r) => r[4] === "'@virginica")).toBe(true);
  expect(rows.every((r) => !r.slice(4, 6).some((v) => /^[=@+-]/.test(v)))).toBe(true);
  // Probabilities of the three classes add up to 1.
  for (const r of rows) expect(Math.abs(Number(r[6]) + Number(r[7]) + Number(r[8]) - 1)).toBeLessThan(1e-9);
});
