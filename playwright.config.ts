import { defineConfig } from '@playwright/test';

// Browser tests drive Debian's Chromium (npx playwright install cannot download here).
// scripts/ensure-chromium.mjs installs it when missing; CHROMIUM_PATH overrides the path.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.FITBOOK_TEST_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.FITBOOK_JSON_REPORT
    ? [['list'], ['json', { outputFile: process.env.FITBOOK_JSON_REPORT }]]
    : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: {
      executablePath,
      // SwiftShader gives headless Chromium a software WebGL, so the WebGL path is testable.
      args: [
        '--no-sandbox',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
        '--ignore-gpu-blocklist',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // The tests run against the static build, exactly what a web host would serve.
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
