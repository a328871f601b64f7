// The browser half of `npm run bench`, run against the built app (`npm run build` first).
// Its parts (PARTS below; a new one is one more line):
//  - first-plot: navigation → first plot, against a page that only loads plotly and draws one plot
//    (with --compare DIR, also against a second build, loads of the three alternating);
//  - slider: slider move → redrawn plot, against a minimal plotly update of the changed trace;
//  - csv: a 1M × 11 CSV (~95 MB) uploaded through Your data, against pandas.read_csv;
//  - engine: the longest main-thread gap while the cells fit 1M × 10 linear and logistic models and
//    run leave-one-out cross-validation, and evaluate a 1M-row classifier, in the engine worker, against
//    the same runs in the page;
//  - network: epochs per second of small and large neural networks per tfjs backend, against numpy.
// Each fitbook/reference pair runs alternately for --rounds rounds (default 3) in headless
// Chromium; medians and ratios are printed, then a summary table of every figure against its
// issue-9 target. Targets not met do not change the exit status (the figures are the output); a
// part that crashes is listed as failed, the other parts still run, and the exit status is 1.
// The preview server runs in its own process group and is stopped, with all its children,
// however the script ends.
// Options: --rounds N (≥ 3 for recorded figures), --moves N (slider moves per round, 10),
// --csv-rows N (1,000,000; 0 skips the CSV part), --fit-rows N (1,000,000; 0 skips the fits),
// --loo-rows N (1,000; 0 skips leave-one-out), --shared 0 (send tables as copies, not shared memory),
// --port N (4175, or FITBOOK_BENCH_PORT), --only NAME[,NAME] (those parts), --engine linear,logistic,loo,evaluate
// (which engine runs), --compare DIR (a second build, e.g. main's `npx vite build --outDir /tmp/before`,
// served on port + 1: the first-plot part alternates its loads with this build's, and the slider part
// moves its slider in the same rounds, to judge two builds within one run).
import { chromium } from '@playwright/test';
import { startPreview } from './bench/preview.mjs';
import { interleave, median, ms, report } from './bench/stats.mjs';
import { firstPlot } from './bench/first-plot.mjs';
import { slider } from './bench/slider.mjs';
import { csvIntake } from './bench/csv.mjs';
import { engineOffMainThread } from './bench/engine.mjs';
import { networkBench } from './bench/network.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const text = (name) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const settings = {
  port: option('port', Number(process.env.FITBOOK_BENCH_PORT ?? 4175)),
  rounds: option('rounds', 3),
  moves: option('moves', 10),
  csvRows: option('csv-rows', 1_000_000),
  fitRows: option('fit-rows', 1_000_000),
  looRows: option('loo-rows', 1_000),
  shareMemory: option('shared', 1) !== 0,
  scenarios: text('engine')?.split(','),
  compare: text('compare'),
};

/**
 * The parts, in order: a name (for --only) and a run function of the context ({ browser, base,
 * settings, stats }). A run may return its figures, [{ figure, value, target, met }] (met: true,
 * false, or null where the target cannot be judged); for a part that returns none, the summary
 * lists the lines it printed that name a target.
 */
const PARTS = [
  {
    name: 'first-plot',
    run: ({ browser, base, compareBase, settings: s, stats }) => firstPlot(browser, base, s.rounds, stats, { compareBase, compareName: s.compare }),
  },
  { name: 'slider', run: ({ browser, base, compareBase, settings: s, stats }) => slider(browser, base, s.rounds, s.moves, stats, compareBase) },
  { name: 'csv', skip: (s) => s.csvRows <= 0, run: ({ browser, base, settings: s, stats }) => csvIntake(browser, base, s.rounds, s.csvRows, stats) },
  {
    name: 'engine',
    run: ({ browser, base, settings: s, stats }) =>
      engineOffMainThread(browser, base, s.rounds, { fitRows: s.fitRows, looRows: s.looRows, shareMemory: s.shareMemory, scenarios: s.scenarios }, stats),
  },
  // Issue 13: epochs per second of a 2×8 and a 3×64 network per backend, against numpy (no target).
  { name: 'network', run: async ({ browser, base, settings: s, stats }) => void (await networkBench(browser, base, s.rounds, {}, stats)) },
];

const only = text('only')?.split(',');
const unknown = (only ?? []).filter((name) => !PARTS.some((p) => p.name === name));
if (unknown.length) {
  console.error(`bench-live: no part named ${unknown.join(', ')} (parts: ${PARTS.map((p) => p.name).join(', ')})`);
  process.exit(2);
}
const chosen = PARTS.filter((p) => (!only || only.includes(p.name)) && !p.skip?.(settings));

/** true, false, or null (neither said, or both: "(met), … (not met)") from a printed line. */
function metIn(line) {
  const met = /: met\b|\(met\)/.test(line);
  const notMet = /not met/.test(line);
  return met === notMet ? null : met;
}

/** Runs a part, keeping what it returns, or else the lines it prints that name a target. */
async function runPart(part, context) {
  const printed = [];
  const log = console.log;
  console.log = (...items) => {
    printed.push(items.join(' '));
    log(...items);
  };
  try {
    const figures = await part.run(context);
    if (Array.isArray(figures) && figures.length) return figures;
    return printed.filter((line) => /target/i.test(line)).map((line) => ({ figure: line.trim(), value: '', target: '', met: metIn(line) }));
  } finally {
    console.log = log;
  }
}

function printSummary(results) {
  const rows = [['part', 'figure', 'value', 'issue-9 target', 'met']];
  for (const { name, figures, error } of results) {
    if (error) rows.push([name, 'FAILED', error, '', '']);
    for (const f of figures ?? []) rows.push([name, f.figure, f.value, f.target, f.met === null ? 'n/a' : f.met ? 'yes' : 'no']);
  }
  const widths = rows[0].map((_, k) => Math.min(70, Math.max(...rows.map((r) => String(r[k]).length))));
  const line = (r) => r.map((cell, k) => String(cell).padEnd(widths[k])).join(' | ');
  console.log('\nSummary\n');
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows.slice(1)) console.log(line(r));
}

const server = await startPreview({ port: settings.port, path: 'bench-plot.html' });
let compared;
let browser;
const results = [];
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  // Started inside the try, so the first server is stopped however this one fails.
  if (settings.compare) compared = await startPreview({ port: settings.port + 1, outDir: settings.compare });
  console.log(`\nLive benchmark in ${browser.version()} (headless), ${settings.rounds} interleaved rounds\n`);
  const context = { browser, base: server.base, compareBase: compared?.base, settings, stats: { interleave, median, ms, report } };
  for (const part of chosen) {
    try {
      results.push({ name: part.name, figures: await runPart(part, context) });
    } catch (e) {
      console.error(`bench-live: part ${part.name} failed: ${e instanceof Error ? e.stack : String(e)}`);
      results.push({ name: part.name, error: e instanceof Error ? e.message.split('\n')[0] : String(e) });
      process.exitCode = 1;
    }
    console.log();
  }
  printSummary(results);
} catch (e) {
  console.error(`bench-live failed: ${e instanceof Error ? e.stack : String(e)}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  compared?.stop();
  server.stop();
}
