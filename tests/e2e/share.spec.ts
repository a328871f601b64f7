import { expect, test, type Page } from '@playwright/test';
import { cell, freshStart } from './helpers';

const lessonLink = (page: Page) => page.getByRole('navigation', { name: 'Notebooks' }).getByRole('link', { name: 'Linear regression', exact: true });

test('a copied link opens in a fresh browser as a copy with the same controls; a tampered one is refused and the notebook still opens', async ({
  page,
  browser,
}) => {
  await freshStart(page);
  await lessonLink(page).click();
  const rooms = cell(page, 'Regression', 'rooms');
  await rooms.getByRole('slider', { name: 'Polynomial degree' }).fill('3');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const url = await page.getByLabel('Share link').inputValue();
  expect(url).toMatch(/#\/linear-regression\?link=[A-Za-z0-9_-]+$/);
  // Only the change travels, not the whole lesson.
  expect(url.length).toBeLessThan(400);

  const fresh = await browser.newContext();
  const reader = await fresh.newPage();
  await reader.goto(url);
  await expect(reader.getByRole('heading', { level: 1, name: 'Linear regression (shared)' })).toBeVisible();
  await expect(reader.getByRole('status').filter({ hasText: 'Opened the shared link' })).toBeVisible();
  await expect(cell(reader, 'Regression', 'rooms').getByRole('slider', { name: 'Polynomial degree' })).toHaveValue('3');
  // The address now names the copy, so a reload does not make another.
  expect(reader.url()).not.toContain('link=');
  await reader.reload();
  await expect(reader.getByRole('heading', { level: 1, name: 'Linear regression (shared)' })).toBeVisible();
  await expect(reader.getByRole('navigation', { name: 'Notebooks' }).getByRole('link', { name: /Linear regression \(shared/ })).toHaveCount(1);

  // An out-of-range degree, an unknown key and a __proto__ key: refused by name, the rest applied.
  const tampered = await reader.evaluate(async () => {
    const json = '{"v":1,"notebook":"linear-regression.md","changes":{"rooms":{"degree":{"value":99,"min":1,"max":10},"bogus":1,"__proto__":{"x":1}},"holdout":{"seed":7}}}';
    const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  });
  await reader.goto(`${new URL(url).origin}/#/linear-regression?link=${tampered}`);
  const refused = reader.getByRole('alert').filter({ hasText: 'Parts of the shared link were not used' });
  await expect(refused).toContainText("'rooms': the link's degree was refused");
  await expect(refused).toContainText('bogus');
  await expect(refused).toContainText('__proto__');
  await expect(reader.getByRole('heading', { level: 1, name: 'Linear regression (shared) (2)' })).toBeVisible();

  // A damaged link: a message, and the lesson it names opens.
  await reader.goto(`${new URL(url).origin}/#/linear-regression?link=AAAA%25%25`);
  await expect(reader.getByRole('alert').filter({ hasText: 'damaged' })).toBeVisible();
  await expect(reader.getByRole('heading', { level: 1, name: 'Linear regression' })).toBeVisible();
  await fresh.close();
});
