// Starts `vite preview` for a benchmark in its own process group, waits until it
// answers (polling, not a fixed delay: a loaded machine can take many seconds),
// and stops the whole group (npx, node, vite) on stop(), on exit and on signals,
// so no server outlives the benchmark.
import { spawn } from 'node:child_process';

async function waitForServer(url, ms, child) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not answering yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url} within ${ms / 1000} s`);
}

function killGroup(child) {
  if (!child.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM'); // negative pid: the whole process group
  } catch {
    /* already gone */
  }
}

/**
 * @param {{ port: number, outDir?: string, path?: string, timeoutMs?: number }} options
 * @returns {Promise<{ base: string, stop: () => void }>}
 */
export async function startPreview({ port, outDir, path = '', timeoutMs = 60_000 }) {
  const args = ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'];
  if (outDir) args.push('--outDir', outDir);
  const child = spawn('npx', args, { stdio: 'ignore', detached: true });
  const stop = () => killGroup(child);
  const onSignal = (signal) => {
    stop();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('exit', stop);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const base = `http://127.0.0.1:${port}/`;
  try {
    await waitForServer(base + path, timeoutMs, child);
  } catch (e) {
    stop();
    throw e;
  }
  return { base, stop };
}
