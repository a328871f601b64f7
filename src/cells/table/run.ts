// The table cell shows the first rows of chosen columns of its input.
import { valueOf } from '../../lib/notebook/controls';
import type { RunContext } from '../types';
import { missingColumns, tableFrom, waitingOn, type ColumnChoice, type Waiting } from '../shared/table-input';
import { firstRows, type TableRows } from '../shared/rows';
import type { TableOptions } from './schema';

/** The rows shown, and every column the input has (for the column picker). */
export interface TableOutput extends TableRows {
  available: string[];
}

export function runTable({ options, inputs }: RunContext<TableOptions>): TableOutput | ColumnChoice | Waiting {
  const input = inputs[options.input];
  const waiting = waitingOn(input);
  if (waiting) return waiting;
  const table = tableFrom(input, options.input);
  const available = table.columns.map((c) => c.name);
  const wanted = options.columns ?? available;
  return missingColumns(table, wanted) ?? { ...firstRows(table, wanted, valueOf(options.rows)), available };
}
