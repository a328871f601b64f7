// Takes the "Build a notebook" pictures for docs/cells.md: the dialog, the
// top of a built notebook and its baseline cell, by uploading
// tests/fixtures/build/patients.csv in Your data, as a reader would.
// Usage: npx vite build && npx vite preview --port 4173 & node scripts/screenshot-build.mjs [port]
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const port = process.argv[2] ?? '4173';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
const settled = async () => {
  await page.locator('article[aria-busy="false"]').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-status="running"], [data-status="queued"]'), undefined, { timeout: 120_000 });
  await page.waitForTimeout(800);
};
await page.goto(`http://127.0.0.1:${port}/#/your-data`);
await settled();
const data = page.getByRole('region', { name: 'Dataset data' });
await data.getByLabel('Upload CSV').setInputFiles({ name: 'patients.csv', mimeType: 'text/csv', buffer: readFileSync('tests/fixtures/build/patients.csv') });
await data.getByText('from patients.csv').waitFor();
await data.getByRole('button', { name: 'Build a notebook from this data' }).click();
const dialog = page.getByRole('dialog');
await dialog.waitFor();
await dialog.screenshot({ path: 'docs/cells/build-dialog.png' });
await dialog.getByRole('button', { name: 'Build' }).click();
await page.getByRole('heading', { level: 1, name: 'patients' }).waitFor();
await settled();
// From the first built prose down: the look at the target, the preparation and the split.
await page.setViewportSize({ width: 1280, height: 1500 });
await page.getByText('This notebook was built from').evaluate((el) => el.scrollIntoView({ block: 'start' }));
await page.waitForTimeout(800);
await page.screenshot({ path: 'docs/cells/build-notebook.png' });
await page.getByRole('region', { name: 'Baseline baseline' }).screenshot({ path: 'docs/cells/baseline.png' });
await browser.close();
console.log('wrote docs/cells/build-dialog.png, build-notebook.png, baseline.png');
