// Runs the benchmark tasks in headless Chromium on the harness page of a fresh build,
// on the backend the app would pick ('auto'). Skips with a reason when it cannot.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchmarkConfig, BenchmarkResult, BackendReport } from '../../src/lib/ml';
import { startPreview } from './preview.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = 4399;

export interface BrowserRun {
  report: BackendReport;
  results: BenchmarkResult[];
  userAgent: string;
  /** Gradient descent again on software WebGL (SwiftShader), to show why 'auto' avoids it. */
  softwareWebgl: { report: BackendReport; results: BenchmarkResult[] } | string;
}

export async function runInBrowser(config: BenchmarkConfig, log: (s: string) => void): Promise<BrowserRun | string> {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  const outDir = mkdtempSync(join(tmpdir(), 'fitbook-bench-build-'));
  let server: { base: string; stop: () => void } | null = null;
  try {
    log('building the app (vite build) for the browser run…');
    const build = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { encoding: 'utf8' });
    if (build.status !== 0) return `vite build failed: ${(build.stderr || build.stdout).trim().split('\n').slice(-3).join(' ')}`;
    // Its own process group, polled until it answers, stopped with all its children (preview.mjs).
    server = await startPreview({ port: PORT, outDir, path: 'harness.html' });
    const base = server.base;
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
    server?.stop();
    rmSync(outDir, { recursive: true, force: true });
  }
}
