import { expect, test } from '@playwright/test';
import { cell, openNotebook } from './helpers';

test('the plot cell draws a scatter, a histogram and a brushable scatterplot matrix', async ({ page }) => {
  await page.goto('./');
  await openNotebook(page, 'Exploring a dataset');

  const petals = cell(page, 'Plot', 'petals');
  await expect(petals.getByRole('img', { name: /petal_width against petal_length, 150 points in 3 classes/ })).toBeVisible();
  // One trace per species, drawn by plotly.
  await expect(petals.locator('.js-plotly-plot .scatterlayer .trace')).toHaveCount(3);
  await petals.getByRole('combobox', { name: 'y', exact: true }).selectOption('sepal_width');
  await expect(petals.getByRole('img', { name: /sepal_width against petal_length/ })).toBeVisible();

  const spread = cell(page, 'Plot', 'spread');
  await expect(spread.locator('.js-plotly-plot')).toBeVisible();
  await spread.getByRole('slider', { name: 'Bins' }).fill('40');
  await expect(spread.locator('output')).toHaveText('40');

  const pairs = cell(page, 'Plot', 'pairs');
  await expect(pairs.locator('.js-plotly-plot')).toBeVisible();
  await expect(pairs.getByRole('checkbox', { name: 'petal_width' })).toBeChecked();
  await pairs.getByRole('checkbox', { name: 'sepal_width' }).uncheck();
  await expect(pairs.getByRole('checkbox', { name: 'sepal_width' })).not.toBeChecked();
  // Brushing: a box dragged across one panel selects rows in every panel.
  // The panel of sepal_length (x) against petal_length (y): a box over its
  // lower half holds the short-petalled flowers only.
  const panel = pairs.locator('.js-plotly-plot .nsewdrag').nth(1);
  await panel.scrollIntoViewIfNeeded();
  const box = (await panel.boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + box.height * 0.6);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.8, { steps: 5 });
  await page.mouse.move(box.x + box.width - 2, box.y + box.height - 2, { steps: 5 });
  await page.mouse.up();
  const selected = pairs.getByText(/(\d+) rows selected/);
  await expect(selected).toBeVisible();
  const count = Number(/(\d+) rows selected/.exec(await selected.innerText())![1]);
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(150);
  await expect(page.locator('[data-status="error"]')).toHaveCount(0);
});
