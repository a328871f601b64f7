// Where a slider move's time goes, on the notebook page and on the plotly-only page:
// a Chrome trace (devtools.timeline) of N moves on each, summed per kind of main-thread
// work and divided by the moves. Not part of bench-live's summary: a profiling aid.
//   node scripts/bench/slider-trace.mjs [--port 4421] [--moves 20] [--dist DIR] [--save PREFIX] [--css TEXT] [--profile] [--wall]
// --css injects a style sheet into the notebook page (to try a CSS change without a build);
// --profile prints the top self times of a sampled CPU profile of the same moves first.
// --dist serves another build (default dist/); --save writes the raw traces (PREFIX-app.json, PREFIX-ref.json).
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startPreview } from './preview.mjs';
import { openRegression, moveSlider, redrawReference } from './slider.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const port = Number(opt('port', process.env.FITBOOK_BENCH_PORT ?? 4175));
const moves = Number(opt('moves', 20));
const save = opt('save', undefined);

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'cc'];
/** Rendering steps reported on their own; script time is the script events minus these inside them. */
const RENDER = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'PaintImage', 'Layerize', 'Commit', 'UpdateLayer', 'HitTest', 'ParseAuthorStyleSheet'];
const SCRIPT = ['FunctionCall', 'EventDispatch', 'FireAnimationFrame', 'TimerFire', 'RunMicrotasks', 'EvaluateScript', 'v8.run', 'FireIdleCallback'];

/**
 * Per move: ms of each rendering step and of script (self), on the page's main thread(s): thread
 * time (`tdur`, the CPU the thread got) where the trace has it, so a loaded machine's waits for a
 * core do not count; `wall` sums wall time instead.
 */
function summarise(trace, n, wall = args.includes('--wall')) {
  const events = JSON.parse(trace).traceEvents ?? [];
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const main = events
    .filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`) && e.dur)
    .map((e) => ({ ...e, time: wall ? e.dur : (e.tdur ?? e.dur) }))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const totals = {};
  const elements = [];
  let script = 0;
  // Outermost script events: their time minus the rendering steps nested in them.
  let end = -1;
  for (const e of main) {
    if (RENDER.includes(e.name)) {
      totals[e.name] = (totals[e.name] ?? 0) + e.time;
      if (e.name === 'UpdateLayoutTree' && e.args?.elementCount) elements.push(e.args.elementCount);
      if (e.ts < end) script -= e.time; // forced inside script
    } else if (SCRIPT.includes(e.name) && e.ts >= end) {
      script += e.time;
      end = e.ts + e.dur;
    }
  }
  const per = (us) => (us / 1000 / n).toFixed(1);
  const out = { 'script (self)': per(script) };
  for (const k of RENDER) if (totals[k]) out[k] = per(totals[k]);
  out['style recalc elements (median)'] = elements.sort((a, b) => a - b)[elements.length >> 1] ?? 0;
  out['style recalcs per move'] = (elements.length / n).toFixed(1);
  return out;
}

/** Top self time per function over `moves` moves (CDP sampling profiler, 200 µs). */
async function profile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await moveSlider(page, moves);
  const { profile: p } = await cdp.send('Profiler.stop');
  const self = new Map();
  const dt = new Map();
  for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i + 1] ?? 0));
  for (const node of p.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0));
  }
  // Callers (3 frames up) of the heaviest native calls.
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`;
  const callers = new Map();
  for (const n of p.nodes) {
    if (!['setProperty', 'setAttribute', 'getPropertyValue', 'getBoundingClientRect', 'getComputedStyle', 'getComputedTextLength', 'getBBox'].includes(n.callFrame.functionName)) continue;
    const chain = [];
    for (let id = parent.get(n.id); id && chain.length < 4; id = parent.get(id)) chain.push(name(byId.get(id)));
    const key = `${n.callFrame.functionName} <- ${chain.join(' <- ')}`;
    callers.set(key, (callers.get(key) ?? 0) + (dt.get(n.id) ?? 0));
  }
  for (const [k, v] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${(v / 1000 / moves).toFixed(2).padStart(7)}  ${k}`);
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 30);
  console.log(`CPU profile, self ms per move over ${moves} moves:`);
  for (const [k, v] of top) console.log(`  ${(v / 1000 / moves).toFixed(2).padStart(7)}  ${k}`);
}

const server = await startPreview({ port, outDir: opt('dist', undefined), path: 'bench-plot.html' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
try {
  const app = await openRegression(browser, server.base);
  if (opt('css', undefined)) await app.addStyleTag({ content: opt('css', '') });
  await moveSlider(app, 3); // warm-up
  if (args.includes('--profile')) await profile(app);
  await browser.startTracing(app, { categories: CATEGORIES });
  const ours = await moveSlider(app, moves);
  const appTrace = (await browser.stopTracing()).toString();
  const reference = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await reference.goto(`${server.base}bench-plot.html?fit`);
  await reference.waitForFunction(() => 'benchPlot' in window);
  await redrawReference(reference, 3, 'redraw');
  await browser.startTracing(reference, { categories: CATEGORIES });
  const theirs = await redrawReference(reference, moves, 'redraw');
  const refTrace = (await browser.stopTracing()).toString();
  if (save) {
    writeFileSync(`${save}-app.json`, appTrace);
    writeFileSync(`${save}-ref.json`, refTrace);
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1].toFixed(1);
  const a = summarise(appTrace, moves);
  const r = summarise(refTrace, moves);
  console.log(`per move (ms of ${args.includes('--wall') ? 'wall' : 'thread'} time), ${moves} moves traced; load ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`${'step'.padEnd(32)} ${'notebook'.padStart(9)} ${'plotly only'.padStart(12)}`);
  for (const k of new Set([...Object.keys(a), ...Object.keys(r)])) console.log(`${k.padEnd(32)} ${String(a[k] ?? '-').padStart(9)} ${String(r[k] ?? '-').padStart(12)}`);
  console.log(`median on screen (traced, so slower): notebook ${med(ours.slide)} ms, plotly only ${med(theirs.times)} ms; paths ${JSON.stringify(ours.paths)}`);
} finally {
  await browser.close();
  server.stop();
}
