// Large CSV intake (issue 9 item 1): a generated 1,000,000-row file goes through
// *Your data* with no error and the right summary, and Cancel during a large read
// leaves the previous data in place. Not timing tests: the limits are generous.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { cell, freshStart, openNotebook, summaryRow, uploadCsv } from './helpers';

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

test('a generated 1,000,000-row CSV goes through Your data with the right summary and no error', async ({ page }) => {
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
