// Runs the benchmark tasks in headless Chromium on the harness page of a fresh build,
// on the backend the app would pick ('auto'). Skips with a reason when it cannot.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchmarkConfig, BenchmarkResult, BackendReport } from '../../src/lib/ml';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = 4399;

export interface BrowserRun {
  report: BackendReport;
  results: BenchmarkResult[];
  userAgent: string;
  /** Gradient descent again on software WebGL (SwiftShader), to show why 'auto' avoids it. */
  softwareWebgl: { report: BackendReport; results: BenchmarkResult[] } | string;
}

async function waitForServer(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

export async function runInBrowser(config: BenchmarkConfig, log: (s: string) => void): Promise<BrowserRun | string> {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  const outDir = mkdtempSync(join(tmpdir(), 'fitbook-bench-build-'));
  let server: ChildProcess | null = null;
  try {
    log('building the app (vite build) for the browser run…');
    const build = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { encoding: 'utf8' });
    if (build.status !== 0) return `vite build failed: ${(build.stderr || build.stdout).trim().split('\n').slice(-3).join(' ')}`;
    server = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
      stdio: 'ignore',
      detached: true,
    });
    const base = `http://127.0.0.1:${PORT}/`;
    await waitForServer(`${base}harness.html`, 30_000);
    // @playwright/test re-exports playwright-core's launcher (and is a declared dependency).
    const { chromium } = await import('@playwright/test');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
    });
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(300_000);
      await page.goto(`${base}harness.html`);
      await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
      const run = await page.evaluate(async (cfg) => {
        const fb = window.fitbook;
        const report = await fb.selectBackend({ preference: 'auto' });
        const results = await fb.ml.runBenchmark(cfg);
        let softwareWebgl: { report: typeof report; results: typeof results } | string;
        try {
          const webgl = await fb.selectBackend({ preference: 'webgl', allowSoftwareWebgl: true });
          softwareWebgl =
            webgl.backend === 'webgl'
              ? { report: webgl, results: await fb.ml.runBenchmark({ ...cfg, tasks: ['gd-logistic'] }) }
              : `WebGL unavailable (${webgl.warnings.join(' ')})`;
        } catch (e) {
          softwareWebgl = `WebGL run failed: ${String(e)}`;
        }
        return { report, results, userAgent: navigator.userAgent, softwareWebgl };
      }, config);
      return run;
    } finally {
      await browser.close();
    }
  } catch (e) {
    return `browser run failed: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid); // the preview server and its children (our own process group)
      } catch {
        /* already gone */
      }
    }
    rmSync(outDir, { recursive: true, force: true });
  }
}
