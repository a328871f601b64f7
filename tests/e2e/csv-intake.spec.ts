// Large CSV intake (issue 9 item 1): a generated 1,000,000-row file goes through
// *Your data* with no error and the right summary, then through a split, an exact
// fit and its plot added from the menu; and Cancel during a large read
// leaves the previous data in place. Not timing tests: the limits are generous.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { addCell, cell, freshStart, openNotebook, settled, summaryRow, uploadCsv } from './helpers';
import { tableValues } from './engine-reference';

test.setTimeout(300_000);

const ROWS = 1_000_000;
let folder: string;
let path: string;
/** Reference values computed here, in float64, from the numbers written to the file. */
let xMean = 0;
let yMax = -Infinity;

test.beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'fitbook-csv-'));
  path = join(folder, 'million.csv');
  let seed = 12345;
  const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const lines = ['x,y,group'];
  let xSum = 0;
  for (let i = 0; i < ROWS; i++) {
    const x = Math.round(rand() * 1e4) / 100; // two decimals, exactly as written
    const y = Math.round((3 * x + 10 * rand()) * 1000) / 1000;
    xSum += x;
    if (y > yMax) yMax = y;
    lines.push(`${x},${y},${i % 3 === 0 ? 'a' : 'b'}`);
  }
  xMean = xSum / ROWS;
  writeFileSync(path, lines.join('\n') + '\n');
});

test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

test('a generated 1,000,000-row CSV goes through Your data with the right summary, then a split, an exact fit and its plot, with no error', async ({ page }) => {
  await freshStart(page);
  await openNotebook(page, 'Your data');
  const data = cell(page, 'Dataset', 'data');
  await data.getByLabel('Upload CSV').setInputFiles(path);
  await expect(data.getByText(`${ROWS} rows × 3 columns`)).toBeVisible({ timeout: 240_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
  const x = await summaryRow(data, 'x');
  expect(x.Type).toBe('numeric');
  expect(x.Missing).toBe('0');
  // The summary shows 4 significant digits.
  const shownAs = (value: number) => Number(value.toPrecision(4));
  expect(Number(x.Mean)).toBe(shownAs(xMean));
  expect(Number((await summaryRow(data, 'y')).Max)).toBe(shownAs(yMax));
  expect(await summaryRow(data, 'group')).toMatchObject({ Type: 'categorical', Missing: '0' });
  // The table cell below reads the same data.
  await expect(cell(page, 'Table', 'rows').getByRole('table').first()).toBeVisible();

  // On to a model through the menu, as a reader would: a split, then a regression of y on x.
  await addCell(page, 'Split');
  await settled(page, 240_000);
  const split = cell(page, 'Split', 'split');
  await expect(split.getByRole('alert')).toHaveCount(0);
  await addCell(page, 'Regression');
  await settled(page, 240_000);
  const model = cell(page, 'Regression', 'regression');
  await expect(model.getByRole('alert')).toHaveCount(0);
  // y = 3x + 10u with u uniform on [0, 1): slope 3, intercept 5 (the standard errors at 800,000 rows are ~1e-4 and ~6e-3).
  const coefficients = await tableValues(model, 'Coefficients');
  expect(Math.abs(coefficients.x[0] - 3)).toBeLessThan(0.002);
  expect(Math.abs(coefficients.Intercept[0] - 5)).toBeLessThan(0.05);
  // The fit is drawn from a sample, and the plot says how many points it shows.
  await expect(model.locator('.js-plotly-plot').first()).toBeVisible();
  await expect(model.getByText(/Showing 50,000 of [\d,]+ points/).first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the progress bar counts the rows read, and Cancel keeps the previous data and upload, also after a reload', async ({ page }) => {
  await freshStart(page);
  await openNotebook(page, 'Your data');
  const data = cell(page, 'Dataset', 'data');
  await uploadCsv(data, 'small.csv', 'a,b\n1,2\n3,4\n5,6\n');
  await expect(data.getByText('3 rows × 2 columns')).toBeVisible({ timeout: 60_000 });
  await data.getByLabel('Upload CSV').setInputFiles(path);
  const progress = data.getByRole('progressbar', { name: 'Reading CSV' });
  await expect(progress).toBeVisible({ timeout: 60_000 });
  // "37 % read, 370,000 rows": the rows come from the worker's progress.
  await expect(progress).toHaveAttribute('aria-valuetext', /^\d+ % read, [\d,]+ rows?$/);
  await expect(data.getByText(/% read, [\d,]+ rows?$/)).toBeVisible();
  await data.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveCount(0);
  await expect(data.getByText('3 rows × 2 columns')).toBeVisible();
  await expect(data.getByText(`${ROWS} rows`)).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(data.getByText('Using your file small.csv')).toBeVisible();
  // The cancelled file was never stored: after a reload the cell reads the previous upload again.
  await page.reload();
  await expect(data.getByText('3 rows × 2 columns')).toBeVisible({ timeout: 60_000 });
  await expect(data.getByText('Using your file small.csv')).toBeVisible();
  await expect(data.getByText(`${ROWS} rows`)).toHaveCount(0);
});
