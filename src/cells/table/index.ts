import type { CellKind } from '../types';
import { linkTo } from '../shared/starter';
import { tableSchema, type TableOptions } from './schema';
import { runTable } from './run';
import TableView from './TableView.svelte';

export const tableCell: CellKind<TableOptions> = {
  kind: 'table',
  label: 'Table',
  schema: tableSchema,
  inputs: (options) => [options.input],
  run: runTable,
  view: TableView as CellKind<TableOptions>['view'],
  takes: 'table',
  starter: (input) => linkTo(input),
};
