// Prose without markdown-it's rendering, DOMPurify or KaTeX on the page's critical path
// (docs/architecture.md, "Prose"): the shipped notebooks' prose comes rendered by the build,
// so the first lesson shows its text and formulas (KaTeX's HTML and MathML) without
// requesting the renderer's chunk or KaTeX's; an edited block shows its source until the
// renderer arrives, and a formula the build did not see its TeX until KaTeX does.
import { expect, test } from '@playwright/test';
import { freshStart, holdRequests, recordRequests } from './helpers';

const KATEX_CHUNK = /\/katex-[\w-]+\.js(\?|$)/;
const RENDERER_CHUNK = /\/prose-renderer-[\w-]+\.js(\?|$)/;

test('the first lesson shows its prose and formulas, as MathML too, without loading the renderer or KaTeX', async ({ page }) => {
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
  // The text is Markdown's HTML (paragraphs, emphasis), never the pending source.
  await expect(article.locator('.prose p strong', { hasText: 'row' }).first()).toBeVisible();
  expect(await article.locator('.prose em').count()).toBeGreaterThan(3);
  await expect(article.locator('.prose-pending')).toHaveCount(0);
  await expect(page.locator('.js-plotly-plot .main-svg').first()).toBeVisible({ timeout: 90_000 });
  // The list is the real one (the main chunk is in it), and neither chunk is in it.
  const main = requests.find((url) => /\/main-[\w-]+\.js(\?|$)/.test(url));
  expect(main).toBeTruthy();
  expect(requests.filter((url) => KATEX_CHUNK.test(url) || RENDERER_CHUNK.test(url))).toEqual([]);
  // Nor is KaTeX inside the main chunk (its parser's error message is), nor DOMPurify (its
  // Trusted Types policy attribute is).
  const mainText = await (await page.request.get(main!)).text();
  expect(mainText).not.toContain('KaTeX parse error');
  expect(mainText).not.toContain('data-tt-policy-suffix');
});

test('an edited text block shows its source until the renderer has loaded, then its Markdown', async ({ page }) => {
  await freshStart(page);
  const held = await holdRequests(page, RENDERER_CHUNK);
  await page.goto('./#/exploring-a-dataset');
  const block = page.locator('article > .block').first();
  await expect(block.locator('.prose strong').first()).toBeVisible();
  await block.getByRole('button', { name: 'Edit text' }).click();
  await block.getByLabel('Markdown source').fill('An *edited* block with <b>tags</b>.');
  const preview = block.locator('.prose');
  await expect(preview.locator('pre.prose-pending')).toHaveText('An *edited* block with <b>tags</b>.');
  await expect(preview.locator('em')).toHaveCount(0);
  expect(held.requested()).toBe(true);

  held.release();
  await expect(preview.locator('em')).toHaveText('edited');
  // Raw HTML is shown as text, not as an element.
  await expect(preview).toContainText('<b>tags</b>');
  await expect(preview.locator('b')).toHaveCount(0);
  await expect(preview.locator('.prose-pending')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a formula typed into a text block shows its TeX, then the formula once KaTeX has loaded', async ({ page }) => {
  await freshStart(page);
  // Hold the KaTeX chunk until the TeX source has been seen on screen.
  const held = await holdRequests(page, KATEX_CHUNK);
  await page.goto('./#/exploring-a-dataset');
  const block = page.locator('article > .block').first();
  await block.getByRole('button', { name: 'Edit text' }).click();
  await block.getByLabel('Markdown source').fill('A new formula: $\\gamma^2 + \\delta$.');
  const preview = block.locator('.prose');
  await expect(preview.locator('code.tex-pending')).toHaveText('$\\gamma^2 + \\delta$');
  await expect(preview.locator('.katex')).toHaveCount(0);
  expect(held.requested()).toBe(true);

  held.release();
  const formula = preview.locator('.katex');
  await expect(formula).toBeVisible();
  await expect(formula.locator('annotation')).toHaveText('\\gamma^2 + \\delta');
  await expect(preview.locator('.tex-pending')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
