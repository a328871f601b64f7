// A reader's path through the built app on a large upload, timed step by step with the
// page's long tasks (over 50 ms) during each step: upload a generated CSV (a, b, c -> label)
// to "Your data", optionally add a Prepare cell, add a Split, add a Classifier, move its
// threshold. Not a ratio bench: it finds what still freezes the page (docs/performance.md,
// "A reader's path on a million rows, in the app").
//
//   node scripts/bench/app-path.mjs [--rows 1000000] [--prepare] [--dist DIR] [--port 4192]
//                                   [--profile split] (the page's CPU profile of one step, top functions)
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startPreview } from './preview.mjs';

const { values: opts } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    prepare: { type: 'boolean', default: false },
    dist: { type: 'string' },
    port: { type: 'string', default: '4192' },
    profile: { type: 'string', default: '' },
  },
});
const rows = Number(opts.rows);
const file = join(tmpdir(), `fitbook-app-path-${rows}.csv`);
let seed = 3;
const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const lines = ['a,b,c,label'];
for (let i = 0; i < rows; i++) {
  const [a, b, c] = [rand() * 10, rand() * 5, rand()];
  lines.push(`${a.toFixed(3)},${b.toFixed(3)},${c.toFixed(4)},${a - 2 * b + 3 * (rand() - 0.5) > 0 ? 'yes' : 'no'}`);
}
writeFileSync(file, lines.join('\n') + '\n');

/** The top self times of a CPU profile, idle left out. */
function topFunctions(profile, count = 15) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  return [...self].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, count);
}

const { base, stop } = await startPreview({ port: Number(opts.port), timeoutMs: 150_000, outDir: opts.dist });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--enable-unsafe-swiftshader'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(600_000);
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(base);
  await page.getByRole('navigation', { name: 'Notebooks' }).getByRole('link', { name: 'Your data', exact: true }).click();
  const settled = () => page.waitForFunction(() => !document.querySelector('[data-status="running"], [data-status="queued"]'), null, { polling: 200 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  const step = async (name, act) => {
    const profiling = opts.profile === name;
    if (profiling) await cdp.send('Profiler.start');
    const before = await page.evaluate(() => window.__long.length);
    const t0 = Date.now();
    await act();
    await settled();
    const long = await page.evaluate((from) => window.__long.slice(from), before);
    console.log(`${name}: ${Date.now() - t0} ms; page long tasks (ms): ${JSON.stringify(long)}`);
    if (profiling) for (const [k, ms] of topFunctions((await cdp.send('Profiler.stop')).profile)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${k}`);
  };
  const add = async (kind) => {
    await page.getByRole('button', { name: '+ Add cell' }).last().click();
    await page.getByRole('menu', { name: 'Add a cell' }).getByRole('menuitem', { name: kind, exact: true }).click();
  };
  await settled();
  await step('upload', async () => {
    await page.getByRole('region', { name: 'Dataset data' }).getByLabel('Upload CSV').setInputFiles(file);
    await page.getByText(`${rows} rows × 4 columns`).waitFor();
  });
  if (opts.prepare) await step('prepare', () => add('Prepare'));
  await step('split', () => add('Split'));
  await step('classifier', async () => {
    await add('Classifier');
    await page.getByRole('region', { name: /^Classifier/ }).locator('.js-plotly-plot').first().waitFor();
  });
  const threshold = page.getByRole('region', { name: /^Classifier/ }).getByLabel(/threshold/i).first();
  if (await threshold.count()) {
    await step('threshold', async () => {
      await threshold.fill('0.3');
      await threshold.dispatchEvent('change');
    });
  }
  const alerts = await page.getByRole('alert').allInnerTexts();
  if (alerts.length) console.log('alerts:', JSON.stringify(alerts));
} finally {
  await browser.close();
  stop();
}
