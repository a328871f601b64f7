// Neural networks (issue 13): epochs per second of fitbook's training session (lib/nn/session)
// in Chromium on each tfjs backend (webgl, wasm, cpu), against the same network trained in
// numpy (scripts/bench/network.py), interleaved round by round, medians reported.
//   - a 2 × 8 tanh network on 500 points of two features (Playground's size; batch 10);
//   - a 3 × 64 ReLU network on 100,000 rows of ten features (batch 256).
// Both are binary classifiers trained with Adam (learning rate 0.01); every epoch ends with the
// log loss and accuracy on all rows, in both implementations. Each browser sample runs in a fresh
// page of the harness after a warm-up epoch on the first ten batches' rows (WebGL compiles its shaders there), on data the
// page generates itself from the same seeded formula this script writes for numpy.
// Headless Chromium here has no GPU: "webgl" is SwiftShader, a software renderer.
// Standalone: node scripts/bench/network.mjs [--rounds 3] [--port 4359] [--small-epochs 20]
//             [--large-epochs 1] [--large-rows 100000] [--backends webgl,wasm,cpu] [--build]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PYTHON = '/usr/bin/python3';
const REFERENCE = fileURLToPath(new URL('./network.py', import.meta.url));

/**
 * Seeded inputs in [-1, 1) (mulberry32) and a non-linear 0/1 target. Self-contained: it is also
 * sent to the page as source text, so the browser and numpy train on the same numbers.
 */
function makeData(rows, cols, seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 2 ** 32;
  };
  const X = new Float32Array(rows * cols);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) X[i * cols + j] = 2 * next() - 1;
    const a = X[i * cols];
    const b = X[i * cols + 1];
    y[i] = a * b + 0.3 * Math.sin(3 * a) > 0 ? 1 : 0;
  }
  return { X, y, rows };
}

const NETWORKS = [
  { name: 'small', label: '2 × 8 tanh, 500 points × 2 features, batch 10', rows: () => 500, cols: 2, hidden: [8, 8], activation: 'tanh', batch: 10, epochs: (o) => o.smallEpochs },
  { name: 'large', label: (o) => `3 × 64 ReLU, ${o.largeRows.toLocaleString('en')} rows × 10 features, batch 256`, rows: (o) => o.largeRows, cols: 10, hidden: [64, 64, 64], activation: 'relu', batch: 256, epochs: (o) => o.largeEpochs },
];
const LEARNING_RATE = 0.01;

/** One timed training in a fresh page on `backend`: ms, final loss and accuracy, and the backend that ran. */
async function browserOnce(browser, base, net, rows, epochs, backend) {
  const page = await browser.newPage();
  page.setDefaultTimeout(900_000);
  try {
    await page.addInitScript({ content: `window.__makeData = ${makeData.toString()};` });
    await page.goto(`${base}harness.html`);
    await page.locator('#status', { hasText: 'ready' }).waitFor();
    return await page.evaluate(
      async ({ net, rows, epochs, backend, learningRate }) => {
        const fb = window.fitbook;
        const report = await fb.selectBackend({ preference: backend, allowSoftwareWebgl: true });
        const data = window.__makeData(rows, net.cols, 7);
        const spec = {
          task: 'binary',
          inputs: net.cols,
          outputs: 1,
          hidden: net.hidden.map((units) => ({ units, activation: net.activation, l1: 0, l2: 0, dropout: 0 })),
          outputL1: 0,
          outputL2: 0,
          seed: 1,
        };
        const options = (n) => ({ optimizer: 'adam', learningRate, batchSize: net.batch, epochs: n });
        // Warm-up on the first ten batches' rows: same batch shapes, a fraction of a large epoch.
        const warmRows = Math.min(rows, 10 * net.batch);
        const warmData = { X: data.X.subarray(0, warmRows * net.cols), y: data.y.subarray(0, warmRows), rows: warmRows };
        const warm = await fb.nn.createSession(spec, options(1), warmData, null);
        await warm.run();
        warm.dispose();
        const session = await fb.nn.createSession(spec, options(epochs), data, null);
        const t0 = performance.now();
        const state = await session.run();
        const ms = performance.now() - t0;
        const last = session.history[session.history.length - 1];
        session.dispose();
        return { ms, state, loss: last.trainLoss, accuracy: last.trainAccuracy, backend: session.backend, renderer: report.renderer, tensors: fb.numTensors() };
      },
      { net: { cols: net.cols, hidden: net.hidden, activation: net.activation, batch: net.batch }, rows, epochs, backend, learningRate: LEARNING_RATE },
    );
  } finally {
    await page.close();
  }
}

function numpyOnce(file, net, rows, epochs) {
  const r = spawnSync(PYTHON, [REFERENCE, file, String(rows), String(net.cols), net.hidden.join(','), net.activation, String(net.batch), String(epochs), String(LEARNING_RATE)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`network.py failed: ${(r.stderr || r.stdout).trim()}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/**
 * Runs every network on every backend and in numpy, `rounds` times interleaved, and prints
 * epochs per second (medians). Returns the medians, per network and implementation.
 * options: { smallEpochs = 20, largeEpochs = 1, largeRows = 100000, backends = ['webgl','wasm','cpu'], networks }
 */
export async function networkBench(browser, base, rounds, options, { median }) {
  const o = { smallEpochs: 20, largeEpochs: 1, largeRows: 100_000, backends: ['webgl', 'wasm', 'cpu'], ...options };
  const numpy = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import numpy']).status === 0;
  const dir = mkdtempSync(join(tmpdir(), 'fitbook-network-bench-'));
  const results = {};
  try {
    for (const net of NETWORKS) {
      if (o.networks && !o.networks.includes(net.name)) continue;
      const rows = net.rows(o);
      const epochs = net.epochs(o);
      const label = typeof net.label === 'function' ? net.label(o) : net.label;
      const file = join(dir, `${net.name}.f32`);
      const data = makeData(rows, net.cols, 7);
      const bytes = new Float32Array(rows * net.cols + rows);
      bytes.set(data.X);
      bytes.set(data.y, rows * net.cols);
      writeFileSync(file, new Uint8Array(bytes.buffer));
      const samples = Object.fromEntries([...o.backends, 'numpy'].map((k) => [k, []]));
      const last = {};
      for (let round = 0; round < rounds; round++) {
        for (const backend of o.backends) {
          const r = await browserOnce(browser, base, net, rows, epochs, backend);
          if (r.backend !== backend) throw new Error(`asked for ${backend}, trained on ${r.backend}`);
          samples[backend].push((epochs * 1000) / r.ms);
          last[backend] = r;
        }
        if (numpy) {
          const r = numpyOnce(file, net, rows, epochs);
          samples.numpy.push((epochs * 1000) / r.ms);
          last.numpy = r;
        }
      }
      console.log(`Network ${label}: ${epochs} epochs per sample, Adam ${LEARNING_RATE}, ${rounds} interleaved rounds`);
      const reference = numpy ? median(samples.numpy) : NaN;
      results[net.name] = {};
      for (const [name, list] of Object.entries(samples)) {
        if (!list.length) continue;
        const m = median(list);
        results[net.name][name] = m;
        const where = name === 'webgl' && last.webgl?.renderer ? ` (${last.webgl.renderer})` : '';
        const ratio = name !== 'numpy' && numpy ? `  ${(m / reference).toFixed(2)}× numpy` : '';
        const fit = last[name] ? `  final loss ${last[name].loss.toFixed(4)}, accuracy ${last[name].accuracy.toFixed(3)}` : '';
        console.log(`  ${(name === 'numpy' ? 'numpy (float32)' : `fitbook ${name}${where}`).padEnd(44)} median ${m.toPrecision(3).padStart(8)} epochs/s  (min ${Math.min(...list).toPrecision(3)}, max ${Math.max(...list).toPrecision(3)}, n=${list.length})${ratio}${fit}`);
      }
      if (!numpy) console.log('  numpy reference skipped: /usr/bin/python3 with numpy not found');
      console.log();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const { chromium } = await import('@playwright/test');
  const { startPreview } = await import('./preview.mjs');
  const { median } = await import('./stats.mjs');
  if (args.includes('--build') || !existsSync('dist/harness.html')) {
    console.log('building the app (vite build)…');
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(1);
  }
  const server = await startPreview({ port: Number(option('port', process.env.FITBOOK_BENCH_PORT ?? 4359)), path: 'harness.html' });
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
    });
    console.log(`\nNetwork benchmark in Chromium ${browser.version()} (headless)\n`);
    await networkBench(
      browser,
      server.base,
      Number(option('rounds', 3)),
      {
        smallEpochs: Number(option('small-epochs', 20)),
        largeEpochs: Number(option('large-epochs', 1)),
        largeRows: Number(option('large-rows', 100_000)),
        backends: option('backends', 'webgl,wasm,cpu').split(','),
        networks: args.includes('--only') ? [option('only')] : undefined,
      },
      { median },
    );
  } catch (e) {
    console.error(`network bench failed: ${e instanceof Error ? e.stack : String(e)}`);
    process.exitCode = 1;
  } finally {
    await browser?.close();
    server.stop();
  }
}
