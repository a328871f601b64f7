// Runs numpy/scikit-learn on the benchmark's data, when /usr/bin/python3 has them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SyntheticData } from '../../src/lib/ml/synthetic';

export interface Timing {
  ms: number;
  loss: number;
  iterations?: number;
  warnings?: string[];
}

export interface PythonReference {
  sklearn: string | null;
  lstsq: Timing;
  'logistic-lbfgs'?: Timing;
  'logistic-newton-cholesky'?: Timing;
}

const PYTHON = '/usr/bin/python3';

export function pythonAvailable(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const r = spawnSync(PYTHON, ['-c', 'import numpy, sklearn']);
  return r.status === 0 ? null : 'numpy or scikit-learn is not installed for /usr/bin/python3';
}

/** Writes X (column by column), y and the labels as little-endian float64, then runs reference.py. */
export function runPythonReference(data: SyntheticData): PythonReference {
  const dir = mkdtempSync(join(tmpdir(), 'fitbook-bench-'));
  const file = join(dir, 'data.f64');
  try {
    const { rows, cols } = data.X;
    const all = new Float64Array(rows * (cols + 2));
    data.X.columns.forEach((c, j) => all.set(c, j * rows));
    all.set(data.y, cols * rows);
    all.set(Float64Array.from(data.labels), (cols + 1) * rows);
    writeFileSync(file, new Uint8Array(all.buffer));
    const script = fileURLToPath(new URL('./reference.py', import.meta.url));
    const out = execFileSync(PYTHON, [script, file, String(rows), String(cols)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    return JSON.parse(out) as PythonReference;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
