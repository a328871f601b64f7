// The sql cell runs a query over the tables of the cells it names, with
// DuckDB (lib/sql), and its result is a table other cells can take as input.
import { sqlEngine } from '../../lib/sql/engine';
import { sqlProblem } from '../../lib/sql/errors';
import type { Table } from '../../lib/data/table';
import type { RunContext } from '../types';
import { firstRows, type TableRows } from '../shared/rows';
import { tableFrom, waitingOn, type Waiting } from '../shared/table-input';
import type { SqlOptions } from './schema';

export interface SqlOutput {
  table: Table;
  preview: TableRows;
  /** Milliseconds the query took (DuckDB's start on first use not counted). */
  elapsedMs: number;
  /** The tables the query could read, with their columns (for the view's reminder). */
  tables: { name: string; columns: string[] }[];
}

const PREVIEW_ROWS = 20;

export async function runSql({ options, inputs, signal }: RunContext<SqlOptions>): Promise<SqlOutput | Waiting> {
  const tables: Record<string, Table> = {};
  for (const name of options.tables) {
    const waiting = waitingOn(inputs[name]);
    if (waiting) return waiting;
    tables[name] = tableFrom(inputs[name], name);
  }
  const engine = await sqlEngine();
  signal.throwIfAborted();
  const started = performance.now();
  let table: Table;
  try {
    table = await engine.query(options.query, tables);
  } catch (error) {
    const problem = sqlProblem(error instanceof Error ? error.message : String(error), options.query);
    const where = problem.line ? `Line ${problem.line}${problem.column ? `, column ${problem.column}` : ''} of the query: ` : '';
    throw new Error(`${where}${problem.message}`, { cause: error });
  }
  return {
    table,
    preview: firstRows(table, table.columns.map((c) => c.name), PREVIEW_ROWS),
    elapsedMs: performance.now() - started,
    tables: Object.entries(tables).map(([name, t]) => ({ name, columns: t.columns.map((c) => c.name) })),
  };
}
