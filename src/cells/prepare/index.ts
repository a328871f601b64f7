import type { CellKind } from '../types';
import { linkTo } from '../shared/starter';
import { prepareSchema, type PrepareOptions } from './schema';
import { runPrepareCell } from './run';
import PrepareView from './PrepareView.svelte';

export const prepareCell: CellKind<PrepareOptions> = {
  kind: 'prepare',
  label: 'Prepare',
  schema: prepareSchema,
  inputs: (options) => [options.input],
  run: runPrepareCell,
  view: PrepareView as CellKind<PrepareOptions>['view'],
  takes: 'table',
  gives: 'table',
  starter: (input) => linkTo(input),
};
