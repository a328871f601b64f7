// Starts TensorFlow.js on the backend the engine picks (DESIGN rule 2) and
// keeps its report for the toolbar. tfjs loads on demand: only when a cell
// first trains by gradient descent (backendReady() in cells/shared), or when
// the reader picks a backend, so exact fits and the first plot never wait
// for it. The reader may override the choice; it is remembered in this browser. `?backend=` and `?softwareWebgl=1` in the URL
// are for tests: the second lets tfjs use a software WebGL renderer.
import type { BackendPreference, BackendReport } from '../lib/ml/backend';
import { setBackendStarter } from '../cells/shared/backend-ready';

export interface BackendStatus {
  preference: BackendPreference;
  report?: BackendReport;
  starting: boolean;
  error?: string;
  /** Why the backend differs from the reader's choice, for the badge ("WebGL context lost"). */
  note?: string;
}

const PREFERENCE_KEY = 'fitbook:backend';
const preferences: BackendPreference[] = ['auto', 'webgl', 'wasm', 'cpu'];

function initialPreference(): BackendPreference {
  const fromUrl = new URLSearchParams(location.search).get('backend');
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(PREFERENCE_KEY);
  } catch {
    /* storage blocked: use auto */
  }
  const wanted = fromUrl ?? stored;
  return preferences.includes(wanted as BackendPreference) ? (wanted as BackendPreference) : 'auto';
}

export const backendStatus: BackendStatus = $state({ preference: initialPreference(), starting: false });

let current: Promise<void> | undefined;

/** Loads tfjs and chooses its backend, once; later calls wait on the same start (or the latest switch). */
export function startBackend(): Promise<void> {
  current ??= choose(backendStatus.preference);
  return current;
}

setBackendStarter(startBackend);

/** Switches backend at the reader's request and remembers the choice. */
export function chooseBackend(preference: BackendPreference): Promise<void> {
  backendStatus.preference = preference;
  backendStatus.note = undefined;
  try {
    localStorage.setItem(PREFERENCE_KEY, preference);
  } catch {
    /* not remembered */
  }
  current = (current ?? Promise.resolve()).then(() => choose(preference));
  return current;
}

/** Stops watching the previous backend's WebGL context. */
let unwatch = () => undefined as void;

async function choose(preference: BackendPreference, reason?: string): Promise<void> {
  backendStatus.starting = true;
  backendStatus.error = undefined;
  unwatch();
  try {
    const [{ selectBackend }, { browserWasmPaths }, { watchWebglContext }] = await Promise.all([
      import('../lib/ml/backend'),
      import('../lib/ml/wasm-paths.browser'),
      import('../lib/ml/context-loss'),
    ]);
    const report = await selectBackend({
      preference,
      wasmPaths: browserWasmPaths,
      allowSoftwareWebgl: new URLSearchParams(location.search).has('softwareWebgl'),
    });
    backendStatus.report = reason ? { ...report, reason } : report;
    unwatch = watchWebglContext(onContextLost);
    await exposeTensorCount();
  } catch (error) {
    backendStatus.error = error instanceof Error ? error.message : String(error);
  } finally {
    backendStatus.starting = false;
  }
}

/**
 * The browser took WebGL's context away (see lib/ml/context-loss.ts): train on
 * WASM from now on, without changing the reader's remembered choice, and say so.
 * Runs that start meanwhile wait for the switch (startBackend returns it); the run that
 * was training ends with a message once this returns.
 */
function onContextLost(): void {
  backendStatus.note = 'WebGL context lost';
  current = choose('wasm', 'The WebGL context was lost (the browser reset the GPU), so training moved to WASM.');
}

/**
 * `window.fitbook.numTensors()` tells how many tensors TensorFlow.js holds:
 * browser tests use it to check that training leaks none, and a curious
 * reader can use it from the console.
 */
async function exposeTensorCount(): Promise<void> {
  const tf = await import('@tensorflow/tfjs');
  const { webglCanvas } = await import('../lib/ml/context-loss');
  (window as unknown as { fitbook?: object }).fitbook = {
    numTensors: () => tf.memory().numTensors,
    backend: () => tf.getBackend(),
    // Lets browser tests lose the context (WEBGL_lose_context) as a GPU reset would.
    webglCanvas,
  };
}
