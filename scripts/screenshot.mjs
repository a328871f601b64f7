// Takes the README screenshot (and others for docs/) from the static build.
// Usage: npm run build && npx vite preview --port 4173 & node scripts/screenshot.mjs '#/exploring-a-dataset' docs/screenshot.png
import { chromium } from '@playwright/test';

const [hash = '', out = 'docs/screenshot.png', selector] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
await page.goto(`http://127.0.0.1:4173/${hash}`);
await page.locator('article[aria-busy="false"]').waitFor();
await page.waitForFunction(() => !document.querySelector('[data-status="running"], [data-status="queued"]'));
await page.waitForTimeout(500);
if (selector) await page.locator(selector).first().screenshot({ path: out });
else await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
