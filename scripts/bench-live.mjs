// The browser half of `npm run bench`, run against the built app (`npm run build` first):
//  - navigation → first plot, against a page that only loads plotly and draws one plot;
//  - slider move → redrawn plot, against a minimal plotly update of the changed trace;
//  - a 1M × 11 CSV (~96 MB) uploaded through Your data, against pandas.read_csv.
// Each fitbook/reference pair runs alternately for --rounds rounds (default 3) in headless
// Chromium; medians and ratios are printed. The preview server runs in its own process
// group and is stopped, with all its children, however the script ends.
// Options: --rounds N (≥ 3 for recorded figures), --moves N (slider moves per round, 10),
// --csv-rows N (1,000,000; 0 skips the CSV part), --port N (4175, or FITBOOK_BENCH_PORT), --only first-plot|slider|csv.
import { chromium } from '@playwright/test';
import { startPreview } from './bench/preview.mjs';
import { interleave, median, ms, report } from './bench/stats.mjs';
import { firstPlot } from './bench/first-plot.mjs';
import { slider } from './bench/slider.mjs';
import { csvIntake } from './bench/csv.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PORT = option('port', Number(process.env.FITBOOK_BENCH_PORT ?? 4175));
// --only first-plot|slider|csv runs one part (default: all).
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const part = (name) => !only || only === name;
const rounds = option('rounds', 3);
const moves = option('moves', 10);
const csvRows = option('csv-rows', 1_000_000);
const stats = { interleave, median, ms, report };

const server = await startPreview({ port: PORT, path: 'bench-plot.html' });
let browser;
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  console.log(`\nLive benchmark in ${browser.version()} (headless), ${rounds} interleaved rounds\n`);
  if (part('first-plot')) {
    await firstPlot(browser, server.base, rounds, stats);
    console.log();
  }
  if (part('slider')) await slider(browser, server.base, rounds, moves, stats);
  if (csvRows > 0 && part('csv')) {
    console.log();
    await csvIntake(browser, server.base, rounds, csvRows, stats);
  }
} catch (e) {
  console.error(`bench-live failed: ${e instanceof Error ? e.stack : String(e)}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  server.stop();
}
