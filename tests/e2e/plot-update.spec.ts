import { expect, test, type Page } from '@playwright/test';

// Plot.svelte's quick path (figure-diff.ts): a refit that moves only the curve redraws
// only the changed line traces. The result must be what a full draw gives.

interface Harness {
  draws: { react: number; purge: number; animate: number };
  paths: string[];
  reasons: (string | undefined)[];
  showFit(slope: number, intercept: number): void;
  drawReference(slope: number, intercept: number): void;
}

function harness<T>(page: Page, fn: (h: Harness, a: number, b: number) => T, a = 0, b = 0): Promise<T> {
  return page.evaluate(
    ([source, a, b]) => {
      const h = (window as unknown as { plotHarness: Harness }).plotHarness;
      return (new Function('h', 'a', 'b', `return (${source})(h, a, b)`) as (h: Harness, a: number, b: number) => T)(h, a, b);
    },
    [fn.toString(), a, b] as const,
  );
}

/** What plotly holds for a plot after drawing: every trace's input and the axes' ranges and title. */
function drawnState(page: Page, selector: string) {
  return page.evaluate((selector) => {
    interface Gd {
      data: Record<string, unknown>[];
      _fullLayout: { xaxis: { range: number[] }; yaxis: { range: number[] }; title: { text: string } };
    }
    const gd = document.querySelector(`${selector} .js-plotly-plot`) as unknown as Gd;
    const plain = (v: unknown) => (ArrayBuffer.isView(v) || Array.isArray(v) ? Array.from(v as ArrayLike<unknown>) : v);
    return {
      data: gd.data.map((t) => ({ type: t.type, mode: t.mode, name: t.name, x: plain(t.x), y: plain(t.y) })),
      xRange: gd._fullLayout.xaxis.range,
      yRange: gd._fullLayout.yaxis.range,
      title: gd._fullLayout.title.text,
      // The drawn curve path, as SVG: the screen shows what the data says.
      paths: [...document.querySelectorAll(`${selector} .scatterlayer .trace .js-line`)].map((p) => p.getAttribute('d')),
    };
  }, selector);
}

test.beforeEach(async ({ page }) => {
  await page.goto('plot-harness.html');
  await expect(page.locator('#status')).toHaveText('ready');
  await expect.poll(() => harness(page, (h) => h.paths.length)).toBe(1);
  await harness(page, (h) => h.showFit(1, 0));
  await expect.poll(() => harness(page, (h) => h.paths.length)).toBe(2);
});

test('a refit that moves only the curve redraws the changed lines alone, and equals a full draw', async ({ page }) => {
  const before = await harness(page, (h) => ({ ...h.draws }));
  await harness(page, (h, a, b) => h.showFit(a, b), 1.1, -0.4);
  await expect.poll(() => harness(page, (h) => h.paths.length)).toBe(3);
  expect(await harness(page, (h) => h.paths.at(-1)), String(await harness(page, (h) => h.reasons.at(-1)))).toBe('lines');
  const after = await harness(page, (h) => ({ ...h.draws }));
  expect(after.react).toBe(before.react);
  expect(after.animate).toBe(before.animate + 1);

  await harness(page, (h, a, b) => h.drawReference(a, b), 1.1, -0.4);
  await expect(page.locator('#reference .js-plotly-plot .scatterlayer .trace')).toHaveCount(3);
  const quick = await drawnState(page, '#plot');
  const full = await drawnState(page, '#reference');
  expect(quick.title).toContain('SSE');
  expect(quick).toEqual(full);
});

test('a curve that leaves the range of the points is drawn in full (the axes must grow)', async ({ page }) => {
  await harness(page, (h, a, b) => h.showFit(a, b), 8, -30);
  await expect.poll(() => harness(page, (h) => h.paths.at(-1))).toBe('react');
  await expect.poll(() => harness(page, (h) => h.paths.length)).toBe(3);
  await harness(page, (h, a, b) => h.drawReference(a, b), 8, -30);
  await expect(page.locator('#reference .js-plotly-plot .scatterlayer .trace')).toHaveCount(3);
  expect(await drawnState(page, '#plot')).toEqual(await drawnState(page, '#reference'));
});

test('the same figure built again is not redrawn', async ({ page }) => {
  const before = await harness(page, (h) => ({ ...h.draws, paths: h.paths.length }));
  await harness(page, (h) => h.showFit(1, 0));
  // Two frames: time for a draw to start had one been planned.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const after = await harness(page, (h) => ({ ...h.draws, paths: h.paths.length }));
  expect(after, (await harness(page, (h) => h.reasons)).join('; ')).toEqual(before);
});
