// Reading a table out of an input cell's output, and checking that the
// columns a cell's options name are in it.
import type { Table } from '../../lib/data/table';
import { columnNames } from '../../lib/data/table';
import { columnRoles, type ColumnRoleInfo } from '../../lib/data/roles';
import { summarise, type ColumnSummary } from '../../lib/data/summary';

/** Cells whose output carries a table (dataset, prepare, split…) put it here. */
export interface HasTable {
  table: Table;
}

/** Output of a cell that has no data yet (an empty dataset cell); dependents wait. */
export interface Waiting {
  waiting: string;
}

export function waitingOn(input: unknown): Waiting | undefined {
  const message = (input as Partial<Waiting> | undefined)?.waiting;
  return typeof message === 'string' ? { waiting: message } : undefined;
}

export function isWaiting(output: unknown): output is Waiting {
  return waitingOn(output) !== undefined;
}

export function tableFrom(input: unknown, inputId: string): Table {
  const table = (input as Partial<HasTable> | undefined)?.table;
  if (!table || !Array.isArray(table.columns)) {
    throw new Error(`The input '${inputId}' does not hold a table yet.`);
  }
  return table;
}

/**
 * A cell whose options name columns the data lacks (say after the reader
 * uploaded a different CSV) outputs this instead of failing; its view asks
 * the reader to pick replacements.
 */
export interface ColumnChoice {
  needsColumns: true;
  missing: string[];
  available: string[];
}

export function missingColumns(table: Table, wanted: string[]): ColumnChoice | undefined {
  const available = columnNames(table);
  // A set: a file may have 10,000 columns, and a list lookup per name would be quadratic.
  const known = new Set(available);
  const missing = wanted.filter((name) => !known.has(name));
  return missing.length ? { needsColumns: true, missing, available } : undefined;
}

export function isColumnChoice(output: unknown): output is ColumnChoice {
  return (output as ColumnChoice | undefined)?.needsColumns === true;
}

/**
 * Columns and roles of the table a cell's output holds (a dataset's, a
 * prepare's, a split's training part); undefined when it holds none.
 */
export function outputColumns(output: unknown): ColumnRoleInfo[] | undefined {
  const holder = output as { table?: Table; summaries?: ColumnSummary[]; train?: Table } | undefined;
  const table = holder?.table ?? holder?.train;
  if (!table || !Array.isArray(table.columns)) return undefined;
  const summaries = holder?.summaries ?? summariesOf(table);
  return columnRoles(table, summaries);
}

/** Tables are never changed once made, so each is summarised once, however often a form asks. */
const summarised = new WeakMap<Table, ColumnSummary[]>();

function summariesOf(table: Table): ColumnSummary[] {
  let summaries = summarised.get(table);
  if (!summaries) summarised.set(table, (summaries = summarise(table)));
  return summaries;
}
