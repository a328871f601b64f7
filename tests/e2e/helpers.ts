import { expect, type Locator, type Page } from '@playwright/test';

/** A cell's section, found by its accessible name ("Dataset iris"). */
export function cell(page: Page, label: string, id: string): Locator {
  return page.getByRole('region', { name: `${label} ${id}` });
}

/**
 * Waits until no cell is queued or running. A lesson's gradient-descent cell
 * trains for several seconds (more on a busy machine, and its first run also
 * loads TensorFlow.js), so this waits longer than a single expectation.
 */
export async function settled(page: Page, timeout = 90_000): Promise<void> {
  await expect(page.locator('article[aria-busy="false"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.locator('[data-status="running"], [data-status="queued"]')).toHaveCount(0, { timeout });
}

/** Opens a cell's Options and switches them to the YAML view; returns its editor. */
export async function openYamlOptions(section: Locator, id: string): Promise<Locator> {
  await section.locator('summary', { hasText: 'Options' }).click();
  await section.getByRole('button', { name: 'Edit as YAML' }).click();
  return section.getByLabel(`Options of ${id} (YAML)`);
}

/**
 * Opens a shipped notebook and waits until it settles. The wait is long by default: the neural
 * networks notebook trains seven networks one after another, minutes on a crowded 2-core machine.
 */
export async function openNotebook(page: Page, title: string, timeout = 300_000): Promise<void> {
  await page.getByRole('navigation', { name: 'Notebooks' }).getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await settled(page, timeout);
}

/** Every request URL the page makes from now on, in order. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Adds a cell of `kind` from the "+ Add cell" menu: after the last cell, or at the nth button. */
/** Holds back the page's requests for `url` until release(); requested() says whether one was made meanwhile. */
export async function holdRequests(page: Page, url: RegExp): Promise<{ requested: () => boolean; release: () => void }> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let requested = false;
  await page.route(url, async (route) => {
    requested = true;
    await held;
    await route.continue();
  });
  return { requested: () => requested, release };
}

export async function addCell(page: Page, kind: string, which: 'last' | number = 'last'): Promise<void> {
  const buttons = page.getByRole('button', { name: '+ Add cell' });
  await (which === 'last' ? buttons.last() : buttons.nth(which)).click();
  await page.getByRole('menu', { name: 'Add a cell' }).getByRole('menuitem', { name: kind, exact: true }).click();
}

export async function uploadCsv(section: Locator, name: string, content: string | Buffer): Promise<void> {
  const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  await section.getByLabel('Upload CSV').setInputFiles({ name, mimeType: 'text/csv', buffer });
}

/** The summary table's row for a column, as { Type, Missing, Mean, … } texts. */
export async function summaryRow(section: Locator, column: string): Promise<Record<string, string>> {
  const table = section.getByRole('table').filter({ has: section.page().getByRole('columnheader', { name: 'Missing' }) });
  const headers = await table.getByRole('columnheader').allInnerTexts();
  const row = table.getByRole('row').filter({ has: section.page().getByRole('rowheader', { name: column, exact: true }) });
  const cells = [await row.getByRole('rowheader').innerText(), ...(await row.getByRole('cell').allInnerTexts())];
  return Object.fromEntries(headers.map((h, i) => [h.trim(), cells[i]?.trim() ?? '']));
}

/** Opens the app with no saved edits, uploads or backend choice: the shipped notebooks as they are. */
export async function freshStart(page: Page): Promise<void> {
  await page.goto('./');
  await page.evaluate(async () => {
    localStorage.clear();
    for (const name of ['fitbook', 'fitbook-notebooks']) {
      await new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      });
    }
  });
  await page.reload();
}
