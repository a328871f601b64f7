import { expect, test, type Page } from '@playwright/test';

// Large tables in Plot.svelte: WebGL above the threshold, a sample with a sentence
// that says so above the drawing limit, and SVG beyond the page's WebGL budget.
// The numbers are the ones src/lib/plot exports (SCATTERGL_THRESHOLD 2,000,
// MAX_DRAWN_POINTS 50,000, WEBGL_PLOT_BUDGET 8); tests/unit/plot checks them.

const mountMany = (page: Page, count: number, points: number) =>
  page.evaluate(([count, points]) => (window as unknown as { plotHarness: { mountMany(c: number, p: number): void } }).plotHarness.mountMany(count, points), [count, points] as const);

/** The trace types plotly drew in each of the "many" plots, in page order. */
const drawnTypes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.many .js-plotly-plot')].map((gd) => (gd as unknown as { _fullData: { type: string }[] })._fullData.map((t) => t.type).join()),
  );

test.beforeEach(async ({ page }) => {
  await page.goto('plot-harness.html');
  await expect(page.locator('#status')).toHaveText('ready');
});

test('a large table is drawn with WebGL, sampled, and the plot says how many points it shows', async ({ page }) => {
  await mountMany(page, 1, 60_000);
  const plot = page.locator('.many figure');
  await expect.poll(() => drawnTypes(page)).toEqual(['scattergl']);
  const note = 'Showing 50,000 of 60,000 points (a random sample; the extremes are always drawn)';
  await expect(plot.getByText(note)).toBeVisible();
  // The same sentence is the canvas's accessible description.
  await expect(plot.getByRole('img', { name: 'Scatter 1' })).toHaveAccessibleDescription(note);
  const drawn = await page.evaluate(() => (document.querySelector('.many .js-plotly-plot') as unknown as { _fullData: { x: number[] }[] })._fullData[0].x.length);
  expect(drawn).toBe(50_000);
});

test('a table under the threshold stays SVG and says nothing about sampling', async ({ page }) => {
  await mountMany(page, 1, 1_500);
  await expect.poll(() => drawnTypes(page)).toEqual(['scatter']);
  await expect(page.locator('.many .plot-note')).toHaveCount(0);
});

test('beyond the WebGL budget plots are drawn in SVG with a sample, never blank', async ({ page }) => {
  const budget = 8;
  await mountMany(page, budget + 2, 5_000);
  await expect.poll(() => drawnTypes(page)).toHaveLength(budget + 2);
  const types = await drawnTypes(page);
  expect(types.filter((t) => t === 'scattergl')).toHaveLength(budget);
  expect(types.filter((t) => t === 'scatter')).toHaveLength(2);
  // Only the WebGL plots hold a WebGL canvas.
  expect(await page.locator('.many .gl-canvas-context').count()).toBe(budget);
  const svgPlots = page.locator('.many figure').filter({ has: page.locator('.plot-note') });
  await expect(svgPlots).toHaveCount(2);
  await expect(svgPlots.first().getByText('Showing 2,000 of 5,000 points')).toBeVisible();
  // Every SVG fallback draws its markers.
  for (const i of [0, 1]) expect(await svgPlots.nth(i).locator('.scatterlayer .point').count()).toBe(2_000);
});
