// Editing a notebook in the app: add, delete, move and duplicate cells, edit
// prose, undo, and the reader's own notebooks, all kept across a reload and
// through Save notebook file → Open notebook file.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addCell, cell, freshStart, openNotebook, settled, uploadCsv } from './helpers';

const csv = 'x,y,group\n' + Array.from({ length: 40 }, (_, i) => `${(i * 0.5 + 3).toFixed(1)},${(2 * i + 1 + (i % 3)).toFixed(1)},${i % 2 ? 'a' : 'b'}`).join('\n') + '\n';

/** Cell ids and text blocks of the open notebook, in order. */
async function outline(page: Page): Promise<string[]> {
  return page.locator('article > section[data-cell-id], article > .block').evaluateAll((nodes) =>
    nodes.map((n) => (n.matches('section') ? (n as HTMLElement).dataset.cellId! : `text:${n.textContent?.trim().slice(0, 20)}`)),
  );
}

test('a notebook of your own: new, upload, add cells through the menu, edit, undo, and keep it all across a reload and a file round trip', async ({ page }) => {
  await freshStart(page);
  await page.getByRole('button', { name: 'New notebook' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Untitled notebook' })).toBeVisible();
  const own = page.getByRole('list', { name: 'Your notebooks' });
  await expect(own.getByRole('link', { name: 'Untitled notebook' })).toHaveAttribute('aria-current', 'page');
  await uploadCsv(cell(page, 'Dataset', 'data'), 'line.csv', csv);
  await expect(cell(page, 'Dataset', 'data').getByText('40 rows × 3 columns')).toBeVisible();

  // The menu: one item per kind, plus Text; keyboard moves through it.
  await page.getByRole('button', { name: '+ Add cell' }).last().click();
  const menu = page.getByRole('menu', { name: 'Add a cell' });
  await expect(menu.getByRole('menuitem')).toHaveCount(19); // 18 kinds (shell/editing ADDABLE_KINDS) and Text
  await expect(menu.getByRole('menuitem', { name: 'Text' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  // A regression cell added at the end reads the dataset and fits at once.
  await addCell(page, 'Regression');
  const fit = cell(page, 'Regression', 'regression');
  await expect(fit).toBeFocused();
  await settled(page);
  await expect(fit.getByRole('rowheader', { name: 'R²' })).toBeVisible();
  await expect(fit.getByRole('alert')).toHaveCount(0);

  // A split added between the dataset and the model links to the dataset.
  await addCell(page, 'Split', 2);
  await settled(page);
  await expect(cell(page, 'Split', 'split').getByRole('alert')).toHaveCount(0);

  // Duplicate, move, text.
  await fit.getByRole('button', { name: 'Duplicate' }).click();
  await expect(cell(page, 'Regression', 'regression2')).toBeVisible();
  await cell(page, 'Regression', 'regression2').getByRole('button', { name: 'Move up' }).click();
  await addCell(page, 'Text');
  const text = page.locator('article > .block').last();
  await text.getByRole('button', { name: 'Edit text' }).click();
  await text.getByLabel('Markdown source').fill('The **slope** is $\\beta_1$.');
  await expect(text.locator('.katex')).toBeVisible();
  await text.getByRole('button', { name: 'Done' }).click();
  await expect(text.locator('strong')).toHaveText('slope');
  const before = await outline(page);
  expect(before.filter((b) => !b.startsWith('text:'))).toEqual(['data', 'split', 'regression2', 'regression']);

  // Deleting a cell others read names them and asks; Cancel keeps it, the offer's Undo brings it back.
  await cell(page, 'Dataset', 'data').getByRole('button', { name: 'Delete cell' }).click();
  const ask = page.getByRole('dialog', { name: 'Delete cell data?' });
  await expect(ask).toContainText('split');
  await expect(ask).toContainText('regression2');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await cell(page, 'Regression', 'regression2').getByRole('button', { name: 'Delete cell' }).click();
  await expect(cell(page, 'Regression', 'regression2')).toHaveCount(0);
  await page.getByRole('status').filter({ hasText: 'delete cell regression2' }).getByRole('button', { name: 'Undo' }).click();
  await expect(cell(page, 'Regression', 'regression2')).toBeVisible();
  await cell(page, 'Regression', 'regression2').getByRole('button', { name: 'Delete cell' }).click();
  const after = await outline(page);

  // A reload keeps the structure, the prose and the upload.
  await page.reload();
  await settled(page);
  expect(await outline(page)).toEqual(after);
  await expect(page.locator('article strong', { hasText: 'slope' })).toBeVisible();
  await expect(cell(page, 'Dataset', 'data').getByText('40 rows × 3 columns')).toBeVisible();

  // Save notebook file, then open it: the reopened notebook is the same text.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save notebook file' }).click();
  const saved = readFileSync(await (await download).path(), 'utf8');
  expect(saved).toContain('```{regression} regression');
  await page.getByLabel('Open notebook file').setInputFiles({ name: 'mine.md', mimeType: 'text/markdown', buffer: Buffer.from(saved) });
  // Same title as the open notebook: asks before replacing; keep both.
  await page.getByRole('dialog', { name: /exists/ }).getByRole('button', { name: 'Keep both' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Untitled notebook (2)' })).toBeVisible();
  expect(await outline(page)).toEqual(after);
  const second = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save notebook file' }).click();
  expect(readFileSync(await (await second).path(), 'utf8')).toBe(saved.replace('title: Untitled notebook', 'title: Untitled notebook (2)'));
});

test('a shipped lesson can be edited and reverted; an opened file with problems lists them by line', async ({ page }) => {
  await freshStart(page);
  await openNotebook(page, 'Exploring a dataset');
  const first = (await outline(page)).find((b) => !b.startsWith('text:'))!;
  await addCell(page, 'Table');
  await settled(page);
  await expect(page.locator('section[data-cell-id="table"]')).toHaveCount(1);
  await page.reload();
  await settled(page);
  await expect(page.locator('section[data-cell-id="table"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).first().click();
  await expect(page.locator('section[data-cell-id="table"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.locator('section[data-cell-id="table"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Revert to the shipped notebook' }).click();
  await expect(page.locator('section[data-cell-id="table"]')).toHaveCount(0);
  expect((await outline(page)).find((b) => !b.startsWith('text:'))).toBe(first);

  const broken = '---\ntitle: Broken\n---\nHello\n\n```{dataset} d\nsource: datasets/iris.csv\nnope: 1\n```\n\n```{table} t\ninput: missing\n```\n';
  await page.getByLabel('Open notebook file').setInputFiles({ name: 'broken.md', mimeType: 'text/markdown', buffer: Buffer.from(broken) });
  const problems = page.getByRole('dialog', { name: "'broken.md' has problems" });
  await expect(problems.getByRole('listitem').first()).toContainText('Line 8: Unknown option');
  await problems.getByRole('button', { name: 'Open anyway' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Broken' })).toBeVisible();
  await expect(cell(page, 'Dataset', 'd').getByRole('alert')).toContainText('Line 8');
});

test('storage that fails is said in the toolbar, with the file as the way out, and recovers', async ({ page }) => {
  await freshStart(page);
  await openNotebook(page, 'Your data');
  // Every IndexedDB write now fails as a full disk would.
  await page.evaluate(() => {
    const original = IDBObjectStore.prototype.put;
    (window as unknown as { restoreIdb: () => void }).restoreIdb = () => (IDBObjectStore.prototype.put = original);
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await uploadCsv(cell(page, 'Dataset', 'data'), 'line.csv', csv);
  const alert = page.getByRole('toolbar', { name: 'Notebook' }).getByRole('alert');
  await expect(alert).toContainText('storage for fitbook is full');
  await expect(alert).toContainText('Save notebook file');
  await page.evaluate(() => (window as unknown as { restoreIdb: () => void }).restoreIdb());
  // The retry stores the upload once storage works again.
  await expect(alert).toHaveCount(0, { timeout: 15_000 });
  await page.reload();
  await settled(page);
  await expect(cell(page, 'Dataset', 'data').getByText('40 rows × 3 columns')).toBeVisible();
});
