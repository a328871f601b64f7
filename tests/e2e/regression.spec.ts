import { expect, test, type Locator } from '@playwright/test';
import { cell, openYamlOptions, openNotebook, settled } from './helpers';
import { exactRegression, readNumber, trainingPart } from './engine-reference';

// The notebook's split cell: 20% test, seed 42.
const train = trainingPart('boston-housing.csv', 0.2, 42);

async function tableValues(section: Locator, caption: string): Promise<Record<string, number[]>> {
  const table = section.getByRole('table').filter({ has: section.page().locator('caption', { hasText: caption }) });
  const rows = await table.locator('tbody tr').all();
  const out: Record<string, number[]> = {};
  for (const row of rows) {
    const name = (await row.getByRole('rowheader').innerText()).trim();
    out[name] = (await row.getByRole('cell').allInnerTexts()).map(readNumber);
  }
  return out;
}

/** Estimates are shown to 6 significant digits, everything else to 4. */
function expectClose(actual: number, expected: number, relative = 1e-3) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
});

test('the regression cell shows the exact solution with its standard errors and VIF', async ({ page }) => {
  await openNotebook(page, 'Linear regression');
  const several = cell(page, 'Regression', 'several');
  const features = ['RM', 'LSTAT', 'PTRATIO', 'NOX', 'DIS', 'TAX', 'RAD'];
  const exact = exactRegression(train, { target: 'MEDV', features });
  const coefficients = await tableValues(several, 'Coefficients');
  expectClose(coefficients.Intercept[0], exact.model.intercept, 1e-5);
  expectClose(coefficients.Intercept[1], exact.summary.interceptStandardError!);
  features.forEach((name, j) => {
    const [estimate, se, t, vif] = coefficients[name];
    expectClose(estimate, exact.model.coefficients[j], 1e-5);
    expectClose(se, exact.summary.standardErrors![j]);
    expectClose(t, exact.summary.tValues![j]);
    expectClose(vif, exact.summary.vif![j]);
  });
  const metrics = await tableValues(several, 'Metrics');
  expectClose(metrics['R²'][0], exact.summary.r2);
  expectClose(metrics.MSE[0], exact.summary.rss / train.rowCount);
  expect(train.rowCount).toBe(404);
});

test('moving the degree slider ten times quickly shows only the last degree', async ({ page }) => {
  await openNotebook(page, 'Linear regression');
  const rooms = cell(page, 'Regression', 'rooms');
  const slider = rooms.getByRole('slider', { name: 'Polynomial degree' });
  for (const degree of [2, 5, 3, 7, 4, 6, 8, 2, 9, 3]) await slider.fill(String(degree));
  await settled(page);
  const exact = exactRegression(train, { target: 'MEDV', features: ['RM'], degree: 3 });
  const coefficients = await tableValues(rooms, 'Coefficients');
  expect(Object.keys(coefficients)).toEqual(['Intercept', 'RM', 'RM^2', 'RM^3']);
  expectClose(coefficients['RM^3'][0], exact.model.coefficients[2], 1e-5);
  await expect(rooms.getByRole('img', { name: /least-squares degree 3 fit/i })).toBeVisible();
  await expect(page.locator('[data-status="error"]')).toHaveCount(0);
});

test('a feature the data lacks asks for a replacement, not a crash', async ({ page }) => {
  await openNotebook(page, 'Linear regression');
  const rooms = cell(page, 'Regression', 'rooms');
  await (await openYamlOptions(rooms, 'rooms')).fill('input: holdout\ntarget: MEDV\nfeatures: [RM, NOPE]\n');
  await rooms.getByRole('button', { name: 'Apply options' }).click();
  await expect(rooms.getByRole('group', { name: 'Choose columns' })).toBeVisible();
});
