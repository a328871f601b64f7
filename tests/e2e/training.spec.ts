import { expect, test, type Page } from '@playwright/test';
import { cell, openNotebook, settled } from './helpers';
import { exactRegression, tableValues, trainingPart } from './engine-reference';

const train = trainingPart('boston-housing.csv', 0.2, 42);
const exact = exactRegression(train, { target: 'MEDV', features: ['RM'] });

const numTensors = (page: Page) => page.evaluate(() => (window as unknown as { fitbook: { numTensors(): number } }).fitbook.numTensors());

async function openDescent(page: Page, query = '') {
  await page.goto(`./${query}`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`./${query}#/linear-regression`);
  await openNotebook(page, 'Linear regression');
  await page.waitForFunction(() => 'fitbook' in window);
  return cell(page, 'Regression', 'descent');
}

async function expectConverged(page: Page, backend: string) {
  const descent = cell(page, 'Regression', 'descent');
  await expect(descent.getByText(new RegExp(`on the ${backend} backend`))).toBeVisible();
  const coefficients = await tableValues(descent, 'Coefficients');
  // Gradient descent in float32 lands within 1e-3 of the exact float64 solution.
  const [interceptExact, interceptTrained] = coefficients.Intercept;
  const [slopeExact, slopeTrained] = coefficients.RM;
  expect(Math.abs(interceptExact - exact.model.intercept)).toBeLessThan(1e-4 * Math.abs(exact.model.intercept));
  expect(Math.abs(interceptTrained - exact.model.intercept)).toBeLessThan(1e-3 * Math.abs(exact.model.intercept));
  expect(Math.abs(slopeTrained - exact.model.coefficients[0])).toBeLessThan(1e-3 * Math.abs(exact.model.coefficients[0]));
  expect(Math.abs(slopeExact - exact.model.coefficients[0])).toBeLessThan(1e-5 * Math.abs(exact.model.coefficients[0]));
  await expect(descent.getByRole('img', { name: /Loss curve: Training MSE over 300 epochs/ })).toBeVisible();
}

test('gradient descent on WASM converges to the exact solution and leaks no tensors', async ({ page }) => {
  const descent = await openDescent(page);
  await expect(page.getByText(/^Backend: /)).toHaveText('Backend: wasm');
  await expectConverged(page, 'wasm');
  const baseline = await numTensors(page);
  for (let i = 0; i < 5; i++) {
    await descent.getByRole('button', { name: 'Fit' }).click();
    await settled(page);
  }
  expect(await numTensors(page)).toBe(baseline);
});

test('gradient descent on WebGL (SwiftShader) converges to the exact solution', async ({ page }) => {
  await openDescent(page, '?softwareWebgl=1&backend=webgl');
  await expect(page.getByText(/^Backend: /)).toHaveText('Backend: webgl');
  await expectConverged(page, 'webgl');
});

test('ten quick learning-rate moves train once more, for the last value, and leak nothing', async ({ page }) => {
  const descent = await openDescent(page);
  await expect(descent.getByText(/on the wasm backend/)).toBeVisible();
  const baseline = await numTensors(page);
  const runsBefore = Number(await descent.getAttribute('data-runs'));
  const slider = descent.getByRole('slider', { name: 'Learning rate' });
  // The slider has 200 positions evenly spaced in log10 space, from 0.001 to 2.
  const positions = [60, 150, 40, 90, 170, 70, 120, 100, 110, 130];
  for (const position of positions) await slider.fill(String(position));
  await settled(page);
  // The value the slider settled on (it snaps to its steps), as its readout shows it.
  const last = await slider.locator('xpath=following-sibling::output').innerText();
  expect(Number(last)).toBeCloseTo(10 ** (-3 + Math.log10(2000) * (130 / 200)), 2);
  await expect(descent.getByText(`learning rate ${last})`)).toBeVisible();
  // Stale runs were cancelled, not queued: far fewer completed runs than moves.
  expect(Number(await descent.getAttribute('data-runs')) - runsBefore).toBeLessThanOrEqual(3);
  expect(await numTensors(page)).toBe(baseline);
});

test('Stop ends a long training run without an error and without leaking', async ({ page }) => {
  const descent = await openDescent(page);
  await expect(descent.getByText(/on the wasm backend/)).toBeVisible();
  const baseline = await numTensors(page);
  await descent.getByRole('slider', { name: 'Batch size (0 = all rows)' }).fill('1');
  await descent.getByRole('slider', { name: 'Epochs' }).fill('3000');
  await expect(descent.getByRole('progressbar')).toBeVisible();
  await descent.getByRole('button', { name: 'Stop' }).click();
  await settled(page);
  await expect(descent.getByText('Out of date: press Fit.')).toBeVisible();
  await expect(descent.getByRole('alert')).toHaveCount(0);
  expect(await numTensors(page)).toBe(baseline);
});

test('a log slider reaches both ends of its range exactly', async ({ page }) => {
  const descent = await openDescent(page);
  const slider = descent.getByRole('slider', { name: 'Learning rate' });
  const readout = slider.locator('xpath=following-sibling::output');
  await slider.focus();
  await page.keyboard.press('End');
  await expect(readout).toHaveText('2');
  await page.keyboard.press('Home');
  await expect(readout).toHaveText('0.001');
});
