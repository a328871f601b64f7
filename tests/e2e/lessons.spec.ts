// The guide's newer lessons, opened as a reader would: no cell in error,
// and the controls the prose asks the reader to move keep the story.
import { expect, test } from '@playwright/test';
import { cell, freshStart, openNotebook, settled } from './helpers';

test.beforeEach(async ({ page }) => {
  await freshStart(page);
});

async function noErrors(page: import('@playwright/test').Page, title: string) {
  await expect(page.locator('[data-status="error"]'), `cells in error in '${title}'`).toHaveCount(0);
  await expect(page.getByRole('alert'), `alerts in '${title}'`).toHaveCount(0);
}

test('imbalanced classes: the cost cell finds a cheaper threshold, and the button moves there', async ({ page }) => {
  await openNotebook(page, 'Imbalanced classes: catching fraud');
  await noErrors(page, 'fraud');
  const cost = cell(page, 'Evaluate', 'cost');
  await expect(cost.getByRole('img', { name: /Cost of mistakes by threshold/ })).toBeVisible();
  const before = await cost.locator('.cost strong').first().innerText();
  await cost.getByRole('button', { name: 'Use the cheapest threshold' }).click();
  await settled(page);
  await expect(cost.getByRole('button', { name: 'Use the cheapest threshold' })).toHaveCount(0);
  const [now, cheapest] = await cost.locator('.cost strong').allInnerTexts();
  expect(now).toBe(cheapest);
  expect(Number(now)).toBeLessThan(Number(before));
  await expect(cell(page, 'Classifier', 'rebalanced')).toContainText('Fitted on over-sampled training rows');
  await noErrors(page, 'fraud');
});

test('non-linear boundaries: the generated moons follow their controls, and the degree bends the boundary', async ({ page }) => {
  await openNotebook(page, 'Non-linear boundaries');
  await noErrors(page, 'non-linear');
  const moons = cell(page, 'Dataset', 'moons');
  await expect(moons.getByText('300 rows × 3 columns')).toBeVisible();
  await moons.getByRole('slider', { name: 'Rows' }).fill('500');
  await settled(page);
  await expect(moons.getByText('500 rows × 3 columns')).toBeVisible();
  const curve = cell(page, 'Classifier', 'curve');
  await expect(curve.getByRole('rowheader', { name: 'x1·x2', exact: true })).toBeVisible();
  await curve.getByRole('slider', { name: 'Polynomial degree' }).fill('1');
  await settled(page);
  await expect(curve.getByRole('rowheader', { name: 'x1·x2', exact: true })).toHaveCount(0);
  await expect(curve.getByRole('img', { name: /with the decision boundary at p = 0.5/ })).toBeVisible();
  await noErrors(page, 'non-linear');
});

test('correlated features: both bootstrap cells show their spread table and strip plot; more resamples re-run', async ({ page }) => {
  await openNotebook(page, 'Correlated features');
  await noErrors(page, 'correlated');
  for (const id of ['ols-spread', 'ridge-spread']) {
    const spread = cell(page, 'Bootstrap', id);
    await expect(spread.getByRole('table', { name: 'Coefficient spread' }).getByRole('rowheader', { name: 'TAX', exact: true })).toBeVisible();
    await expect(spread.getByRole('img', { name: /Coefficients over 200 bootstrap resamples/ })).toBeVisible();
  }
  const ols = cell(page, 'Bootstrap', 'ols-spread');
  await ols.getByRole('slider', { name: 'Resamples' }).fill('100');
  await settled(page);
  await expect(ols.getByRole('img', { name: /Coefficients over 100 bootstrap resamples/ })).toBeVisible();
  await noErrors(page, 'correlated');
});

test('missing-value strategies: one table row per strategy, and the bar chart', async ({ page }) => {
  await openNotebook(page, 'Which missing-value strategy?');
  await noErrors(page, 'missing');
  const strategies = cell(page, 'Missing values compared', 'strategies');
  const table = strategies.getByRole('table', { name: 'Missing-value strategies' });
  for (const label of ['Drop rows with gaps', 'Fill with the mean', 'Fill with the median', 'Mean + indicator columns', 'Median + indicator columns']) {
    await expect(table.getByRole('rowheader', { name: label, exact: true })).toBeVisible();
  }
  await expect(strategies.getByRole('img', { name: /Test RMSE by missing-value strategy/ })).toBeVisible();
});

test('exploring Boston: the correlation plot ranks LSTAT first, and its target can be changed', async ({ page }) => {
  await openNotebook(page, 'Exploring Boston');
  await noErrors(page, 'boston');
  const plot = cell(page, 'Plot', 'with-target');
  await expect(plot.getByRole('img', { name: /Correlation with MEDV for 12 columns; the strongest is LSTAT/ })).toBeVisible();
  await plot.getByRole('combobox', { name: /^Target/ }).selectOption('RM');
  await settled(page);
  await expect(plot.getByRole('img', { name: /Correlation with RM for 12 columns/ })).toBeVisible();
});
