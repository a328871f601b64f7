// Where the main thread's time goes from navigation to the first plot of the first lesson:
// a CPU profile (Chromium's sampling profiler) of each load, stopped when the first plot's SVG
// appears, mapped through the build's source maps and summed per package or source folder and
// per function (mean self time per load). Also prints when the main chunk, plotly, the data and
// the CSV worker arrived (resource timing), zod's time split into parsing and the rest, and the
// inclusive time under each of the app's own functions (what a call into a library cost).
//
//   npx vite build --sourcemap --outDir /tmp/fb-prof
//   node scripts/bench/profile-first-plot.mjs --dist /tmp/fb-prof [--runs 3] [--port 4176]
//
// Not a benchmark (the profiler slows the page): use it to find what to change, then measure
// the change with `bench-live.mjs --only first-plot --compare DIR`.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { startPreview } from './preview.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const dist = option('dist', 'dist');
const runs = Number(option('runs', 3));
const port = Number(option('port', 4176));

const maps = new Map();
function mapOf(url) {
  const file = path.join(dist, new URL(url).pathname);
  if (!maps.has(file)) maps.set(file, fs.existsSync(`${file}.map`) ? new TraceMap(fs.readFileSync(`${file}.map`, 'utf8')) : null);
  return maps.get(file);
}

/** The source name and file of a profile node's frame, through the source map where there is one. */
function origin({ callFrame: cf }) {
  if (!/\.js$/.test(cf.url)) return { name: cf.functionName || '(anon)', source: cf.url };
  const map = mapOf(cf.url);
  const p = map ? originalPositionFor(map, { line: cf.lineNumber + 1, column: cf.columnNumber }) : {};
  return { name: p.name ?? (cf.functionName || '(anon)'), source: p.source ?? cf.url, line: p.line };
}

const packageOf = (source) =>
  source.includes('node_modules/') ? source.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1') : source.replace(/^(\.\.\/)+/, '').split('/').slice(0, 3).join('/') || '(native)';

const add = (table, key, ms) => table.set(key, (table.get(key) ?? 0) + ms / runs);
const byPackage = new Map();
const byFunction = new Map();
const zod = new Map();
/** Inclusive time: each of the app's own functions (src/…) on a sample's stack, counted once per sample. */
const underApp = new Map();

const STOP_AT_FIRST_PLOT = `
  window.__firstPlot = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('.js-plotly-plot .main-svg')) return;
      observer.disconnect();
      window.__stopProfile();
      resolve(performance.now());
    });
    observer.observe(document, { childList: true, subtree: true });
  });
`;

async function profileLoad(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    let stopped;
    await page.exposeBinding('__stopProfile', () => {
      stopped = cdp.send('Profiler.stop');
    });
    await page.addInitScript(STOP_AT_FIRST_PLOT);
    await page.goto(`${base}#/exploring-a-dataset`);
    const at = await page.evaluate(() => window.__firstPlot);
    while (!stopped) await new Promise((r) => setTimeout(r, 5));
    const { profile } = await stopped;
    const resources = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => `${e.name.replace(/^.*\//, '')} ${Math.round(e.startTime)}–${Math.round(e.responseEnd)}`),
    );
    return { at, profile, resources: resources.filter((r) => /main|plotly|iris|katex|worker/i.test(r)) };
  } finally {
    await context.close();
  }
}

function account(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));
  for (const [id, ms] of self) {
    const o = origin(nodes.get(id));
    add(byPackage, packageOf(o.source), ms);
    add(byFunction, `${o.name} ${o.source.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '')}${o.line ? `:${o.line}` : ''}`, ms);
    let inZod = false;
    let parsing = false;
    const appFrames = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const frame = origin(nodes.get(at));
      if (/(^|\/)src\//.test(frame.source) && !frame.source.includes('node_modules/')) {
        appFrames.add(`${frame.name} ${frame.source.replace(/^.*?src\//, 'src/')}`);
      }
      if (!frame.source.includes('node_modules/zod/')) continue;
      inZod = true;
      if (/parse|_run|check/i.test(frame.name)) parsing = true;
    }
    if (inZod) add(zod, parsing ? 'parsing options' : 'building schemas and the rest', ms);
    for (const key of appFrames) add(underApp, key, ms);
  }
}

const top = (table, n) => [...table].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`).join('\n');

const server = await startPreview({ port, outDir: dist });
let browser;
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  for (let run = 0; run < runs; run++) {
    const { at, profile, resources } = await profileLoad(browser, server.base);
    console.log(`load ${run + 1}: first plot at ${Math.round(at)} ms; ${resources.join(', ')}`);
    account(profile);
  }
  console.log(`\nSelf time per load (mean of ${runs}), by package or source folder:\n${top(byPackage, 25)}`);
  console.log(`\nzod:\n${top(zod, 2)}`);
  console.log(`\nBy function:\n${top(byFunction, 40)}`);
  console.log(`\nInclusive, under the app's own functions (src/…):\n${top(underApp, 40)}`);
} catch (e) {
  console.error(`profile-first-plot failed: ${e instanceof Error ? e.stack : String(e)}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  server.stop();
}
