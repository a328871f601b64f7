// What the sql cell needs of a SQL engine: run one query over named tables.
// The browser's engine is DuckDB-WASM (duckdb-browser.ts, loaded only when a
// SQL cell runs); tests plug in DuckDB's Node build with the same interface.
import type { Table } from '../data/table';

export interface SqlEngine {
  /** Runs the query with each table registered under its name; throws DuckDB's message on failure. */
  query(sql: string, tables: Record<string, Table>): Promise<Table>;
}

let loader: () => Promise<SqlEngine> = async () => (await import('./duckdb-browser')).browserEngine();

/** Replaces how the engine is obtained (tests, or another runtime). */
export function setSqlEngineLoader(load: () => Promise<SqlEngine>): void {
  loader = load;
  engine = undefined;
}

let engine: Promise<SqlEngine> | undefined;

/** The one engine of the page, started on first use. */
export function sqlEngine(): Promise<SqlEngine> {
  engine ??= loader().catch((error: unknown) => {
    engine = undefined; // let a later run try again
    throw error;
  });
  return engine;
}
