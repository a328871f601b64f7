// Prose maths without KaTeX on the page's critical path (docs/architecture.md, "Prose"):
// the shipped notebooks' formulas come pre-rendered by the build, so the first lesson shows
// its formulas (KaTeX's HTML and MathML) without requesting the KaTeX chunk; a formula the
// build did not see shows its TeX source until that chunk arrives, then the formula.
import { expect, test } from '@playwright/test';
import { freshStart, recordRequests } from './helpers';

const KATEX_CHUNK = /\/katex-[\w-]+\.js(\?|$)/;

test('the first lesson shows its formulas, as MathML too, without loading KaTeX', async ({ page }) => {
  const requests = recordRequests(page);
  await freshStart(page);
  await page.goto('./#/exploring-a-dataset');
  const article = page.locator('article');
  const std = article.locator('.katex-display', { has: page.locator('annotation', { hasText: 's = \\sqrt{\\frac{1}{n-1}' }) });
  await expect(std).toBeVisible();
  // KaTeX's two renderings: the visible HTML and the MathML that screen readers read.
  await expect(std.locator('.katex-html')).toBeVisible();
  await expect(std.locator('math')).toHaveCount(1);
  expect(await article.locator('.katex').count()).toBeGreaterThanOrEqual(3);
  await expect(article.locator('.tex-pending')).toHaveCount(0);
  await expect(page.locator('.js-plotly-plot .main-svg').first()).toBeVisible({ timeout: 90_000 });
  // The list is the real one (the main chunk is in it), and the KaTeX chunk is not.
  const main = requests.find((url) => /\/main-[\w-]+\.js(\?|$)/.test(url));
  expect(main).toBeTruthy();
  expect(requests.filter((url) => KATEX_CHUNK.test(url))).toEqual([]);
  // Nor is KaTeX inside the main chunk (its parser's error message is).
  expect(await (await page.request.get(main!)).text()).not.toContain('KaTeX parse error');
});

test('a formula typed into a text block shows its TeX, then the formula once KaTeX has loaded', async ({ page }) => {
  await freshStart(page);
  // Hold the KaTeX chunk until the TeX source has been seen on screen.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let katexRequested = false;
  await page.route(KATEX_CHUNK, async (route) => {
    katexRequested = true;
    await held;
    await route.continue();
  });
  await page.goto('./#/exploring-a-dataset');
  const block = page.locator('article > .block').first();
  await block.getByRole('button', { name: 'Edit text' }).click();
  await block.getByLabel('Markdown source').fill('A new formula: $\\gamma^2 + \\delta$.');
  const preview = block.locator('.prose');
  await expect(preview.locator('code.tex-pending')).toHaveText('$\\gamma^2 + \\delta$');
  await expect(preview.locator('.katex')).toHaveCount(0);
  expect(katexRequested).toBe(true);

  release();
  const formula = preview.locator('.katex');
  await expect(formula).toBeVisible();
  await expect(formula.locator('annotation')).toHaveText('\\gamma^2 + \\delta');
  await expect(preview.locator('.tex-pending')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
