// numpy / scikit-learn references for the engine bench, when /usr/bin/python3 has them. One
// Python process per data set (reference.py) keeps the data loaded and runs one task per
// request, so that scripts/bench.ts can alternate each reference with fitbook's own fit.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { SyntheticData } from '../../src/lib/ml/synthetic';

export interface Timing {
  ms: number;
  /** CPU time of all its threads. */
  cpuMs?: number;
  loss: number;
  iterations?: number;
  warnings?: string[];
}

const PYTHON = '/usr/bin/python3';

export function pythonAvailable(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const r = spawnSync(PYTHON, ['-c', 'import numpy, sklearn']);
  return r.status === 0 ? null : 'numpy or scikit-learn is not installed for /usr/bin/python3';
}

export class PythonReference {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly lines: AsyncIterator<string>,
    private readonly reader: Interface,
    private readonly dir: string,
    readonly sklearn: string | null,
  ) {}

  /** Writes X (column by column), y and the labels as little-endian float64 and starts reference.py on them. */
  static async start(data: SyntheticData): Promise<PythonReference> {
    const dir = mkdtempSync(join(tmpdir(), 'fitbook-bench-'));
    const file = join(dir, 'data.f64');
    const { rows, cols } = data.X;
    const all = new Float64Array(rows * (cols + 2));
    data.X.columns.forEach((c, j) => all.set(c, j * rows));
    all.set(data.y, cols * rows);
    all.set(Float64Array.from(data.labels), (cols + 1) * rows);
    writeFileSync(file, new Uint8Array(all.buffer));
    const script = fileURLToPath(new URL('./reference.py', import.meta.url));
    const child = spawn(PYTHON, [script, file, String(rows), String(cols)], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const reader = createInterface({ input: child.stdout });
    const lines = reader[Symbol.asyncIterator]();
    const first = await lines.next();
    if (first.done) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`reference.py did not start: ${stderr.trim()}`);
    }
    const hello = JSON.parse(first.value) as { sklearn: string | null };
    return new PythonReference(child, lines, reader, dir, hello.sklearn);
  }

  /** Runs one task (see reference.py) and returns its timing, measured inside Python. */
  async run(task: string): Promise<Timing> {
    this.child.stdin.write(task + '\n');
    const next = await this.lines.next();
    if (next.done) throw new Error(`reference.py exited during '${task}'`);
    const out = JSON.parse(next.value) as Timing & { error?: string };
    if (out.error) throw new Error(`reference.py '${task}': ${out.error}`);
    return out;
  }

  close(): void {
    this.reader.close();
    this.child.stdin.end();
    this.child.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
