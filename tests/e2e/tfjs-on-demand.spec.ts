// TensorFlow.js loads on demand (issue 9 item 4): the first lesson draws its plots without
// fetching any tfjs file or WASM binary, and the first gradient-descent fit loads it.
import { expect, test } from '@playwright/test';
import { freshStart, openNotebook, recordRequests } from './helpers';

// Generous limits: these tests check which files load, not how fast (a shared machine can be slow).
test.setTimeout(240_000);

const TFJS_FILE = /tfjs|tensorflow|\.wasm(\?|$)|\/backend-[\w-]+\.js$|\/(linear|logistic)-gd-[\w-]+\.js$/i;

test('the first lesson draws its first plot before, and without, any TensorFlow.js request', async ({ page }) => {
  // Recorded from the app's start: it starts loading plotly at startup (main.ts), so in
  // freshStart's reload, before the hash names the lesson.
  const requests = recordRequests(page);
  await freshStart(page);
  await page.goto('./#/exploring-a-dataset');
  await expect(page.locator('.js-plotly-plot .main-svg').first()).toBeVisible({ timeout: 90_000 });
  const beforeFirstPlot = [...requests];
  // The plotly bundle was fetched, so the list is the real one; none of it is tfjs.
  expect(beforeFirstPlot.some((url) => /plotly/i.test(url))).toBe(true);
  expect(beforeFirstPlot.filter((url) => TFJS_FILE.test(url))).toEqual([]);
  await expect(page.getByText('Engine: exact (TensorFlow.js not loaded)')).toBeVisible();
  // The whole lesson runs on the exact engine: still nothing of tfjs once every cell is done.
  await openNotebook(page, 'Exploring a dataset');
  expect(requests.filter((url) => TFJS_FILE.test(url))).toEqual([]);
});

test('the first gradient-descent fit loads TensorFlow.js, and the badge then names its backend', async ({ page }) => {
  await freshStart(page);
  const requests = recordRequests(page);
  await page.goto('./#/linear-regression');
  const descent = page.getByRole('region', { name: 'Regression descent' });
  // Loading tfjs and training 300 epochs: generous on a loaded machine (this is not a timing test).
  await expect(descent.getByText(/on the wasm backend/)).toBeVisible({ timeout: 100_000 });
  await expect(page.getByText(/^Backend: /)).toHaveText('Backend: wasm');
  expect(requests.some((url) => /\.wasm(\?|$)/.test(url))).toBe(true);
});
