// The table cell shows the first rows of chosen columns of its input.
import { valueOf } from '../../lib/notebook/controls';
import type { RunContext } from '../types';
import { missingColumns, tableFrom, waitingOn, type ColumnChoice, type Waiting } from '../shared/table-input';
import { firstRows, type TableRows } from '../shared/rows';
import type { TableOptions } from './schema';

export function runTable({ options, inputs }: RunContext<TableOptions>): TableRows | ColumnChoice | Waiting {
  const input = inputs[options.input];
  const waiting = waitingOn(input);
  if (waiting) return waiting;
  const table = tableFrom(input, options.input);
  const wanted = options.columns ?? table.columns.map((c) => c.name);
  return missingColumns(table, wanted) ?? firstRows(table, wanted, valueOf(options.rows));
}
