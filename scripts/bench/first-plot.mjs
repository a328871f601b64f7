// Navigation → first plot: the first notebook against a page that only loads the same
// plotly bundle and draws one plot. Each load gets a fresh browser context (empty cache).
// Two times per load: when the first plot's SVG is in the document ("drawn"), and the next
// animation frame after that ("painted"): the page cannot show the plot before the task that
// drew it ends, and on the lesson that task went on to draw the other plots (0.7–2 s more).
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
      const drawn = performance.now();
      window.__plotShown?.();
      requestAnimationFrame(() => resolve({ drawn, painted: performance.now() }));
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
    const { drawn, painted } = await page.evaluate(() => window.__firstPlot);
    return { drawn, painted, early };
  } finally {
    await context.close();
  }
}

/** The first lesson's first plot in the build at `base`, noting tfjs requests made before it. */
async function lessonLoad(browser, base, tfjsBefore) {
  const r = await timeFirstPlot(browser, `${base}${LESSON}`);
  r.early.forEach((u) => tfjsBefore.add(u));
  return r;
}

/** This build, the compared build and plotly alone, in turn, `rounds` times; samples per time kind. */
async function abRounds(browser, base, compareBase, rounds, tfjsBefore) {
  const samples = { drawn: { ours: [], before: [], reference: [] }, painted: { ours: [], before: [], reference: [] } };
  const add = (which, r) => {
    samples.drawn[which].push(r.drawn);
    samples.painted[which].push(r.painted);
  };
  for (let round = 0; round < rounds; round++) {
    // Alternate which build goes first, so neither always follows the plotly-only page.
    const order = round % 2 ? ['before', 'ours'] : ['ours', 'before'];
    for (const which of order) add(which, await lessonLoad(browser, which === 'ours' ? base : compareBase, tfjsBefore));
    add('reference', await timeFirstPlot(browser, `${base}bench-plot.html`));
  }
  return samples;
}

export async function firstPlot(browser, base, rounds, { interleave, report, median, ms }, { compareBase, compareName } = {}) {
  const tfjsBefore = new Set();
  const label = (kind) => `Navigation → first plot ${kind} (fresh context each load, in-page performance.now())`;
  const ratios = {};
  if (compareBase) {
    const samples = await abRounds(browser, base, compareBase, rounds, tfjsBefore);
    for (const kind of ['drawn', 'painted']) {
      const s = samples[kind];
      ratios[kind] = report(label(kind), 'fitbook, first lesson (this build)', 'plotly bundle alone, one plot', s);
      const before = report(`  same run, the compared build (${compareName})`, 'fitbook, first lesson (compared build)', 'plotly bundle alone, one plot', {
        ours: s.before,
        reference: s.reference,
      });
      const a = median(s.ours);
      const b = median(s.before);
      console.log(`  ${kind}: this build against the compared one: ${ms(a)} vs ${ms(b)} (${(a / b).toFixed(2)}×, ${ms(a - b)} difference of medians)`);
      console.log(`  ${kind}: ratio to plotly alone: ${ratios[kind].toFixed(2)}× (compared build ${before.toFixed(2)}×)`);
    }
  } else {
    const loads = await interleave(
      rounds,
      async () => [await lessonLoad(browser, base, tfjsBefore)],
      async () => [await timeFirstPlot(browser, `${base}bench-plot.html`)],
    );
    for (const kind of ['drawn', 'painted']) {
      const s = { ours: loads.ours.map((r) => r[kind]), reference: loads.reference.map((r) => r[kind]) };
      ratios[kind] = report(label(kind), 'fitbook, first lesson (Exploring a dataset)', 'plotly bundle alone, one plot', s);
    }
  }
  for (const kind of ['drawn', 'painted']) console.log(`  target ≤ 1.2× (${kind}): ${ratios[kind] <= 1.2 ? 'met' : 'not met'}`);
  console.log(`  TensorFlow.js requests before the first plot: ${tfjsBefore.size ? [...tfjsBefore].join(', ') : 'none'}`);
}
