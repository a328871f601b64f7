import { expect, test, type Page } from '@playwright/test';
import { cell, openNotebook, settled } from './helpers';
import { exactRegression, kFoldMse, readNumber, shippedSplit, shippedTable, tableValues } from './engine-reference';

const NOTEBOOK = 'Validation and overfitting';

test.beforeEach(async ({ page }) => {
  // Start from the shipped notebook: no saved edits.
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await openNotebook(page, NOTEBOOK);
});

async function noErrors(page: Page) {
  await expect(page.locator('[data-status="error"]')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
}

function expectClose(actual: number, expected: number, relative = 1e-3) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

test('the notebook opens with every cell up to date, and crossval compares 1, k and n fits', async ({ page }) => {
  await noErrors(page);
  await expect(page.locator('[data-status="stale"]')).toHaveCount(0);
  const compare = cell(page, 'Cross-validation', 'compare');
  const results = await tableValues(compare, 'Cross-validation (MSE)');
  expect(Object.keys(results)).toEqual(['Holdout', 'k-fold (k=5)', 'Leave-one-out']);
  expect(results.Holdout[0]).toBe(1);
  expect(results['k-fold (k=5)'][0]).toBe(5);
  expect(results['Leave-one-out'][0]).toBe(506);
  // The k-fold mean, recomputed in Node from the same shuffled folds of the 506 districts.
  const expected = kFoldMse(shippedTable('boston-housing.csv'), { target: 'MEDV', features: ['LSTAT'], degree: 4 }, 5, 42);
  expectClose(results['k-fold (k=5)'][1], expected);
  // One fold has no spread; many folds do.
  expect(results.Holdout[2]).toBeNaN();
  expect(results['Leave-one-out'][2]).toBeGreaterThan(results['k-fold (k=5)'][2]);
  await expect(compare.getByText(/^Leave-one-out fitted 506 models \(.+\); 5-fold fitted 5 \(/)).toBeVisible();
  await expect(compare.getByRole('img', { name: /MSE on each fold of Holdout, k-fold \(k=5\), Leave-one-out/ })).toBeVisible();
});

test('Stop interrupts a long cross-validation: the cell stops without an error', async ({ page }) => {
  const compare = cell(page, 'Cross-validation', 'compare');
  const status = compare.locator('[data-status]').first();
  await expect(status).toHaveAttribute('data-status', 'idle');
  await compare.getByRole('button', { name: 'Fit' }).click();
  await expect(compare.getByRole('progressbar', { name: 'Cross-validating' })).toBeVisible();
  // The table fills in while leave-one-out runs: "n of 506".
  await expect(compare.getByRole('cell', { name: /^\d+ of 506$/ })).toBeVisible();
  await compare.getByRole('button', { name: 'Stop' }).click();
  // Stopped, not finished: the cell is out of date (a finished run would be up to date) and keeps its last table.
  await expect(status).toHaveAttribute('data-status', 'stale');
  await expect(compare.getByText('Out of date: press Fit.')).toBeVisible();
  await expect(compare.getByRole('progressbar')).toHaveCount(0);
  await expect(compare.getByRole('rowheader', { name: 'Leave-one-out' })).toBeVisible();
  await noErrors(page);
});

test('the degree sweep finds the best degree, names the regimes, and follows its controls', async ({ page }) => {
  const degrees = cell(page, 'Sweep', 'degrees');
  const sweep = await tableValues(degrees, 'Sweep over degree (MSE)');
  expect(Object.keys(sweep)).toHaveLength(10);
  // The best degree's validation error is the regression cell's own at that degree, computed in Node.
  const parts = shippedSplit('boston-housing.csv', { test: 0.2, validation: 0.4, seed: 42 });
  const best = Object.keys(sweep).find((k) => k.endsWith('(best)'))!;
  const degree = readNumber(best.split(' ')[0]);
  const fit = exactRegression(parts.train, { target: 'MEDV', features: ['LSTAT'], degree });
  expectClose(sweep[best][0], fit.summary.rss / parts.train.rowCount);
  for (const row of Object.values(sweep)) expect(row[1]).toBeGreaterThanOrEqual(sweep[best][1]);
  await expect(degrees.getByText(/underfitting \(high bias\)/)).toBeVisible();
  await expect(degrees.getByText(/the training error keeps falling while the validation error rises: overfitting \(high variance\)/)).toBeVisible();
  await expect(degrees.getByRole('img', { name: new RegExp(`validation MSE is lowest at degree = ${degree}`) })).toBeVisible();
  await expect(degrees.getByRole('img', { name: /3 fits of MEDV on LSTAT side by side: degree 1: underfits/ })).toBeVisible();

  // Fewer values: the table and the curve follow.
  await degrees.getByRole('slider', { name: 'Number of values' }).fill('5');
  await settled(page);
  await expect(degrees.locator('tbody tr')).toHaveCount(5);
  const headers = await degrees.locator('tbody').getByRole('rowheader').allInnerTexts();
  expect(headers.map((h) => readNumber(h.split(' ')[0]))).toEqual([1, 3, 6, 8, 10]);

  // Another parameter: a learning curve over training rows.
  await degrees.getByRole('combobox', { name: 'Parameter' }).selectOption('trainSize');
  await settled(page);
  await expect(degrees.getByRole('columnheader', { name: 'training rows' })).toBeVisible();
  await expect(degrees.getByText(/^With 20 training rows the validation MSE is/)).toBeVisible();
  await expect(degrees.getByRole('img', { name: /against training rows/ })).toBeVisible();
  await noErrors(page);
});

test('moving the model upstream re-runs the sweeps and leaves the manual crossval waiting for Fit', async ({ page }) => {
  const curve = cell(page, 'Regression', 'curve');
  await curve.getByRole('slider', { name: 'Polynomial degree' }).fill('2');
  await settled(page);
  // The α sweep reads a different model; the degree sweep refits with each degree whatever the cell's own degree.
  await expect(cell(page, 'Sweep', 'degrees').locator('[data-status]').first()).toHaveAttribute('data-status', 'idle');
  const compare = cell(page, 'Cross-validation', 'compare');
  await expect(compare.locator('[data-status]').first()).toHaveAttribute('data-status', 'stale');
  await compare.getByRole('button', { name: 'Fit' }).click();
  await settled(page);
  const results = await tableValues(compare, 'Cross-validation (MSE)');
  const expected = kFoldMse(shippedTable('boston-housing.csv'), { target: 'MEDV', features: ['LSTAT'], degree: 2 }, 5, 42);
  expectClose(results['k-fold (k=5)'][1], expected);
  await noErrors(page);
});
