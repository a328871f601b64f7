// The messages between the page (client.ts) and the CSV worker (csv.worker.ts).

import type { ColumnSummary } from '../summary';
import { isNumeric, type Column, type Table } from '../table';
import type { CsvErrorData } from './errors';
import type { CsvOptions } from './options';
import type { CsvMeta } from './read';

export interface CsvRequest {
  id: number;
  /** A File (or any Blob), bytes (transferred: the sender's buffer is emptied), or text already in memory. */
  file: Blob | ArrayBuffer | string;
  options: CsvOptions;
}

export type CsvResponse =
  | { id: number; type: 'progress'; fraction: number; /** Data rows read so far, where known. */ rows?: number }
  | { id: number; type: 'result'; table: Table; meta: CsvMeta; summaries: ColumnSummary[] }
  | { id: number; type: 'error'; error: CsvErrorData };

/**
 * The buffers of the numeric and boolean columns: posted in the transfer list
 * they move to the page without a copy (and are unusable in the worker after).
 */
export function transferList(table: Table): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const column of table.columns) {
    if (isNumeric(column) && column.values.buffer instanceof ArrayBuffer) buffers.push(column.values.buffer);
  }
  return buffers;
}

/** The Table from a result message, checked, since a worker is another program. */
export function tableFromMessage(table: Table): Table {
  const columns = table.columns.map((c): Column => {
    if (isNumeric(c)) {
      if (!(c.values instanceof Float64Array)) throw new Error(`Column "${c.name}" did not arrive as a Float64Array`);
    } else if (!Array.isArray(c.values)) {
      throw new Error(`Column "${c.name}" did not arrive as an array`);
    }
    if (c.values.length !== table.rowCount) throw new Error(`Column "${c.name}" has the wrong length`);
    return c;
  });
  return { columns, rowCount: table.rowCount };
}
