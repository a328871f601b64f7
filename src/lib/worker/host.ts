// The worker's side of the engine protocol: holds the tables the page has
// sent (by id), runs tasks from a task table, and cancels them on request.
// It has no DOM or worker global of its own, so tests drive it through a
// MessageChannel in Node (engine.worker.ts exposes it in the browser).
import { transfer } from 'comlink';
import type { Column, Table } from '../data/table';
import { abortError, type ColumnHeader, type EngineHost, type TaskTable } from './protocol';

export function createEngineHost(tasks: TaskTable): EngineHost {
  const tables = new Map<number, Table>();
  const running = new Map<number, AbortController>();

  function tableOf(id: number): Table {
    const table = tables.get(id);
    if (!table) throw new Error(`The engine worker has no table ${id} (it was not sent, or was forgotten).`);
    return table;
  }

  return {
    putTable(id, rowCount, headers) {
      const columns = headers.map((h: ColumnHeader): Column =>
        h.type === 'numeric' || h.type === 'boolean'
          ? { name: h.name, type: h.type, values: new Float64Array(0), ...(h.labels ? { labels: h.labels } : {}) }
          : { name: h.name, type: h.type, values: new Array<string | null>(rowCount) },
      );
      tables.set(id, { columns, rowCount });
    },
    putValues(id, column, offset, values) {
      const table = tableOf(id);
      const target = table.columns[column];
      if (values instanceof Float64Array) {
        if (target.type !== 'numeric' && target.type !== 'boolean') throw new Error(`Column ${column} of table ${id} is not numeric.`);
        // A whole column (shared memory, or one clone) is kept as it came: no copy here.
        if (offset === 0 && values.length === table.rowCount) target.values = values;
        else {
          if (target.values.length !== table.rowCount) target.values = new Float64Array(table.rowCount);
          target.values.set(values, offset);
        }
      } else {
        if (target.type === 'numeric' || target.type === 'boolean') throw new Error(`Column ${column} of table ${id} is numeric.`);
        for (let i = 0; i < values.length; i++) target.values[offset + i] = values[i];
      }
    },
    forget(ids) {
      for (const id of ids) tables.delete(id);
    },
    async run(taskId, name, args, ids, onProgress) {
      const task = Object.hasOwn(tasks, name) ? tasks[name] : undefined;
      if (!task) throw new Error(`The engine has no task '${name}'.`);
      const named = Object.fromEntries(Object.entries(ids).map(([key, id]) => [key, tableOf(id)]));
      const controller = new AbortController();
      running.set(taskId, controller);
      try {
        const result = await task(args, named, {
          signal: controller.signal,
          progress: (update) => void onProgress?.(update),
        });
        controller.signal.throwIfAborted();
        const buffers = resultBuffers(result, heldBuffers(tables));
        return buffers.length ? transfer(result, buffers) : result;
      } catch (error) {
        throw controller.signal.aborted ? abortError() : error;
      } finally {
        running.delete(taskId);
      }
    },
    cancel(taskId) {
      running.get(taskId)?.abort(abortError());
    },
    held: () => [...tables.keys()],
  };
}

function heldBuffers(tables: Map<number, Table>): Set<ArrayBufferLike> {
  const held = new Set<ArrayBufferLike>();
  for (const table of tables.values()) for (const c of table.columns) if (c.values instanceof Float64Array) held.add(c.values.buffer);
  return held;
}

/**
 * The ArrayBuffers of a result's typed arrays (predictions, a prepared table),
 * to be moved to the page instead of copied. Buffers of held tables are left
 * out: a result may pass a column through unchanged, and moving it would
 * empty the worker's copy.
 */
export function resultBuffers(value: unknown, held: Set<ArrayBufferLike>, found = new Set<ArrayBuffer>(), depth = 0): ArrayBuffer[] {
  if (depth > 6 || value === null || typeof value !== 'object') return [...found];
  if (ArrayBuffer.isView(value)) {
    const buffer = value.buffer;
    if (buffer instanceof ArrayBuffer && !held.has(buffer) && buffer.byteLength > 0) found.add(buffer);
  } else if (Array.isArray(value)) {
    // Long arrays of plain values (string columns, labels) hold no buffers worth a look.
    const sample = value.length > 64 ? [value[0], value[value.length - 1]] : value;
    if (value.length <= 64 || sample.some((v) => typeof v === 'object' && v !== null)) for (const v of value) resultBuffers(v, held, found, depth + 1);
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    for (const v of Object.values(value)) resultBuffers(v, held, found, depth + 1);
  }
  return [...found];
}
