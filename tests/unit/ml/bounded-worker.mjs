// Worker thread for edge-cases.test.ts: runs one case of bounded-cases.ts (loaded through tsx,
// since a worker does not share vitest's TypeScript transform) and reports how it ended.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { boundedCases } = await tsImport('./bounded-cases.ts', import.meta.url);
try {
  boundedCases[workerData.name]();
  parentPort.postMessage({ threw: false, message: '' });
} catch (e) {
  parentPort.postMessage({ threw: true, message: e instanceof Error ? e.message : String(e) });
}
