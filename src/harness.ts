// Exposes the engine on window.fitbook for browser tests (tests/e2e/engine.spec.ts)
// and the browser part of the benchmark (scripts/bench.ts).
import * as tf from '@tensorflow/tfjs';
import * as ml from './lib/ml';
import { browserWasmPaths } from './lib/ml/wasm-paths.browser';
import { engineHarness } from './harness-engine';
import { createSession } from './lib/nn/session';
import { generateDataset } from './lib/data/generate';

const fitbook = {
  ml,
  /** selectBackend with the bundled .wasm URLs filled in. */
  selectBackend: (options: ml.BackendOptions = {}) => ml.selectBackend({ wasmPaths: browserWasmPaths, ...options }),
  numTensors: () => tf.memory().numTensors,
  tfFlag: (name: string) => tf.env().get(name),
  engine: engineHarness,
  /** The neural-network engine (scripts/bench/network.mjs, tests/e2e/network-engine.spec.ts). */
  nn: { createSession, generateDataset },
};

declare global {
  interface Window {
    fitbook: typeof fitbook;
  }
}

window.fitbook = fitbook;
document.getElementById('status')!.textContent = 'ready';
