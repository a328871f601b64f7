// The Python that checks generated code: Debian's python3 with scikit-learn
// and pandas (CI installs python3-sklearn and python3-pandas). Tests that need
// it are skipped, with this reason printed, where it is missing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function find(): { python?: string; reason?: string } {
  for (const python of [process.env.FITBOOK_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean) as string[]) {
    const probe = spawnSync(python, ['-c', 'import sklearn, pandas'], { encoding: 'utf8' });
    if (probe.status === 0) return { python };
  }
  return { reason: 'no python3 with scikit-learn and pandas (apt-get install python3-sklearn python3-pandas)' };
}

export const { python, reason: noPythonReason } = find();

/** Runs a script in a folder; throws with its error output when it fails. */
export function runPythonScript(script: string, cwd: string): string {
  const run = spawnSync(python!, [script], { cwd, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`python failed:\n${run.stderr}`);
  return run.stdout;
}

/**
 * Runs a Python script that reads `case.json` (written from `input`) from its
 * working folder and prints one JSON value; returns that value.
 */
export function runPythonJson<T>(script: string, input: unknown): T {
  const dir = mkdtempSync(join(tmpdir(), 'fitbook-python-'));
  writeFileSync(join(dir, 'case.json'), JSON.stringify(input, (_, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));
  writeFileSync(join(dir, 'check.py'), script);
  return JSON.parse(runPythonScript('check.py', dir)) as T;
}
