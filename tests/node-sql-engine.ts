// The sql cell's engine in Node tests: DuckDB-WASM's blocking Node build,
// the same SQL engine as the browser's, behind the same interface.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SqlEngine } from '../src/lib/sql/engine';
import { queryOver, type DuckConnection } from '../src/lib/sql/connection';

const require = createRequire(import.meta.url);

export async function nodeSqlEngine(): Promise<SqlEngine> {
  const duckdb = require('@duckdb/duckdb-wasm/blocking') as typeof import('@duckdb/duckdb-wasm/blocking');
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const bundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  const connection = db.connect() as unknown as DuckConnection;
  return { query: (sql, tables) => queryOver(connection, sql, tables) };
}
