// `npm run bench`: times the engine on a seeded synthetic 1,000,000 x 10 table.
//  1. Node: exact linear (QR + refinement), exact logistic (Newton), gradient-descent
//     logistic on tfjs cpu, and the gradient-descent fit again on tfjs wasm.
//  2. numpy lstsq and scikit-learn LogisticRegression on the same data, when
//     /usr/bin/python3 has them; ours are printed as ratios to theirs.
//  3. Headless Chromium on the harness page, on the backend the app would pick.
// Options: --rows N (default 1e6), --features P (10), --no-browser, --no-python.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { cpus } from 'node:os';
import { runBenchmark, selectBackend, syntheticData, type BenchmarkResult } from '../src/lib/ml';
import { DEFAULT_GD } from '../src/lib/ml/benchmark';
import { runInBrowser } from './bench/browser';
import { pythonAvailable, runPythonReference, type PythonReference, type Timing } from './bench/python';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const rows = option('rows', 1_000_000);
const features = option('features', 10);
const seed = 42;
const log = (s: string) => console.log(`  · ${s}`);
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

function table(title: string, results: BenchmarkResult[], ref: PythonReference | null): void {
  console.log(`\n${title}`);
  console.log('task              time        loss reached        reference (time, loss)                  ours / ref');
  for (const r of results) {
    const refs: [string, Timing | undefined][] =
      r.task === 'exact-linear' ? [['numpy lstsq', ref?.lstsq]] : [['sklearn lbfgs', ref?.['logistic-lbfgs']], ['sklearn newton-chol.', ref?.['logistic-newton-cholesky']]];
    refs.forEach(([name, t], k) => {
      const head = k === 0 ? `${r.task.padEnd(16)}  ${fmt(r.ms).padStart(8)}   ${r.loss.toFixed(10).padStart(14)}` : ' '.repeat(42);
      const refText = t ? `${name.padEnd(20)} ${fmt(t.ms).padStart(8)}  ${t.loss.toFixed(10)}` : `${name.padEnd(20)} (not run)`;
      console.log(`${head}      ${refText.padEnd(40)} ${t ? (r.ms / t.ms).toFixed(2).padStart(6) + '×' : ''}`);
    });
    console.log(`${' '.repeat(18)}${r.detail}`);
  }
}

async function main() {
  console.log(`fitbook engine benchmark: ${rows.toLocaleString('en')} × ${features}, seed ${seed}`);
  console.log(`Node ${process.version}, ${cpus().length} CPU cores (${cpus()[0]?.model ?? 'unknown'})`);
  const config = { rows, features, seed, gd: DEFAULT_GD };

  console.log('\n[1/3] Node');
  await selectBackend({ preference: 'cpu' });
  const node = await runBenchmark(config, log);
  const require = createRequire(import.meta.url);
  const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/';
  const wasm = await selectBackend({ preference: 'wasm', wasmPaths: wasmDir });
  const nodeWasm = wasm.backend === 'wasm' ? await runBenchmark({ ...config, tasks: ['gd-logistic'] }, log) : [];

  let ref: PythonReference | null = null;
  if (args.includes('--no-python')) console.log('\n[2/3] Python reference skipped (--no-python)');
  else {
    const why = pythonAvailable();
    if (why) console.log(`\n[2/3] Python reference skipped: ${why}`);
    else {
      console.log(`\n[2/3] numpy / scikit-learn on the same data`);
      ref = runPythonReference(syntheticData(rows, features, seed));
      log(`scikit-learn ${ref.sklearn}`);
      for (const k of ['logistic-lbfgs', 'logistic-newton-cholesky'] as const) {
        const w = ref[k]?.warnings ?? [];
        if (w.length) log(`${k}: ${w.join('; ')}`);
      }
    }
  }

  console.log('\n[3/3] headless Chromium');
  const browser = args.includes('--no-browser') ? 'skipped (--no-browser)' : await runInBrowser(config, log);

  table('Node, tfjs cpu (exact solvers are plain TypeScript, float64)', node, ref);
  if (nodeWasm.length) table('Node, tfjs wasm (gradient descent only)', nodeWasm, ref);
  if (typeof browser === 'string') console.log(`\nBrowser: ${browser}`);
  else {
    console.log(`\nBrowser backend: ${browser.report.backend} (${browser.report.reason})`);
    const chrome = browser.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium';
    table(`${chrome}, tfjs ${browser.report.backend}`, browser.results, ref);
    if (typeof browser.softwareWebgl === 'string') console.log(`\nSoftware WebGL: ${browser.softwareWebgl}`);
    else table(`${chrome}, tfjs webgl on ${browser.softwareWebgl.report.renderer ?? 'unknown renderer'}`, browser.softwareWebgl.results, ref);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
