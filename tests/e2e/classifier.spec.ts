import { expect, test, type Locator } from '@playwright/test';
import { cell, openNotebook, settled } from './helpers';
import { exactClassifier, shippedSplit, tableValues } from './engine-reference';

// The notebook's split: breast-cancer.csv, a stratified quarter held out.
const parts = shippedSplit('breast-cancer.csv', { test: 0.25, seed: 42, stratify: 'diagnosis' });

/** Estimates are shown to 6 significant digits, everything else to 4. */
function expectClose(actual: number, expected: number, relative = 1e-3) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

type Reference = ReturnType<typeof exactClassifier>;

async function expectCoefficients(section: Locator, reference: Reference) {
  const table = await tableValues(section, 'Coefficients');
  const { model } = reference.fit;
  expect(Object.keys(table)).toEqual(['Intercept', ...model.featureNames]);
  expectClose(table.Intercept[0], model.intercept[0], 1e-5);
  model.featureNames.forEach((name, j) => {
    expectClose(table[name][0], model.coefficients[0][j], 1e-5);
    expectClose(table[name][1], Math.exp(model.coefficients[0][j]));
  });
}

async function expectMetrics(section: Locator, reference: Reference) {
  const table = await tableValues(section, 'Metrics');
  expect(Object.keys(table)).toEqual(['Accuracy', 'Error rate', 'Precision', 'Recall', 'F1', 'Log loss', 'AUC']);
  const parts = [reference.train.metrics, reference.test!.metrics];
  parts.forEach((m, column) => {
    expectClose(table.Accuracy[column], m.accuracy);
    expectClose(table.Precision[column], m.precision);
    expectClose(table.Recall[column], m.recall);
    expectClose(table.F1[column], m.f1);
    expectClose(table['Log loss'][column], m.logLoss);
    expectClose(table.AUC[column], m.auc);
  });
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
});

test('the two-feature classifier shows the exact fit, its metrics on train and test, and the decision boundary', async ({ page }) => {
  await openNotebook(page, 'Logistic regression');
  const boundary = cell(page, 'Classifier', 'boundary');
  const reference = exactClassifier(parts, { target: 'diagnosis', features: ['worst_radius', 'worst_concave_points'] });
  await expect(boundary.getByRole('columnheader', { name: 'Test' })).toBeVisible();
  await expectCoefficients(boundary, reference);
  await expectMetrics(boundary, reference);
  await expect(boundary.getByRole('img', { name: /Probability of malignant over worst_radius and worst_concave_points/ })).toBeVisible();
});

test('features and penalty controls refit the model as the engine does', async ({ page }) => {
  await openNotebook(page, 'Logistic regression');
  const radius = cell(page, 'Classifier', 'radius');
  await expect(radius.getByRole('img', { name: /Sigmoid curve/ })).toBeVisible();
  await expect(radius.getByRole('img', { name: /log-odds/ })).toBeVisible();

  await radius.getByRole('group', { name: 'Features' }).getByLabel('mean_texture', { exact: true }).check();
  await settled(page);
  await expectCoefficients(radius, exactClassifier(parts, { target: 'diagnosis', features: ['mean_radius', 'mean_texture'] }));

  await radius.getByRole('combobox', { name: 'Penalty' }).selectOption('l2');
  const alpha = radius.getByRole('slider', { name: 'Penalty strength α' });
  // A log-scale slider from 10^-4 to 10^2 in 200 positions: position 150 is 10^0.5, shown as 3.16.
  await alpha.fill('150');
  await expect(radius.locator('output')).toContainText(['3.16']);
  await settled(page);
  const penalised = exactClassifier(parts, { target: 'diagnosis', features: ['mean_radius', 'mean_texture'], penalty: 'l2', alpha: 3.16 });
  await expectCoefficients(radius, penalised);
  await expectMetrics(radius, penalised);
  await expect(page.locator('[data-status="error"]')).toHaveCount(0);
});

test('moving the threshold changes the decisions and their metrics, not the coefficients', async ({ page }) => {
  await openNotebook(page, 'Logistic regression');
  const radius = cell(page, 'Classifier', 'radius');
  const features = ['mean_radius'];
  await expectMetrics(radius, exactClassifier(parts, { target: 'diagnosis', features }, 0.5));
  const before = await tableValues(radius, 'Metrics');

  await radius.getByRole('slider', { name: 'Threshold' }).fill('0.25');
  await settled(page);
  const lowered = exactClassifier(parts, { target: 'diagnosis', features }, 0.25);
  await expectMetrics(radius, lowered);
  await expectCoefficients(radius, lowered);
  const after = await tableValues(radius, 'Metrics');
  expect(after.Recall[1]).toBeGreaterThan(before.Recall[1]);
  expect(after.AUC).toEqual(before.AUC);
  await expect(radius.getByRole('img', { name: /crossing the threshold 0.25/ })).toBeVisible();
});

test('a perfectly separable training set shows the warning, and adding an L2 penalty clears it', async ({ page }) => {
  await openNotebook(page, 'Logistic regression');
  const everything = cell(page, 'Classifier', 'everything');
  const warning = everything.getByRole('note', { name: 'Separable classes' });
  await expect(warning).toContainText('perfectly separable');
  await warning.getByRole('button', { name: 'Add an L2 penalty' }).click();
  await settled(page);
  await expect(warning).toHaveCount(0);
  await expect(everything.getByRole('combobox', { name: 'Penalty' })).toHaveValue('l2');
  await expect(everything.getByRole('alert')).toHaveCount(0);
});

test('the iris classifier has one coefficient column per class and draws class regions', async ({ page }) => {
  await openNotebook(page, 'Logistic regression');
  const species = cell(page, 'Classifier', 'species');
  const flowers = shippedSplit('iris.csv', { test: 0.2, seed: 42, stratify: 'species' });
  // The cell's own options: setosa is separable, so the lesson uses a small L2 penalty.
  const reference = exactClassifier(flowers, { target: 'species', features: ['petal_length', 'petal_width'], penalty: 'l2', alpha: 0.01 });
  const coefficients = species.getByRole('table').filter({ has: page.locator('caption', { hasText: 'Coefficients' }) });
  await expect(coefficients.getByRole('columnheader')).toHaveText(['Term', 'setosa', 'versicolor', 'virginica']);
  const table = await tableValues(species, 'Coefficients');
  reference.fit.model.classes.forEach((_, k) => {
    expectClose(table.Intercept[k], reference.fit.model.intercept[k], 1e-5);
    expectClose(table.petal_width[k], reference.fit.model.coefficients[k][1], 1e-5);
  });
  const metrics = await tableValues(species, 'Metrics');
  expect(Object.keys(metrics)).toContain('F1 (macro)');
  expectClose(metrics['F1 (weighted)'][1], reference.test!.metrics.weighted!.f1);
  await expect(species.getByRole('img', { name: /Regions of petal_length and petal_width/ })).toBeVisible();
  await expect(species.getByRole('slider', { name: 'Threshold' })).toHaveCount(0);
});
