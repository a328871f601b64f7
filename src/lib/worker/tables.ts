// Sending a table to the engine worker, column by column. Each message is
// awaited, so the page gets a turn between columns instead of one long
// structured clone of the whole table. With shared memory (the page is
// cross-origin isolated) a numeric column is copied once into a
// SharedArrayBuffer, remembered, and from then on passes to any worker
// without a copy; otherwise each column is cloned, in slices of a million
// values at most.
import type { Remote } from 'comlink';
import { isNumeric, type Table } from '../data/table';
import { abortError, type ColumnHeader, type EngineHost } from './protocol';

/** Values per message: 8 MB of numbers, or a block of strings, keeps each clone to a few ms. */
const NUMBER_SLICE = 1 << 20;
const STRING_SLICE = 1 << 16;

// The shared copy of each column sent with shared memory, so it is made once.
const sharedCopies = new WeakMap<Float64Array, Float64Array>();

export function sharedCopy(values: Float64Array): Float64Array {
  if (values.buffer instanceof SharedArrayBuffer) return values;
  let copy = sharedCopies.get(values);
  if (!copy) {
    copy = new Float64Array(new SharedArrayBuffer(values.byteLength));
    copy.set(values);
    sharedCopies.set(values, copy);
  }
  return copy;
}

/** The numbers a task over these tables touches at least (rows × columns). */
export function tableWork(tables: Record<string, Table>): number {
  return Object.values(tables).reduce((sum, t) => sum + t.rowCount * t.columns.length, 0);
}

export interface SendOptions {
  shareMemory: boolean;
  /** Checked between messages: a cancelled send stops and the worker forgets the half-sent table. */
  cancelled(): boolean;
}

export async function sendTable(remote: Remote<EngineHost>, id: number, table: Table, options: SendOptions): Promise<void> {
  const headers = table.columns.map((c): ColumnHeader => ({ name: c.name, type: c.type, ...('labels' in c && c.labels ? { labels: c.labels } : {}) }));
  await remote.putTable(id, table.rowCount, headers);
  for (let j = 0; j < table.columns.length; j++) {
    const column = table.columns[j];
    if (isNumeric(column)) {
      const values = options.shareMemory ? sharedCopy(column.values) : column.values;
      const whole = values.buffer instanceof SharedArrayBuffer || (values.length <= NUMBER_SLICE && values.byteLength === values.buffer.byteLength);
      if (whole) await putChecked(remote, id, j, 0, values, options);
      // A view's clone would carry its whole buffer, so slices are copies.
      else for (let start = 0; start < values.length; start += NUMBER_SLICE) await putChecked(remote, id, j, start, values.slice(start, start + NUMBER_SLICE), options);
    } else {
      for (let start = 0; start < column.values.length; start += STRING_SLICE) {
        await putChecked(remote, id, j, start, column.values.slice(start, start + STRING_SLICE), options);
      }
    }
  }
}

async function putChecked(remote: Remote<EngineHost>, id: number, column: number, offset: number, values: Float64Array | (string | null)[], options: SendOptions) {
  if (options.cancelled()) {
    await remote.forget([id]);
    throw abortError();
  }
  await remote.putValues(id, column, offset, values);
}
