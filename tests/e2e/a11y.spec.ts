// Accessibility (issue 10, items 6–7): axe-core finds no serious or critical
// violation on any notebook in the sidebar, nor on one built from an upload,
// in the dark and the light theme, also with an Options panel and each kind
// of dialog open; and the layout holds from a 768 px tablet up.
//
// CI time matters (two cores), so one page tours every notebook: each is
// opened and settled once, then checked in both themes (the context asks for
// dark the way a reader's system would; the light theme is the toggle's) and
// at 768 px. Problems are collected with expect.soft, so a run reports all of
// a notebook's at once.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync } from 'node:fs';
import YAML from 'yaml';
import { cell, freshStart, openNotebook, settled, uploadCsv } from './helpers';

const TABLET = { width: 768, height: 1024 };
const WIDE = { width: 1280, height: 900 };

/** axe's serious and critical violations, one readable line per rule and element. */
async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${(n.failureSummary ?? v.help).replace(/\s+/g, ' ').slice(0, 240)})`));
}

async function setTheme(page: Page, theme: 'light' | 'dark') {
  await page.getByLabel('Theme').selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** Checks the page as it is now in both themes, then leaves it dark. */
async function checkBothThemes(page: Page, where: string) {
  for (const theme of ['dark', 'light'] as const) {
    await setTheme(page, theme);
    expect.soft(await axeProblems(page), `${where}, ${theme} theme`).toEqual([]);
  }
  await setTheme(page, 'dark');
}

/**
 * At tablet width the page itself never scrolls sideways (wide content scrolls
 * inside its cell), and every plot has been redrawn to fit its cell.
 */
async function checkTabletWidth(page: Page, where: string) {
  await page.setViewportSize(TABLET);
  await expect
    .soft(async () => {
      const { scroll, inner, plots } = await page.evaluate(() => ({
        scroll: document.scrollingElement?.scrollWidth ?? 0,
        inner: innerWidth,
        plots: [...document.querySelectorAll<HTMLElement>('.js-plotly-plot')].map((plot) => ({
          drawn: plot.querySelector('.main-svg')?.getBoundingClientRect().width ?? 0,
          room: plot.getBoundingClientRect().width,
        })),
      }));
      expect(scroll, `${where}: page width at 768 px`).toBeLessThanOrEqual(inner);
      for (const plot of plots) expect(plot.drawn, `${where}: a plot's width at 768 px`).toBeLessThanOrEqual(plot.room + 1);
    })
    .toPass({ timeout: 10_000 });
  await page.setViewportSize(WIDE);
}

test.use({ colorScheme: 'dark', viewport: WIDE });

/** The shipped notebooks' titles, read from the files the sidebar lists. */
const titles = readdirSync('notebooks')
  .filter((file) => file.endsWith('.md'))
  .map((file) => {
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(`notebooks/${file}`, 'utf8'))?.[1] ?? '';
    return String((YAML.parse(front) as { title?: unknown } | null)?.title ?? file);
  })
  .sort();

// One page for the whole tour (a fresh one only if a test before failed):
// settling a notebook is the slow part, and each is settled once.
const tour = test.extend<object, { tourPage: Page }>({
  tourPage: [
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL, colorScheme: 'dark', viewport: WIDE });
      const page = await context.newPage();
      await freshStart(page);
      await use(page);
      await context.close();
    },
    { scope: 'worker' },
  ],
});

tour.describe('axe, in both themes and at 768 px', () => {
  // Settling a lesson takes seconds on a quiet machine, minutes on a crowded one.
  tour.describe.configure({ timeout: 420_000 });

  tour('the sidebar lists every shipped notebook', async ({ tourPage: page }) => {
    const listed = await page.getByRole('navigation', { name: 'Notebooks' }).getByRole('link').allInnerTexts();
    expect(titles.length).toBeGreaterThan(5);
    expect(listed).toEqual(expect.arrayContaining(titles));
  });

  for (const title of titles) {
    tour(title, async ({ tourPage: page }) => {
      await openNotebook(page, title);
      await checkBothThemes(page, title);
      await checkTabletWidth(page, title);
    });
  }

  tour('an Options panel, Show Python and the shortcuts dialog open', async ({ tourPage: page }) => {
    await openNotebook(page, 'Linear regression');
    const rooms = cell(page, 'Regression', 'rooms');
    await rooms.locator('summary', { hasText: 'Options' }).click();
    await expect(rooms.getByRole('group').first()).toBeVisible();
    await checkBothThemes(page, 'Options panel open');
    await rooms.locator('summary', { hasText: 'Options' }).click();

    await rooms.getByRole('button', { name: 'Show Python' }).click();
    const python = page.getByRole('dialog', { name: 'Python for rooms' });
    await expect(python).toBeVisible();
    await checkBothThemes(page, 'Show Python dialog');
    await python.getByRole('button', { name: 'Close' }).click();

    await page.locator('article h1').click();
    await page.keyboard.press('?');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(shortcuts).toBeVisible();
    await checkBothThemes(page, 'Keyboard shortcuts dialog');
    await page.keyboard.press('Escape');
    await expect(shortcuts).toHaveCount(0);
  });

  tour('the Build dialog, and the notebook it builds', async ({ tourPage: page }) => {
    await openNotebook(page, 'Your data');
    const data = cell(page, 'Dataset', 'data');
    await uploadCsv(data, 'patients.csv', readFileSync('tests/fixtures/build/patients.csv'));
    await data.getByRole('button', { name: 'Build a notebook from this data' }).click();
    const build = page.getByRole('dialog', { name: 'Build a notebook from patients.csv' });
    await expect(build).toBeVisible();
    await build.getByLabel('Target').selectOption('outcome');
    await checkBothThemes(page, 'Build dialog');
    await build.getByRole('button', { name: 'Build' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'patients' })).toBeVisible();
    await settled(page);
    await checkBothThemes(page, 'Built notebook');
    await checkTabletWidth(page, 'Built notebook');
  });
});

test('tablet: the notebook list folds behind a toggle, Esc closes it, and Tab shows a focus ring on every control', async ({ page }) => {
  await page.setViewportSize(TABLET);
  await freshStart(page);
  await settled(page);
  const list = page.getByRole('navigation', { name: 'Notebooks' });
  const toggle = page.getByRole('button', { name: 'Notebooks' });
  await expect(list).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');

  // The notebook takes the width the list gave up.
  const article = await page.locator('article').boundingBox();
  expect(article?.width ?? 0).toBeGreaterThan(TABLET.width * 0.85);

  // Opened from the keyboard, the list takes the focus; Esc closes it and gives the focus back.
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(list).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle).toHaveAttribute('aria-controls', (await list.getAttribute('id')) ?? 'the list');
  await expect(list.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(toggle).toBeFocused();

  // Tabbing on past the list and its toggle closes it too.
  await page.keyboard.press('Enter');
  await expect(list).toBeVisible();
  await toggle.focus();
  await page.keyboard.press('Tab');
  await expect(list).toBeHidden();

  // Choosing a notebook closes the list.
  await toggle.click();
  await list.getByRole('link', { name: 'Logistic regression', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logistic regression' })).toBeVisible();
  await expect(list).toBeHidden();
  await settled(page);

  // Tab through the page's first controls: each one shows a visible focus ring.
  await page.locator('article h1').click();
  const seen = new Set<string>();
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return undefined;
      // A visually hidden file input shows its ring on its label (the parent), as a button would.
      const ring = [el, el.parentElement].some((e) => {
        const style = e && getComputedStyle(e);
        return style && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      });
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? '';
      return { what: `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''} "${name}"`, ring };
    });
    if (!focused) continue;
    seen.add(focused.what.split(' ')[0] ?? '');
    expect.soft(focused.ring, `focus ring on ${focused.what}`).toBe(true);
  }
  // The sample reaches the kinds of control a notebook has.
  expect([...seen]).toEqual(expect.arrayContaining(['button[button]', 'select', 'summary', 'input[range]', 'input[checkbox]']));
});

test('1024 px folds the list too; a wide screen keeps it beside the notebook', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await freshStart(page);
  await settled(page);
  await expect(page.getByRole('navigation', { name: 'Notebooks' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Notebooks' })).toBeVisible();
  expect(await page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) <= innerWidth)).toBe(true);
  await page.setViewportSize(WIDE);
  await expect(page.getByRole('navigation', { name: 'Notebooks' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Notebooks' })).toBeHidden();
});
