import type { CellKind } from '../types';
import { sqlSchema, type SqlOptions } from './schema';
import { runSql } from './run';
import SqlView from './SqlView.svelte';

export const sqlCell: CellKind<SqlOptions> = {
  kind: 'sql',
  label: 'SQL',
  schema: sqlSchema,
  inputs: (options) => options.tables,
  run: runSql,
  view: SqlView as CellKind<SqlOptions>['view'],
  gives: 'table',
  takes: 'table',
  // The nearest table above, all of it.
  starter: (input) => (input ? { tables: [input.id], query: `SELECT *\nFROM "${input.id}"\nLIMIT 100` } : { tables: [], query: 'SELECT 1' }),
};
