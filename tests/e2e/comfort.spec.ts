// Comfort: Jupyter's keyboard habits, undo of every kind of change, and the
// dark theme (issue 10). One page session per test, several checks each.
import { expect, test, type Page } from '@playwright/test';
import { cell, freshStart, openNotebook, settled } from './helpers';

/** Puts the notebook in command mode on a cell: its section holds the focus. */
async function selectCell(page: Page, label: string, id: string) {
  await cell(page, label, id).getByRole('heading', { level: 2 }).click();
  await expect(cell(page, label, id)).toBeFocused();
}

test('keyboard: select, move, add, run, delete and undo without the mouse; ? lists the shortcuts', async ({ page }) => {
  await freshStart(page);
  await openNotebook(page, 'Linear regression');
  await selectCell(page, 'Dataset', 'houses');

  // J / ↓ select the next block; K / ↑ the previous one.
  await page.keyboard.press('j');
  await expect(page.locator('article [data-block]:focus')).toHaveCount(1);
  await page.keyboard.press('k');
  await expect(cell(page, 'Dataset', 'houses')).toBeFocused();

  // Enter goes into the cell (edit mode); typing a letter there types, it adds no cell; Esc comes back.
  await page.keyboard.press('Enter');
  await expect(cell(page, 'Dataset', 'houses').locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(cell(page, 'Dataset', 'houses')).toBeFocused();

  // B opens the Add cell menu below; choosing Table adds one that reads the dataset.
  await page.keyboard.press('b');
  const menu = page.getByRole('menu', { name: 'Add a cell' });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await menu.getByRole('menuitem', { name: 'Table', exact: true }).press('Enter');
  const table = cell(page, 'Table', 'table');
  await expect(table).toBeFocused();
  await settled(page);
  await expect(table.getByRole('columnheader', { name: 'MEDV' })).toBeVisible();

  // D D deletes it (nothing reads it: no question); Z brings it back.
  await page.keyboard.press('d');
  await page.keyboard.press('d');
  await expect(table).toHaveCount(0);
  await page.locator('article h1').click();
  await page.keyboard.press('z');
  await expect(table).toHaveCount(1);

  // D D on a cell others read asks first.
  await selectCell(page, 'Split', 'holdout');
  await page.keyboard.press('d');
  await page.keyboard.press('d');
  await expect(page.getByRole('dialog', { name: 'Delete cell holdout?' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  // Shift+Enter runs the selected cell and selects the next block.
  await selectCell(page, 'Regression', 'rooms');
  const runs = Number(await cell(page, 'Regression', 'rooms').getAttribute('data-runs'));
  await page.keyboard.press('Shift+Enter');
  await expect(cell(page, 'Regression', 'rooms')).toHaveAttribute('data-runs', String(runs + 1));
  await expect(cell(page, 'Regression', 'rooms')).not.toBeFocused();
  await expect(page.locator('article [data-block]:focus')).toHaveCount(1);

  // Ctrl+Enter runs without moving.
  await selectCell(page, 'Regression', 'rooms');
  await page.keyboard.press('Control+Enter');
  await expect(cell(page, 'Regression', 'rooms')).toHaveAttribute('data-runs', String(runs + 2));
  await expect(cell(page, 'Regression', 'rooms')).toBeFocused();

  // ? lists every shortcut.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('rowheader', { name: 'Shift+Enter' })).toBeVisible();
  await expect(help.getByRole('row')).toHaveCount(13);
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
});

test('undo and redo every kind of change: a slider, options, structure, prose; kept across a reload', async ({ page }) => {
  await freshStart(page);
  await openNotebook(page, 'Linear regression');
  const rooms = cell(page, 'Regression', 'rooms');
  const degree = rooms.getByRole('slider', { name: 'Polynomial degree' });
  await degree.fill('3');
  await settled(page);
  await expect(degree).toHaveValue('3');
  await page.locator('article h1').click();
  await page.keyboard.press('Control+z');
  await expect(degree).toHaveValue('1');
  await page.keyboard.press('Control+Shift+z');
  await expect(degree).toHaveValue('3');
  await page.reload();
  await settled(page);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(cell(page, 'Regression', 'rooms').getByRole('slider', { name: 'Polynomial degree' })).toHaveValue('1');
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('follows the system, paints plots dark, and a chosen light theme is remembered', async ({ page }) => {
    await freshStart(page);
    await openNotebook(page, 'Linear regression');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await background()).toBe('rgb(18, 22, 29)');
    const plot = cell(page, 'Regression', 'rooms').locator('.main-svg').first();
    await expect(plot).toHaveCSS('background-color', 'rgb(27, 33, 43)');

    await page.getByLabel('Theme').selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(plot).toHaveCSS('background-color', 'rgb(255, 255, 255)');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });
});
