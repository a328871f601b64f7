// DuckDB-WASM in the page: its worker and WebAssembly binary are the app's
// own files (Vite copies them into the build: no CDN), loaded the first time
// a SQL cell runs. Only the "eh" build ships (WebAssembly exception handling:
// Chrome/Edge 95+, Firefox 100+, Safari 15.2+); it is 34 MB, so fetching it is
// the first SQL run's cost, and the browser's cache the later ones'.
import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { SqlEngine } from './engine';
import { queryOver } from './connection';

export async function browserEngine(): Promise<SqlEngine> {
  if (typeof WebAssembly === 'undefined') throw new Error('This browser has no WebAssembly, which the SQL engine (DuckDB) needs.');
  const worker = new Worker(workerUrl);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(wasmUrl);
  const connection = await db.connect();
  // One query at a time on the one connection: a second run waits for the first.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    query(sql, tables) {
      const run = queue.then(() => queryOver(connection, sql, tables));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
