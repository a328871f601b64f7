// Navigation → first plot: the first notebook against a page that only loads the same
// plotly bundle and draws one plot. Each load gets a fresh browser context (empty cache).
// Also lists the TensorFlow.js requests made before the first plot (there should be none).

/** Records, in the page, when the first plotly plot has drawn its SVG. */
const FIRST_PLOT_SCRIPT = `
  window.__firstPlot = new Promise((resolve) => {
    const seen = () => document.querySelector('.js-plotly-plot .main-svg');
    const observer = new MutationObserver(() => {
      if (!seen()) return;
      observer.disconnect();
      const t = performance.now();
      window.__plotShown?.();
      resolve(t);
    });
    observer.observe(document, { childList: true, subtree: true });
  });
`;

const TFJS = /tfjs|tensorflow|\.wasm(\?|$)/i;

async function timeFirstPlot(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    let shown = false;
    const early = [];
    await page.exposeBinding('__plotShown', () => {
      shown = true;
    });
    page.on('request', (r) => {
      if (!shown && TFJS.test(r.url())) early.push(r.url().replace(/^.*\//, ''));
    });
    await page.addInitScript(FIRST_PLOT_SCRIPT);
    await page.goto(url);
    const ms = await page.evaluate(() => window.__firstPlot);
    return { ms, early };
  } finally {
    await context.close();
  }
}

export async function firstPlot(browser, base, rounds, { interleave, report }) {
  const tfjsBefore = new Set();
  const samples = await interleave(
    rounds,
    async () => {
      const r = await timeFirstPlot(browser, `${base}#/exploring-a-dataset`);
      r.early.forEach((u) => tfjsBefore.add(u));
      return r.ms;
    },
    async () => (await timeFirstPlot(browser, `${base}bench-plot.html`)).ms,
  );
  const ratio = report('Navigation → first plot (fresh context each load, in-page performance.now())', 'fitbook, first lesson (Exploring a dataset)', 'plotly bundle alone, one plot', samples);
  console.log(`  target ≤ 1.2×: ${ratio <= 1.2 ? 'met' : 'not met'}`);
  console.log(`  TensorFlow.js requests before the first plot: ${tfjsBefore.size ? [...tfjsBefore].join(', ') : 'none'}`);
}
