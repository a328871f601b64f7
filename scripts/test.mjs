// `npm test`: unit tests (Vitest, in Node), then browser tests (Playwright on
// Debian's Chromium against the static build), then one closing line that
// counts both: "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = '.test-results';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;

const only = process.argv[2]; // 'unit' or 'e2e' runs one half
if (only !== 'e2e') {
  const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/unit.json`]);
  const unit = readJson(`${reports}/unit.json`);
  if (unit) {
    passed += unit.numPassedTests;
    failed += unit.numFailedTests;
    skipped += unit.numPendingTests + unit.numTodoTests;
  }
  if (status !== 0 && (!unit || unit.numFailedTests === 0)) broken = true;
}

if (only !== 'unit') {
  const ready = run('node', ['scripts/ensure-chromium.mjs']) === 0 && run('npx', ['vite', 'build', '--logLevel', 'warn']) === 0;
  if (!ready) broken = true;
  else {
    const status = run('npx', ['playwright', 'test'], { FITBOOK_JSON_REPORT: `${reports}/e2e.json` });
    const e2e = readJson(`${reports}/e2e.json`);
    if (e2e) {
      passed += e2e.stats.expected + e2e.stats.flaky;
      failed += e2e.stats.unexpected;
      skipped += e2e.stats.skipped;
    }
    if (status !== 0 && (!e2e || e2e.stats.unexpected === 0)) broken = true;
  }
}

if (broken) console.error('A test run could not start or crashed; see the output above.');
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || broken ? 1 : 0);
