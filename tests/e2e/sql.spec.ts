import { expect, test } from '@playwright/test';
import { freshStart, openNotebook, settled, uploadCsv } from './helpers';

// DuckDB-WASM is fetched only when a SQL cell runs, from the app's own files.
const DUCKDB = /duckdb/i;

test('SQL: no DuckDB request without a SQL cell; a query feeds a model; a mistake is shown at its line and column', async ({ page }) => {
  test.setTimeout(240_000);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await freshStart(page);
  await openNotebook(page, 'Your first model');
  await settled(page);
  await openNotebook(page, 'Clustering with k-means');
  await settled(page);
  expect(requests.filter((u) => DUCKDB.test(u))).toEqual([]);

  await openNotebook(page, 'Querying a CSV with SQL');
  await settled(page);
  const origin = new URL(page.url()).origin;
  const duckdb = requests.filter((u) => DUCKDB.test(u));
  expect(duckdb.length).toBeGreaterThan(0);
  expect(duckdb.every((u) => u.startsWith(origin))).toBe(true);

  const summary = page.locator('section[data-cell-id="by-river"]');
  await expect(summary.getByText('2 rows × 4 columns')).toBeVisible();
  await expect(summary.getByRole('table')).toContainText('35');
  const model = page.locator('section[data-cell-id="calm-value"]');
  await expect(model.getByRole('table', { name: /Coefficients/ })).toContainText('RM_squared');

  const calm = page.locator('section[data-cell-id="calm"]');
  const editor = calm.getByLabel('Query (Ctrl+Enter runs it)');
  await editor.fill('SELECT RM, RM * RM AS RM_squared, LSTAT, MEDV\nFROM houses\nWHER CRIM < 1');
  await editor.press('Control+Enter');
  await expect(calm.getByRole('alert')).toContainText('Line 3, column 6 of the query: Parser Error: syntax error at or near "CRIM"');
  await expect(calm.getByLabel('Where the query failed')).toContainText('3 │ WHER CRIM < 1');
  await expect(model.locator('[data-status]').first()).not.toHaveText('up to date');

  // Fixing it brings the model back, and the draft was never lost.
  await editor.fill('SELECT RM, RM * RM AS RM_squared, LSTAT, MEDV\nFROM houses\nWHERE CRIM < 1');
  await calm.getByRole('button', { name: 'Run query' }).click();
  await settled(page);
  await expect(calm.getByRole('alert')).toHaveCount(0);
  await expect(model.getByRole('table', { name: /Coefficients/ })).toContainText('RM_squared');
  expect(errors).toEqual([]);
});

test('SQL added through the menu reads an upload with text and gaps under the page policy', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await freshStart(page);
  await page.getByRole('button', { name: 'New notebook' }).click();
  const csv = 'city,price,rooms\n' + Array.from({ length: 30 }, (_, i) => `${['Oslo', 'Lima', 'Pune'][i % 3]},${100 + i},${i % 5 === 0 ? '' : i % 4}`).join('\n') + '\n';
  await uploadCsv(page.locator('section[data-cell-id="data"]'), 'homes.csv', csv);
  await page.getByRole('button', { name: '+ Add cell' }).last().click();
  await page.getByRole('menu', { name: 'Add a cell' }).getByRole('menuitem', { name: 'SQL', exact: true }).click();
  const sql = page.locator('section[data-cell-id="sql"]');
  const editor = sql.getByLabel('Query (Ctrl+Enter runs it)');
  await editor.fill('SELECT city, COUNT(*) AS n, COUNT(rooms) AS with_rooms FROM data GROUP BY city ORDER BY city');
  await editor.press('Control+Enter');
  await settled(page);
  await expect(sql.getByText('3 rows × 3 columns')).toBeVisible();
  await expect(sql.getByRole('table')).toContainText('Lima');
  await expect(sql.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});
