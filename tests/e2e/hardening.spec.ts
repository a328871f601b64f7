// Issue 7: nothing leaves the machine, nothing hangs, nothing is lost silently.
// Privacy (plot links, Content-Security-Policy), a malformed address, WebGL context
// loss during training, and tables of huge files.
import { expect, test, type Page } from '@playwright/test';
import { cell, freshStart, uploadCsv } from './helpers';

// These tests open every notebook and train on SwiftShader: on a busy machine a
// notebook can take longer than the usual 20 s to settle.
const patient = expect.configure({ timeout: 120_000 });

async function settled(page: Page): Promise<void> {
  await patient(page.locator('article[aria-busy="false"]')).toHaveCount(1);
  await patient(page.locator('[data-status="running"], [data-status="queued"]')).toHaveCount(0);
}

async function openNotebook(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Notebooks' }).getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await settled(page);
}

/** Records every Content-Security-Policy violation the page (or a worker) reports. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { reportViolation(t: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  return violations;
}

test.describe('privacy', () => {
  test('the built app carries the Content-Security-Policy, in the page and as a header', async ({ page }) => {
    const response = await page.goto('./');
    const header = response?.headers()['content-security-policy'] ?? '';
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toBe(header);
    for (const directive of ["connect-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "form-action 'none'"]) {
      expect(meta).toContain(directive);
    }
    expect(meta).not.toContain("'unsafe-eval'");
  });

  test('a request or an image to another origin is refused by the policy', async ({ page }) => {
    const violations = await recordViolations(page);
    await page.goto('./');
    const outcome = await page.evaluate(async () => {
      try {
        await fetch('https://example.com/');
        return 'fetched';
      } catch (e) {
        return `refused: ${e instanceof Error ? e.name : String(e)}`;
      }
    });
    expect(outcome).toBe('refused: TypeError');
    const image = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const img = document.createElement('img');
          img.onload = () => resolve('loaded');
          img.onerror = () => resolve('refused');
          img.src = 'https://example.com/pixel.png';
          document.body.append(img);
        }),
    );
    expect(image).toBe('refused');
    await expect.poll(() => violations.filter((v) => v.includes('https://example.com')).length).toBeGreaterThanOrEqual(2);
    expect(violations.some((v) => v.startsWith('connect-src'))).toBe(true);
    expect(violations.some((v) => v.startsWith('img-src'))).toBe(true);
  });

  test('every shipped notebook runs under the policy with no violation, and plots link nowhere', async ({ page }) => {
    test.setTimeout(600_000);
    const violations = await recordViolations(page);
    await freshStart(page);
    const titles = await page.getByRole('navigation', { name: 'Notebooks' }).getByRole('link').allInnerTexts();
    expect(titles.length).toBeGreaterThanOrEqual(5);
    for (const title of titles) {
      await openNotebook(page, title);
      await expect(page.locator('[data-status="error"]'), `cells in error in '${title}'`).toHaveCount(0);
    }
    await openNotebook(page, 'Linear regression');
    const plot = page.locator('.js-plotly-plot').first();
    await plot.hover();
    const modebar = plot.locator('.modebar');
    await expect(modebar.locator('[data-title="Download plot as a png"], [data-title="Download plot as a PNG"]').first()).toBeAttached();
    const download = page.waitForEvent('download');
    await modebar.locator('[data-title="Download plot as SVG"]').click();
    expect((await download).suggestedFilename()).toBe('fitbook-plot.svg');
    await expect(modebar.locator('a[href]')).toHaveCount(0);
    await expect(modebar.locator('[data-title*="Share"], [data-title*="Chart Studio"], .modebar-btn--logo')).toHaveCount(0);
    // The config plotly drew with has every link out off.
    const config = await plot.evaluate((gd) => {
      const context = (gd as unknown as { _context: Record<string, unknown> })._context;
      return { showSendToCloud: context.showSendToCloud, showEditInChartStudio: context.showEditInChartStudio, displaylogo: context.displaylogo, showLink: context.showLink };
    });
    expect(config).toEqual({ showSendToCloud: false, showEditInChartStudio: false, displaylogo: false, showLink: false });
    await expect(page.locator('a[href^="http"]:not([href*="127.0.0.1"])').filter({ has: page.locator('.js-plotly-plot') })).toHaveCount(0);
    expect(violations).toEqual([]);
  });

  test('gradient descent on WebGL runs under the policy with no violation', async ({ page }) => {
    test.setTimeout(180_000);
    const violations = await recordViolations(page);
    await page.goto('./?backend=webgl&softwareWebgl=1#/linear-regression');
    await expect(page.getByText(/^Backend: /)).toHaveText('Backend: webgl');
    // SwiftShader trains slowly on a busy machine.
    await expect(cell(page, 'Regression', 'descent').getByText(/on the webgl backend/)).toBeVisible({ timeout: 90_000 });
    expect(violations).toEqual([]);
  });
});

test('an address with a malformed % escape opens the first notebook and says so', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./#/%E0%A4%A');
  await expect(page.getByRole('alert')).toHaveText(
    'The address holds a part that could not be read: %E0%A4%A; the first notebook opened instead.',
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await settled(page);
  // The app works: opening another notebook clears the message.
  await openNotebook(page, 'Linear regression');
  await expect(page.getByText(/could not be read/)).toHaveCount(0);
  expect(errors).toEqual([]);
});

/** The longest main-thread task since the last reset (PerformanceObserver 'longtask'), in ms. */
async function longestTask(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { longestTask: number }).longestTask);
}

/** Starts measuring long tasks afresh (the app's own start-up is not the upload's). */
async function resetLongestTask(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { longestTask: number }).longestTask = 0));
}

test.describe('huge tables', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      const scope = window as unknown as { longestTask: number };
      scope.longestTask = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) scope.longestTask = Math.max(scope.longestTask, entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await freshStart(page);
    await openNotebook(page, 'Your data');
  });

  test('10,000 columns: the tables show 50 at a time and say the total', async ({ page }) => {
    const columns = 10_000;
    const header = Array.from({ length: columns }, (_, i) => `c${i}`).join(',');
    const rows = [0, 1, 2].map((r) => Array.from({ length: columns }, (_, i) => String(i + r)).join(','));
    const data = cell(page, 'Dataset', 'data');
    await resetLongestTask(page);
    const started = Date.now();
    await uploadCsv(data, 'wide.csv', [header, ...rows, ''].join('\n'));
    await expect(data.getByText('3 rows × 10000 columns')).toBeVisible();
    await settled(page);
    const elapsed = Date.now() - started;
    const blocked = await longestTask(page);
    console.log(`10,000-column upload shown in ${elapsed} ms; longest main-thread task ${Math.round(blocked)} ms`);
    expect(elapsed).toBeLessThan(30_000);
    // Building 180,000 elements blocked the page for about a minute.
    expect(blocked).toBeLessThan(5_000);
    // Summary: 50 rows of 10,000, with pages.
    const summary = data.getByRole('table', { name: /Column summary/ });
    await expect(summary).toHaveAccessibleName('Column summary, columns 1–50 of 10,000');
    await expect(summary.getByRole('rowheader')).toHaveCount(50);
    const summaryPages = data.getByRole('group', { name: 'Columns pages' }).first();
    await summaryPages.getByRole('button', { name: 'Next columns' }).click();
    await expect(summary.getByRole('rowheader', { name: 'c50', exact: true })).toBeVisible();
    await expect(summary).toHaveAccessibleName('Column summary, columns 51–100 of 10,000');
    // The preview and the table cell show 50 columns too.
    const preview = data.getByRole('table', { name: /First 3 rows/ });
    await expect(preview.getByRole('columnheader')).toHaveCount(50);
    const table = cell(page, 'Table', 'rows');
    await expect(table.getByRole('table').getByRole('columnheader')).toHaveCount(50);
    await expect(table.getByText('Columns 1–50 of 10,000', { exact: true })).toBeVisible();
    // The whole page stays small: far from 180,000 elements.
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(20_000);
  });

  test('a 2 MB field is cut short in the tables, with its length said', async ({ page }) => {
    const data = cell(page, 'Dataset', 'data');
    // The file is made in the page: Playwright's setInputFiles decodes a 2 MB buffer on the
    // page's main thread, and that would be measured as the app's own blocking.
    const started = Date.now();
    await data.getByLabel('Upload CSV').evaluate((input: HTMLInputElement) => {
      const file = new File([`id,note\n1,${'x'.repeat(2_000_000)}\n2,short\n`], 'long.csv', { type: 'text/csv' });
      const transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
      (window as unknown as { longestTask: number }).longestTask = 0;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect(data.getByText('2 rows × 2 columns')).toBeVisible();
    await settled(page);
    const elapsed = Date.now() - started;
    const blocked = await longestTask(page);
    console.log(`2 MB field shown in ${elapsed} ms; longest main-thread task ${Math.round(blocked)} ms`);
    expect(elapsed).toBeLessThan(30_000);
    // Laying out the whole field blocked the page for 17–20 s.
    expect(blocked).toBeLessThan(5_000);
    const cutText = new RegExp(`^x{200}…\\s?\\(2,000,000 characters\\)$`);
    await expect(data.getByRole('cell', { name: cutText })).toBeVisible();
    await expect(cell(page, 'Table', 'rows').getByRole('cell', { name: cutText })).toBeVisible();
    await expect(data.getByRole('cell', { name: 'short', exact: true })).toBeVisible();
  });
});

test('losing the WebGL context while training ends the run with a message, and the next run trains on WASM', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
  await page.goto('./?backend=webgl&softwareWebgl=1#/linear-regression');
  await expect(page.getByText(/^Backend: /)).toHaveText('Backend: webgl');
  const descent = cell(page, 'Regression', 'descent');
  // A long run: one row per step, 3,000 epochs.
  await descent.getByRole('slider', { name: 'Batch size (0 = all rows)' }).fill('1');
  await descent.getByRole('slider', { name: 'Epochs' }).fill('3000');
  await expect(descent.getByRole('progressbar')).toBeVisible();
  await page.waitForFunction(() => 'fitbook' in window);
  // As a GPU reset would: the backend's own context is lost.
  const lost = await page.evaluate(() => {
    const canvas = (window as unknown as { fitbook: { webglCanvas(): HTMLCanvasElement | OffscreenCanvas | null } }).fitbook.webglCanvas();
    if (!canvas) return 'no WebGL canvas';
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
    gl.getExtension('WEBGL_lose_context')!.loseContext();
    return gl.isContextLost() ? 'lost' : 'not lost';
  });
  expect(lost).toBe('lost');
  await expect(descent.getByRole('alert')).toContainText('The WebGL context was lost during training', { timeout: 30_000 });
  await expect(page.getByText(/^Backend: /)).toHaveText('Backend: wasm (WebGL context lost)');
  await expect(page.locator('[data-status="running"], [data-status="queued"]')).toHaveCount(0);
  // Moving Epochs trains again, now on WASM, to the end.
  await descent.getByRole('slider', { name: 'Batch size (0 = all rows)' }).fill('0');
  await descent.getByRole('slider', { name: 'Epochs' }).fill('200');
  await expect(descent.getByText(/on the wasm backend/)).toBeVisible({ timeout: 60_000 });
  await settled(page);
  await expect(descent.getByRole('alert')).toHaveCount(0);
  await expect(descent.getByRole('button', { name: 'Fit' })).toBeEnabled();
});
