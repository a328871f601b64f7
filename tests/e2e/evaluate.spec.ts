import { expect, test, type Locator } from '@playwright/test';
import { cell, openNotebook, settled } from './helpers';
import { exactClassifier, exactRegression, shippedSplit, tableValues } from './engine-reference';
import type { ConfusionMatrix } from '../../src/lib/ml/metrics';

const cancer = shippedSplit('breast-cancer.csv', { test: 0.25, seed: 42, stratify: 'diagnosis' });
const diagnose = { target: 'diagnosis', features: ['mean_radius', 'mean_texture', 'mean_smoothness'] };

function expectClose(actual: number, expected: number, relative = 1e-3) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

/** The confusion table's counts, row by row, in the engine's class order. */
async function confusionCounts(section: Locator, confusion: ConfusionMatrix): Promise<number[][]> {
  const table = await tableValues(section, 'Confusion matrix');
  return confusion.labels.map((label) => table[String(label)]);
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
});

test('the evaluate cell judges the classifier on the test part, with the engine\'s confusion matrix', async ({ page }) => {
  await openNotebook(page, 'Evaluating models');
  const check = cell(page, 'Evaluate', 'diagnose-check');
  await expect(check).toContainText('Judged on the test part (143 rows): the test part, by default.');
  const reference = exactClassifier(cancer, diagnose, 0.5).test!;
  expect(await confusionCounts(check, reference.metrics.confusion)).toEqual(reference.metrics.confusion.matrix);
  const metrics = await tableValues(check, 'Metrics');
  expectClose(metrics.Accuracy[0], reference.metrics.accuracy);
  expectClose(metrics.AUC[0], reference.metrics.auc);
  await expect(check.getByRole('img', { name: /ROC curve with AUC .*at threshold 0.5/ })).toBeVisible();
  await expect(check.getByRole('img', { name: /Precision–recall curve/ })).toBeVisible();
  await expect(check.getByRole('img', { name: /Confusion matrix of 2 classes/ })).toBeVisible();
});

test('moving the threshold updates the confusion matrix without re-running the classifier', async ({ page }) => {
  await openNotebook(page, 'Evaluating models');
  const check = cell(page, 'Evaluate', 'diagnose-check');
  const model = cell(page, 'Classifier', 'diagnose');
  const runs = await model.getAttribute('data-runs');
  expect(Number(runs)).toBeGreaterThan(0);
  const before = exactClassifier(cancer, diagnose, 0.5).test!.metrics.confusion;
  expect(await confusionCounts(check, before)).toEqual(before.matrix);
  await expect(check).toContainText("the model cell's threshold");

  await check.getByRole('slider', { name: 'Threshold' }).fill('0.2');
  await settled(page);
  const after = exactClassifier(cancer, diagnose, 0.2).test!.metrics.confusion;
  expect(after.matrix).not.toEqual(before.matrix);
  expect(await confusionCounts(check, after)).toEqual(after.matrix);
  await expect(check.getByRole('img', { name: /ROC curve .*at threshold 0.2,/ })).toBeVisible();

  // The classifier was not re-run: same run count, still up to date, same threshold.
  expect(await model.getAttribute('data-runs')).toBe(runs);
  await expect(model.locator('[data-status]')).toHaveText('up to date');
  await expect(model.getByRole('slider', { name: 'Threshold' })).toHaveValue('0.5');

  await check.getByRole('button', { name: "Use the model's threshold" }).click();
  await settled(page);
  expect(await confusionCounts(check, before)).toEqual(before.matrix);
});

test('the regression evaluation matches the engine on the test part and draws the residual checks', async ({ page }) => {
  await openNotebook(page, 'Evaluating models');
  const check = cell(page, 'Evaluate', 'value-check');
  const homes = shippedSplit('boston-housing.csv', { test: 0.2, seed: 42 });
  const fit = exactRegression(homes.train, { target: 'MEDV', features: ['RM', 'LSTAT', 'PTRATIO'] });
  const test = homes.test!;
  const column = (name: string) => test.columns.find((c) => c.name === name)!.values as Float64Array;
  const [w1, w2, w3] = fit.model.coefficients;
  const residuals = Array.from(column('MEDV'), (y, i) => y - (fit.model.intercept + w1 * column('RM')[i] + w2 * column('LSTAT')[i] + w3 * column('PTRATIO')[i]));
  const mse = residuals.reduce((s, r) => s + r * r, 0) / residuals.length;
  const metrics = await tableValues(check, 'Metrics');
  expect(Object.keys(metrics)).toEqual(['R²', 'MSE', 'RMSE', 'MAE']);
  expectClose(metrics.MSE[0], mse);
  expectClose(metrics.RMSE[0], Math.sqrt(mse));
  expectClose(metrics.MAE[0], residuals.reduce((s, r) => s + Math.abs(r), 0) / residuals.length);
  await expect(check.getByRole('img', { name: /Residuals against fitted values of MEDV/ })).toBeVisible();
  await expect(check.getByRole('img', { name: /Histogram of residual of MEDV.*normal curve/ })).toBeVisible();
  await expect(check.getByRole('img', { name: /Predicted against actual MEDV/ })).toBeVisible();

  await check.getByLabel('Part').selectOption('train');
  await settled(page);
  await expect(check).toContainText('Judged on the train part (404 rows).');
  expectClose((await tableValues(check, 'Metrics')).MSE[0], fit.summary.rss / 404);
});

test('a multiclass evaluation shows macro and weighted averages and a confusion row per class', async ({ page }) => {
  await openNotebook(page, 'Evaluating models');
  const check = cell(page, 'Evaluate', 'species-check');
  const flowers = shippedSplit('iris.csv', { test: 0.3, seed: 1, stratify: 'species' });
  const reference = exactClassifier(flowers, { target: 'species', features: ['sepal_length', 'sepal_width'] }).test!;
  const counts = await confusionCounts(check, reference.metrics.confusion);
  expect(counts).toEqual(reference.metrics.confusion.matrix);
  expect(counts.flat().reduce((s, v) => s + v, 0)).toBe(45);
  const metrics = await tableValues(check, 'Metrics');
  expectClose(metrics['Recall (macro)'][0], reference.metrics.recall);
  expectClose(metrics['Recall (weighted)'][0], reference.metrics.weighted!.recall);
  await expect(check.getByRole('img', { name: /One-vs-rest for virginica: ROC curve/ })).toBeVisible();
  await expect(check.getByRole('slider', { name: 'Threshold' })).toHaveCount(0);
  await settled(page);
});
