// "Remove the rows that have missing values": the simplest strategy, and the
// one that throws away the most data, so the report says how much.

import { isMissing, takeRows, type Table } from '../table';
import { selectColumns } from './columns';
import { count, emptyReport, type StepResult } from './report';

export interface DropMissingOptions {
  /** Drop a row when one of these columns is missing there; every column when left out. */
  columns?: string[];
}

const STEP = 'Drop rows with missing values';

export function dropMissing(table: Table, options: DropMissingOptions = {}): StepResult {
  const columns = selectColumns(table, options.columns, STEP, () => true);
  const keep: number[] = [];
  const missingPerColumn = new Array<number>(columns.length).fill(0);
  for (let row = 0; row < table.rowCount; row++) {
    let complete = true;
    columns.forEach((column, j) => {
      if (isMissing(column, row)) {
        missingPerColumn[j]++;
        complete = false;
      }
    });
    if (complete) keep.push(row);
  }
  const result = keep.length === table.rowCount ? table : takeRows(table, keep);
  const report = emptyReport('drop-missing', table.rowCount, keep.length);
  columns.forEach((column, j) => count(report, column.name, { missing: missingPerColumn[j] }));
  return { table: result, report };
}
