import type { CellKind } from '../types';
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
};
