// Navigation → first plot: the first notebook against a page that only loads the same
// plotly bundle and draws one plot. Each load gets a fresh browser context (empty cache).
// Also lists the TensorFlow.js requests made before the first plot (there should be none).
// With a second build to compare (bench-live's --compare DIR, served at `compareBase`), the
// loads of both builds and of plotly alone alternate, so load on a shared machine hits all
// three alike: an A/B of two builds in one run.

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
const LESSON = '#/exploring-a-dataset';

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

/** The first lesson's first plot in the build at `base`, noting tfjs requests made before it. */
async function lessonLoad(browser, base, tfjsBefore) {
  const r = await timeFirstPlot(browser, `${base}${LESSON}`);
  r.early.forEach((u) => tfjsBefore.add(u));
  return r.ms;
}

/** This build, the compared build and plotly alone, in turn, `rounds` times. */
async function abRounds(browser, base, compareBase, rounds, tfjsBefore) {
  const samples = { ours: [], before: [], reference: [] };
  for (let round = 0; round < rounds; round++) {
    // Alternate which build goes first, so neither always follows the plotly-only page.
    const order = round % 2 ? ['before', 'ours'] : ['ours', 'before'];
    for (const which of order) samples[which].push(await lessonLoad(browser, which === 'ours' ? base : compareBase, tfjsBefore));
    samples.reference.push((await timeFirstPlot(browser, `${base}bench-plot.html`)).ms);
  }
  return samples;
}

export async function firstPlot(browser, base, rounds, { interleave, report, median, ms }, { compareBase, compareName } = {}) {
  const tfjsBefore = new Set();
  const label = 'Navigation → first plot (fresh context each load, in-page performance.now())';
  let ratio;
  if (compareBase) {
    const samples = await abRounds(browser, base, compareBase, rounds, tfjsBefore);
    ratio = report(label, 'fitbook, first lesson (this build)', 'plotly bundle alone, one plot', samples);
    const before = report(`Same run, the compared build (${compareName})`, 'fitbook, first lesson (compared build)', 'plotly bundle alone, one plot', {
      ours: samples.before,
      reference: samples.reference,
    });
    const a = median(samples.ours);
    const b = median(samples.before);
    console.log(`  this build against the compared one: ${ms(a)} vs ${ms(b)} (${(a / b).toFixed(2)}×, ${ms(a - b)} difference of medians)`);
    console.log(`  ratio to plotly alone: ${ratio.toFixed(2)}× (compared build ${before.toFixed(2)}×)`);
  } else {
    const samples = await interleave(
      rounds,
      () => lessonLoad(browser, base, tfjsBefore),
      async () => (await timeFirstPlot(browser, `${base}bench-plot.html`)).ms,
    );
    ratio = report(label, 'fitbook, first lesson (Exploring a dataset)', 'plotly bundle alone, one plot', samples);
  }
  console.log(`  target ≤ 1.2×: ${ratio <= 1.2 ? 'met' : 'not met'}`);
  console.log(`  TensorFlow.js requests before the first plot: ${tfjsBefore.size ? [...tfjsBefore].join(', ') : 'none'}`);
}
