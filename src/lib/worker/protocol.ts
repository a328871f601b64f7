// The engine worker protocol: what a task is, and what the page and the
// worker say to each other. Tasks are plain functions of (args, tables,
// context); the same function runs in the worker (through host.ts) or, for
// small inputs and in Node, in the caller's thread (client.ts), so a result
// never depends on where it was computed.
//
// Tables travel apart from the arguments: the page gives each table an
// identity and sends its columns once; the worker keeps them (see host.ts)
// and later calls name them by id. That is what keeps a slider move from
// copying a million-row table again.
import type { Table } from '../data/table';

export interface TaskContext<P = unknown> {
  /** Aborted when the caller cancels; a task checks it between steps (a fold, a sweep value). */
  signal: AbortSignal;
  /** Reports progress or a partial result to the caller (never awaited). */
  progress(update: P): void;
}

/**
 * A named unit of engine work. Arguments and results must be structured-cloneable
 * (no functions, no class instances). The buffers of a result's typed arrays are
 * moved to the caller, so a task must not keep them (in a cache, say).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Task<A = any, R = any, P = any> = (args: A, tables: Record<string, Table>, ctx: TaskContext<P>) => R | Promise<R>;

export type TaskTable = Record<string, Task>;

/** A column's description, sent before its values. */
export interface ColumnHeader {
  name: string;
  type: Table['columns'][number]['type'];
  labels?: [string, string];
}

/** What the worker exposes (through Comlink). */
export interface EngineHost {
  /** Starts receiving a table: its shape; the values follow with putValues. */
  putTable(id: number, rowCount: number, columns: ColumnHeader[]): void;
  /**
   * Values of column `column` of table `id`, starting at row `offset`: a whole
   * Float64Array (shared or cloned), or a slice of a string column (long string
   * columns come in slices, so no single message blocks the page for long).
   */
  putValues(id: number, column: number, offset: number, values: Float64Array | (string | null)[]): void;
  /** Drops tables the page no longer needs. */
  forget(ids: number[]): void;
  /** Runs task `name`; `tables` maps the task's table names to ids already put. */
  run(taskId: number, name: string, args: unknown, tables: Record<string, number>, onProgress?: (update: unknown) => void): Promise<unknown>;
  /** Aborts the task's signal; the task stops at its next check. */
  cancel(taskId: number): void;
  /** Ids of the tables held (for tests and the benchmark). */
  held(): number[];
}

/** The error a cancelled task rejects with (the same as an aborted fetch). */
export function abortError(): DOMException {
  return new DOMException('The engine task was cancelled.', 'AbortError');
}
