// The one engine runner of the page: cells ask it for work by name
// (runEngineTask). In the browser large work goes to the engine worker; in
// Node (Vitest, scripts) there is no Worker and every task runs in-process,
// through the same task functions.
import type { Table } from '../../lib/data/table';
import { createTaskRunner, type RunOptions, type TaskRunner } from '../../lib/worker/client';
import type { DataParts } from '../shared/parts';
import { engineTasks } from './tasks';

let runner: TaskRunner | undefined;

function createEngineWorker(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'fitbook engine' });
}

/** The shared runner, made on first use (the worker itself starts with the first task sent to it). */
export function engine(): TaskRunner {
  runner ??= createTaskRunner({
    tasks: engineTasks,
    createWorker: typeof Worker === 'undefined' ? undefined : createEngineWorker,
  });
  return runner;
}

export type EngineTaskName = keyof typeof engineTasks & string;

export function runEngineTask<R, P = unknown>(name: EngineTaskName, args: unknown, options?: RunOptions<P>): Promise<R> {
  return engine().run<R, P>(name, args, options);
}

/** The parts present, as a task's tables (train, validation, test). */
export function partTables(parts: DataParts): Record<string, Table> {
  return Object.fromEntries(Object.entries(parts).filter((entry): entry is [string, Table] => entry[1] !== undefined));
}
