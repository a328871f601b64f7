// The tfjs backends a Node test can run on: cpu, and wasm with its .wasm files read from
// node_modules (as tests/unit/ml/backend.test.ts does). WebGL needs a browser (e2e tests).
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { selectBackend, type BackendName } from '../../../src/lib/ml/backend';

const require = createRequire(import.meta.url);
const wasmPaths = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/';

export const NODE_BACKENDS = ['cpu', 'wasm'] as const;

/** Switches tfjs to `name`; throws when it could not (so a test never silently runs on another). */
export async function useBackend(name: BackendName): Promise<void> {
  const report = await selectBackend({ preference: name, wasmPaths });
  if (report.backend !== name) throw new Error(`backend ${name} unavailable: ${report.reason}`);
}
