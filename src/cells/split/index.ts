import type { CellKind } from '../types';
import { linkTo } from '../shared/starter';
import { splitSchema, type SplitOptions } from './schema';
import { runSplit } from './run';
import SplitView from './SplitView.svelte';

export const splitCell: CellKind<SplitOptions> = {
  kind: 'split',
  label: 'Split',
  schema: splitSchema,
  inputs: (options) => [options.input],
  run: runSplit,
  view: SplitView as CellKind<SplitOptions>['view'],
  takes: 'table',
  gives: 'table',
  starter: (input) => ({ ...linkTo(input), test: 0.2, seed: 42 }),
};
