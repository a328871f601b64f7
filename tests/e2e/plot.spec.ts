import { expect, test, type Page } from '@playwright/test';

// Plot.svelte in a real browser, on plot-harness.html (see src/plot-harness.svelte.ts).

interface Harness {
  draws: { react: number; purge: number };
  frames: { plot: string; frame: number }[];
  update(times: number, last: number): void;
  mountSecond(): void;
  updateBoth(last: number): void;
  destroy(): void;
}

/** Runs `fn` against window.plotHarness in the page. */
function harness<T>(page: Page, fn: (h: Harness, arg: number) => T, arg = 0): Promise<T> {
  return page.evaluate(
    ([source, a]) => {
      const h = (window as unknown as { plotHarness: Harness }).plotHarness;
      return (new Function('h', 'a', `return (${source})(h, a)`) as (h: Harness, a: number) => T)(h, a);
    },
    [fn.toString(), arg] as const,
  );
}

const draws = (page: Page) => harness(page, (h) => ({ ...h.draws }));

/** The y values of the first trace as plotly holds them after drawing (of the plot in `within`, default the first). */
const drawnY = (page: Page, within = 'body') =>
  page.evaluate((within) => {
    // null until that plot has drawn (plots draw one per frame), so a poll asks again.
    const gd = document.querySelector(`${within} .js-plotly-plot`) as unknown as { _fullData?: { y: number[] }[] } | null;
    return gd?._fullData ? Array.from(gd._fullData[0].y) : null;
  }, within);

const xRange = (page: Page) =>
  page.evaluate(() => {
    const gd = document.querySelector('.js-plotly-plot') as unknown as { _fullLayout: { xaxis: { range: number[] } } };
    return [...gd._fullLayout.xaxis.range];
  });

test.beforeEach(async ({ page }) => {
  await page.goto('plot-harness.html');
  await expect(page.locator('#status')).toHaveText('ready');
  await expect(page.locator('.js-plotly-plot .scatterlayer .point').first()).toBeVisible();
});

test('the plot has an accessible name and no loading placeholder once drawn', async ({ page }) => {
  await expect(page.getByRole('img', { name: 'Test scatter' })).toBeVisible();
  await expect(page.getByText('Loading plot…')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('twenty quick updates draw only a few times, and the last figure wins', async ({ page }) => {
  const before = await draws(page);
  await harness(page, (h, last) => h.update(20, last), 42);
  await expect.poll(() => drawnY(page)).toEqual([0, 1, 2, 3, 4, 42]);
  // Let any frame still pending run, then count.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const after = await draws(page);
  expect(after.react - before.react).toBeGreaterThanOrEqual(1);
  expect(after.react - before.react).toBeLessThanOrEqual(3);
});

test('two plots changed at once draw in turn, one per animation frame, and both show their last figure', async ({ page }) => {
  await harness(page, (h) => h.mountSecond());
  await expect.poll(() => drawnY(page, '#second')).toEqual([0, 1, 2, 3, 4, 5]);
  await harness(page, (h) => void h.frames.splice(0));
  await harness(page, (h, last) => h.updateBoth(last), 9);
  await expect.poll(() => drawnY(page, '#plot')).toEqual([0, 1, 2, 3, 4, 9]);
  await expect.poll(() => drawnY(page, '#second')).toEqual([0, 1, 2, 3, 4, 10]);
  const frames = await harness(page, (h) => h.frames);
  expect([...new Set(frames.map((f) => f.plot))].sort()).toEqual(['plot', 'second']);
  // Never two draws in one animation frame: the second plot to ask waits for the next one. (Not
  // the order: a draw still settling on a loaded machine can make the first plot ask later.)
  const perFrame = new Map<number, number>();
  for (const f of frames) perFrame.set(f.frame, (perFrame.get(f.frame) ?? 0) + 1);
  expect(Math.max(...perFrame.values())).toBe(1);
});

test("the reader's zoom survives an update", async ({ page }) => {
  const full = await xRange(page);
  // Drag a zoom box over the left half of the plot area, as a reader would.
  const box = (await page.locator('.js-plotly-plot .nsewdrag').first().boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.8, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await xRange(page))[1]).toBeLessThan(full[1]);
  const zoomed = await xRange(page);

  await harness(page, (h, last) => h.update(1, last), 7);
  await expect.poll(() => drawnY(page)).toEqual([0, 1, 2, 3, 4, 7]);
  expect(await xRange(page)).toEqual(zoomed);
});

test('destroying the plot purges it', async ({ page }) => {
  await harness(page, (h) => h.destroy());
  await expect(page.locator('.js-plotly-plot')).toHaveCount(0);
  expect((await draws(page)).purge).toBe(1);
});
