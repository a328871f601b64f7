// "We do not want our model to learn anything based on the order of the data":
// a seeded shuffle of the rows, so the same seed always gives the same order.

import { permutation, type Rng } from '../random';
import { takeRows, type Table } from '../table';
import { emptyReport, type StepReport } from './report';

export interface ShuffleResult {
  table: Table;
  report: StepReport;
  /** order[i] is the original row now at position i. */
  order: Int32Array;
}

export function shuffleRows(table: Table, seed: number | Rng): ShuffleResult {
  const order = permutation(table.rowCount, seed);
  return { table: takeRows(table, order), report: emptyReport('shuffle', table.rowCount), order };
}
