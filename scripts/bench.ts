// `npm run bench`, engine part: fitbook's fits against numpy / scikit-learn on the same seeded
// synthetic data, each pair run alternately (fitbook, reference, fitbook, reference, ...) for
// --rounds rounds, so that load on a shared machine hits both alike; prints medians and the
// ratio of the medians (scripts/bench/stats.mjs).
//  1. exact solvers at --rows x --features (1,000,000 x 10): least squares vs numpy lstsq;
//     logistic (Newton) vs scikit-learn lbfgs and newton-cholesky.
//  2. gradient descent (Adam, 3 epochs, batch 8192) on TensorFlow.js's WASM backend vs the same
//     algorithm written in numpy (float32, same epochs, batch and learning rate).
//  3. exact logistic on wide data, --wide-rows x --wide-features (100,000 x 200), vs lbfgs on
//     standardised features (lbfgs on the raw features does not converge in 1,000 iterations
//     here) and newton-cholesky.
//  4. headless Chromium on the harness page (single runs; the live bench, bench-live.mjs,
//     interleaves the browser's own pairs).
// Options: --rounds N (3), --rows N, --features P, --wide-rows N, --wide-features P,
// --no-wide, --no-gd, --no-python, --no-browser. Timings are printed, never asserted.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { selectBackend, syntheticData } from '../src/lib/ml';
import { DEFAULT_GD, runTask, type BenchmarkResult, type BenchmarkTask } from '../src/lib/ml/benchmark';
import type { SyntheticData } from '../src/lib/ml/synthetic';
import { runInBrowser } from './bench/browser';
import { pythonAvailable, PythonReference, type Timing } from './bench/python';
import { median, ms, report } from './bench/stats.mjs';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const flag = (name: string) => args.includes(`--${name}`);
const rounds = option('rounds', 3);
const rows = option('rows', 1_000_000);
const features = option('features', 10);
const wideRows = option('wide-rows', 100_000);
const wideFeatures = option('wide-features', 200);
const seed = 42;
const log = (s: string) => console.log(`  · ${s}`);
const load = () => loadavg().map((v) => v.toFixed(1)).join(' ');

interface Line {
  pair: string;
  ours: number;
  reference: number;
  cpuRatio: number;
}
const summary: Line[] = [];

/** Runs fitbook's task and each reference in turn, `rounds` times; prints medians and ratios. */
async function alternate(
  title: string,
  task: BenchmarkTask,
  data: SyntheticData,
  references: { name: string; run: () => Promise<Timing> }[],
): Promise<void> {
  console.log(`\n${title} (load average ${load()})`);
  const labels = Array.from(data.labels);
  const ours: BenchmarkResult[] = [];
  const oursCpu: number[] = [];
  const theirs: Timing[][] = references.map(() => []);
  for (let round = 0; round < rounds; round++) {
    const cpu = process.cpuUsage();
    ours.push(await runTask(task, data, labels));
    const used = process.cpuUsage(cpu);
    oursCpu.push((used.user + used.system) / 1000);
    for (const [k, ref] of references.entries()) theirs[k].push(await ref.run());
    log(`round ${round + 1}: fitbook ${ms(ours[round].ms)}${references.map((r, k) => `, ${r.name} ${ms(theirs[k][round].ms)}`).join('')}`);
  }
  const last = ours[ours.length - 1];
  console.log(`  fitbook: ${last.detail}; loss ${last.loss.toFixed(10)}`);
  if (references.length === 0) console.log(`  fitbook median ${ms(median(ours.map((r) => r.ms)))} (no reference)`);
  for (const [k, ref] of references.entries()) {
    const t = theirs[k][theirs[k].length - 1];
    const notes = [t.iterations !== undefined ? `${t.iterations} iterations` : '', ...(t.warnings ?? [])].filter(Boolean).join('; ');
    console.log(`  ${ref.name}: loss ${t.loss.toFixed(10)}${notes ? ` (${notes})` : ''}`);
    const samples = { ours: ours.map((r) => r.ms), reference: theirs[k].map((r) => r.ms) };
    report(`  ${task} vs ${ref.name}`, 'fitbook', ref.name, samples);
    // CPU time as well: under heavy load a reference whose BLAS runs two threads gets a larger
    // share of the machine than fitbook's one thread, which the wall-clock ratio does not show.
    const refCpu = theirs[k].map((r) => r.cpuMs ?? NaN);
    const cpuRatio = median(oursCpu) / median(refCpu);
    console.log(`  CPU time: fitbook median ${ms(median(oursCpu))}, ${ref.name} ${ms(median(refCpu))} (all threads): ratio ${cpuRatio.toFixed(2)}×`);
    summary.push({
      pair: `${task} ${data.X.rows.toLocaleString('en')} × ${data.X.cols} vs ${ref.name}`,
      ours: median(samples.ours),
      reference: median(samples.reference),
      cpuRatio,
    });
  }
}

async function withReference(data: SyntheticData, body: (ref: PythonReference | null) => Promise<void>): Promise<void> {
  const why = flag('no-python') ? 'skipped (--no-python)' : pythonAvailable();
  if (why) log(`Python reference: ${why}`);
  const ref = why ? null : await PythonReference.start(data);
  try {
    await body(ref);
  } finally {
    ref?.close();
  }
}

async function main() {
  console.log(`fitbook engine benchmark: ${rounds} alternating rounds per pair, seed ${seed}`);
  console.log(`Node ${process.version}, ${cpus().length} CPU cores (${cpus()[0]?.model ?? 'unknown'}), load average ${load()}`);

  console.log(`\n[1/4] exact solvers, ${rows.toLocaleString('en')} × ${features}`);
  const data = syntheticData(rows, features, seed);
  await withReference(data, async (ref) => {
    if (ref) log(`scikit-learn ${ref.sklearn}`);
    await alternate('Least squares', 'exact-linear', data, ref ? [{ name: 'numpy lstsq', run: () => ref.run('lstsq') }] : []);
    await alternate(
      'Logistic regression',
      'exact-logistic',
      data,
      ref
        ? [
            { name: 'sklearn lbfgs', run: () => ref.run('lbfgs') },
            { name: 'sklearn newton-cholesky', run: () => ref.run('newton-cholesky') },
          ]
        : [],
    );

    if (flag('no-gd')) console.log('\n[2/4] gradient descent skipped (--no-gd)');
    else {
      console.log(`\n[2/4] gradient descent, ${rows.toLocaleString('en')} × ${features}`);
      const require = createRequire(import.meta.url);
      const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/';
      const wasm = await selectBackend({ preference: 'wasm', wasmPaths: wasmDir });
      log(`tfjs backend: ${wasm.backend}`);
      const gd = DEFAULT_GD;
      await alternate(
        `Gradient descent (${gd.optimizer}, lr ${gd.learningRate}, batch ${gd.batchSize}, ${gd.epochs} epochs)`,
        'gd-logistic',
        data,
        ref ? [{ name: 'numpy, same algorithm', run: () => ref.run(`gd ${gd.epochs} ${gd.batchSize} ${gd.learningRate} ${seed}`) }] : [],
      );
    }
  });

  if (flag('no-wide')) console.log('\n[3/4] wide logistic skipped (--no-wide)');
  else {
    console.log(`\n[3/4] exact logistic on wide data, ${wideRows.toLocaleString('en')} × ${wideFeatures}`);
    const wide = syntheticData(wideRows, wideFeatures, seed);
    await withReference(wide, (ref) =>
      alternate(
        'Logistic regression, wide',
        'exact-logistic',
        wide,
        ref
          ? [
              { name: 'sklearn lbfgs (standardised)', run: () => ref.run('lbfgs-scaled') },
              { name: 'sklearn newton-cholesky', run: () => ref.run('newton-cholesky') },
            ]
          : [],
      ),
    );
  }

  console.log('\n[4/4] headless Chromium');
  const browser = flag('no-browser') ? 'skipped (--no-browser)' : await runInBrowser({ rows, features, seed, gd: DEFAULT_GD }, log);
  if (typeof browser === 'string') console.log(`Browser: ${browser}`);
  else {
    const chrome = browser.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium';
    console.log(`${chrome}, tfjs ${browser.report.backend} (${browser.report.reason})`);
    for (const r of browser.results) console.log(`  ${r.task.padEnd(16)} ${ms(r.ms).padStart(9)}  loss ${r.loss.toFixed(10)}  ${r.detail}`);
    if (typeof browser.softwareWebgl === 'string') console.log(`Software WebGL: ${browser.softwareWebgl}`);
    else for (const r of browser.softwareWebgl.results) console.log(`  webgl on ${browser.softwareWebgl.report.renderer}: ${r.task} ${ms(r.ms)}`);
  }

  if (summary.length) {
    console.log(`\nSummary (medians of ${rounds} alternating rounds; load average now ${load()})`);
    console.log(`  ${'pair'.padEnd(62)} ${'fitbook'.padStart(9)} / ${'reference'.padStart(9)} = wall ratio (CPU-time ratio)`);
    for (const l of summary) {
      console.log(`  ${l.pair.padEnd(62)} ${ms(l.ours).padStart(9)} / ${ms(l.reference).padStart(9)} = ${(l.ours / l.reference).toFixed(2)}× (${l.cpuRatio.toFixed(2)}×)`);
    }
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
