// Live experimenting: how long from a slider move to the redrawn plot?
// Loads a 1,000-point dataset into the Linear regression notebook, moves the
// polynomial degree slider, and times each move from the input event to
// plotly's `plotly_afterplot` in headless Chromium. Prints the median, and the
// time until the coefficients table shows the new fit (the part before
// plotting), so the two costs can be told apart on a noisy machine.
// Run: npm run build && node scripts/bench-live.mjs
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const PORT = 4175;
const MOVES = 30;

function syntheticCsv(n, seed = 7) {
  let s = seed >>> 0;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const rows = ['RM,MEDV'];
  for (let i = 0; i < n; i++) {
    const x = 4 + 5 * rand();
    rows.push(`${x.toFixed(4)},${(5 + 3 * x - 0.4 * (x - 6) ** 3 + 4 * (rand() - 0.5)).toFixed(4)}`);
  }
  return rows.join('\n') + '\n';
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
try {
  await new Promise((r) => setTimeout(r, 2500));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`http://127.0.0.1:${PORT}/#/linear-regression`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('article[aria-busy="false"]').waitFor();
  const houses = page.getByRole('region', { name: 'Dataset houses' });
  await houses.getByLabel('Upload CSV').setInputFiles({ name: 'synthetic.csv', mimeType: 'text/csv', buffer: Buffer.from(syntheticCsv(1000)) });
  await houses.getByText('1000 rows × 2 columns').waitFor();
  const rooms = page.getByRole('region', { name: 'Regression rooms' });
  await rooms.locator('.js-plotly-plot').waitFor();
  await page.waitForTimeout(500);

  const timings = await page.evaluate(async (moves) => {
    const section = document.querySelector('[data-cell-id="rooms"]');
    const slider = [...section.querySelectorAll('input[type=range]')].find((i) => i.closest('label')?.textContent?.includes('Polynomial degree'));
    const plot = section.querySelector('.js-plotly-plot');
    const afterPlot = () => new Promise((resolve) => plot.once('plotly_afterplot', resolve));
    const slide = [];
    const tables = [];
    const tableChanged = () =>
      new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(section.querySelector('table.coefficients'), { childList: true, subtree: true, characterData: true });
      });
    for (let i = 0; i < moves; i++) {
      const degree = 1 + ((i * 3) % 9);
      const done = afterPlot();
      const numbers = tableChanged();
      const t0 = performance.now();
      slider.value = String(degree === Number(slider.value) ? degree + 1 : degree);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await done;
      slide.push(performance.now() - t0);
      tables.push((await numbers) - t0);
    }
    return { slide, tables };
  }, MOVES);
  await browser.close();

  const slide = median(timings.slide);
  console.log(`Slider move → fit (exact, degree 1–10, 1,000 rows: 800 training points drawn) → plot drawn, median of ${MOVES}: ${slide.toFixed(1)} ms`);
  const numbers = median(timings.tables);
  console.log(`  of which fit and tables updated: ${numbers.toFixed(1)} ms (${((100 * numbers) / slide).toFixed(0)}%), plotly drawing the rest`);
  console.log(`  target: under 16 ms (one frame at 60 Hz): ${slide < 16 ? 'met' : 'not met'}`);
  console.log(`  min ${Math.min(...timings.slide).toFixed(1)} ms, max ${Math.max(...timings.slide).toFixed(1)} ms`);
} finally {
  server.kill();
}
