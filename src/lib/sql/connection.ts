// Runs one query over named tables on a DuckDB connection, the same way for
// the browser's asynchronous DuckDB and Node's blocking one: each table is
// inserted as Arrow IPC under its name, the query runs, and the tables are
// dropped again, so no query sees tables from another cell's run.
import * as arrow from 'apache-arrow';
import type { Table } from '../data/table';
import { arrowToTable, tableToArrow } from './arrow';

/** The part of a DuckDB connection this needs (AsyncDuckDBConnection and DuckDBConnection both fit, awaited). */
export interface DuckConnection {
  insertArrowFromIPCStream(buffer: Uint8Array, options: { name: string; create?: boolean }): unknown;
  query(sql: string): arrow.Table | Promise<arrow.Table>;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function queryOver(connection: DuckConnection, sql: string, tables: Record<string, Table>): Promise<Table> {
  const names = Object.keys(tables);
  try {
    for (const name of names) {
      await connection.query(`DROP TABLE IF EXISTS ${quoted(name)}`);
      // As Arrow IPC bytes: a table object would have to come from the same copy of
      // apache-arrow as DuckDB's, which bundlers and Node's CommonJS build do not promise.
      await connection.insertArrowFromIPCStream(arrow.tableToIPC(tableToArrow(tables[name]), 'stream'), { name, create: true });
    }
    return arrowToTable(await connection.query(sql));
  } finally {
    for (const name of names) await connection.query(`DROP TABLE IF EXISTS ${quoted(name)}`);
  }
}
