import type { CellKind } from '../types';
import { linkTo } from '../shared/starter';
import { tableSchema, type TableOptions } from './schema';
import { runTable } from './run';

export const tableCell: CellKind<TableOptions> = {
  kind: 'table',
  label: 'Table',
  schema: tableSchema,
  inputs: (options) => [options.input],
  run: runTable,
  view: () => import('./TableView.svelte') as ReturnType<CellKind<TableOptions>['view']>,
  takes: 'table',
  starter: (input) => linkTo(input),
};
