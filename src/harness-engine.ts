// The engine worker, as the browser tests (tests/e2e/engine-worker.spec.ts)
// and the benchmark (scripts/bench/engine.mjs) drive it: the shared runner
// the cells use, and the cells' own runs on a synthetic table, so that what
// is measured is what a cell does (its main-thread part included).
import type { Table } from './lib/data/table';
import { syntheticData } from './lib/ml/synthetic';
import { engine } from './cells/engine/run-task';
import { runRegressionCell } from './cells/regression/run';
import { regressionSchema } from './cells/regression/schema';
import { runClassifierCell } from './cells/classifier/run';
import { classifierSchema } from './cells/classifier/schema';
import { runCrossval } from './cells/crossval/run';
import { crossvalSchema } from './cells/crossval/schema';
import { runEvaluateCell } from './cells/evaluate/run';
import { evaluateSchema } from './cells/evaluate/schema';
import type { RunContext } from './cells/types';

/** rows × features Gaussian features x1…, a numeric target y and a class label (yes/no). */
function synthetic(rows: number, features: number, seed = 42): Table {
  const data = syntheticData(rows, features, seed);
  return {
    rowCount: rows,
    columns: [
      ...data.X.columns.map((values, j) => ({ name: `x${j + 1}`, type: 'numeric' as const, values })),
      { name: 'y', type: 'numeric', values: data.y },
      { name: 'label', type: 'categorical', values: Array.from(data.labels, (l) => (l ? 'yes' : 'no')) },
    ],
  };
}

const kinds = {
  regression: { run: runRegressionCell, schema: regressionSchema },
  classifier: { run: runClassifierCell, schema: classifierSchema },
  crossval: { run: runCrossval, schema: crossvalSchema },
  evaluate: { run: runEvaluateCell, schema: evaluateSchema },
} as const;

/** Runs a cell kind's `run` on `inputs`, as the runtime would. */
async function runCell(kind: keyof typeof kinds, options: Record<string, unknown>, inputs: Record<string, unknown>, signal?: AbortSignal) {
  const { run, schema } = kinds[kind];
  const ctx: RunContext<unknown> = { id: kind, options: schema.parse(options), inputs, signal: signal ?? new AbortController().signal, progress() {}, partial() {} };
  return (run as (ctx: RunContext<unknown>) => Promise<unknown>)(ctx);
}

export const engineHarness = {
  synthetic,
  runCell,
  run: (name: string, args: unknown, tables: Record<string, Table>, where: 'auto' | 'worker' | 'inline' = 'auto') =>
    engine().run(name, args, { tables, where }),
  stats: () => ({ ...engine().stats }),
  held: () => engine().held(),
  /** Where the cells' tasks run ('inline': in the page, as before the worker), and whether tables go as shared memory. */
  tune: (settings: { where?: 'auto' | 'worker' | 'inline'; shareMemory?: boolean }) => engine().tune(settings),
  crossOriginIsolated: () => globalThis.crossOriginIsolated === true,
  /** Replaces the shared runner's worker (as a crash would): later tasks start a fresh one. */
  dispose: () => engine().dispose(),
};
