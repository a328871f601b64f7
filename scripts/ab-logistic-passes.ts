// Same-process A/B of the binary logistic passes: the JS kernels (logistic-kernels.ts) against the
// WebAssembly SIMD ones (logistic-wasm.ts), alternating, on the bench's synthetic data.
//  1. one pass of each kind (loss and gradient, H v) on the same design, --passes times each;
//  2. whole fits (fitLogistic), --rounds rounds, wall and CPU time.
// `npx tsx scripts/ab-logistic-passes.ts [--rounds 3] [--passes 10] [--only wide|narrow]`.
// Timings are printed, never asserted.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fitLogistic, syntheticData } from '../src/lib/ml';
import { jsPasses, type LogisticPasses } from '../src/lib/ml/logistic-kernels';
import { createPasses, useWasmPasses } from '../src/lib/ml/logistic-wasm';
import { median } from './bench/stats.mjs';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const rounds = Number(option('rounds', '3'));
const passCount = Number(option('passes', '10'));
const only = option('only', '');
const load = () => loadavg().map((v) => v.toFixed(1)).join(' ');
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

function timePasses(label: string, passes: LogisticPasses, n: number, d: number, labels: Int32Array) {
  for (let j = 0; j < passes.rows.length; j++) passes.rows[j] = Math.sin(j); // any values
  const theta = Float64Array.from({ length: d }, (_, j) => 0.01 * Math.cos(j));
  const weights = new Float64Array(n).fill(1);
  const [eta, prob, grad] = [new Float64Array(n), new Float64Array(n), new Float64Array(d)];
  const c = passes.rowWeights.fill(0.2 / n);
  const times = { loss: [] as number[], product: [] as number[] };
  for (let k = 0; k < passCount; k++) {
    let t = performance.now();
    passes.lossAndGradient(theta, labels, weights, eta, prob, grad);
    times.loss.push(performance.now() - t);
    t = performance.now();
    passes.hessianTimes(c, theta, grad);
    times.product.push(performance.now() - t);
  }
  console.log(`  ${label}: loss + gradient ${fmt(median(times.loss))}, H v ${fmt(median(times.product))} (median of ${passCount})`);
}

function fits(label: string, n: number, p: number) {
  const data = syntheticData(n, p, 42);
  const labels = Array.from(data.labels);
  const d = p + 1;
  console.log(`\n${label}: ${n.toLocaleString('en')} × ${p} (load average ${load()})`);
  const codes = Int32Array.from(labels, (v) => Number(v));
  timePasses('JS passes  ', jsPasses(n, d), n, d, codes);
  timePasses('WASM passes', createPasses(n, d), n, d, codes);
  const wall = { js: [] as number[], wasm: [] as number[] };
  const cpu = { js: [] as number[], wasm: [] as number[] };
  const losses = { js: 0, wasm: 0 };
  const intercepts = { js: 0, wasm: 0 };
  for (let round = 0; round < rounds; round++) {
    for (const kind of ['js', 'wasm'] as const) {
      useWasmPasses(kind === 'wasm');
      const c0 = process.cpuUsage();
      const t = performance.now();
      const fit = fitLogistic(data.X, labels);
      wall[kind].push(performance.now() - t);
      const used = process.cpuUsage(c0);
      cpu[kind].push((used.user + used.system) / 1000);
      losses[kind] = fit.logLoss;
      intercepts[kind] = fit.model.intercept[0];
    }
    console.log(`  round ${round + 1}: JS ${fmt(wall.js[round])}, WASM ${fmt(wall.wasm[round])} (load ${load()})`);
  }
  useWasmPasses(true);
  const ratio = (a: number[], b: number[]) => (median(b) / median(a)).toFixed(2);
  console.log(`  fit wall: JS ${fmt(median(wall.js))}, WASM ${fmt(median(wall.wasm))} (WASM/JS ${ratio(wall.js, wall.wasm)})`);
  console.log(`  fit CPU:  JS ${fmt(median(cpu.js))}, WASM ${fmt(median(cpu.wasm))} (WASM/JS ${ratio(cpu.js, cpu.wasm)})`);
  console.log(`  log loss JS ${losses.js.toPrecision(13)}, WASM ${losses.wasm.toPrecision(13)}; intercept JS ${intercepts.js.toPrecision(15)}, WASM ${intercepts.wasm.toPrecision(15)}`);
}

if (only !== 'narrow') fits('Wide logistic', 100_000, 200);
if (only !== 'wide') fits('Long logistic', 1_000_000, 10);
