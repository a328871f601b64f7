// What the page and the CSV worker exchange through the shared worker
// protocol (lib/worker): the 'csv.read' task's arguments, progress and reply.

import type { ColumnSummary } from '../summary';
import { isNumeric, type Column, type Table } from '../table';
import type { CsvErrorData } from './errors';
import type { CsvOptions } from './options';
import type { CsvMeta } from './read';

export interface CsvReadArgs {
  /** A File (or any Blob, posted as a reference), bytes (transferred: the sender's buffer is emptied), or text already in memory. */
  file: Blob | ArrayBuffer | string;
  options: CsvOptions;
}

/** How far the read is: the fraction done and, where known, the data rows read so far. */
export interface CsvReadProgress {
  fraction: number;
  rows?: number;
}

/** The task's reply: the table (its numeric buffers are transferred, not copied), or the CsvError as data. */
export type CsvReadReply =
  | { type: 'result'; table: Table; meta: CsvMeta; summaries: ColumnSummary[] }
  | { type: 'error'; error: CsvErrorData };

/** The Table from a reply, checked, since a worker is another program. */
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
