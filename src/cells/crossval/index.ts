import type { CellKind } from '../types';
import { linkTo } from '../shared/starter';
import { crossvalSchema, type CrossvalOptions } from './schema';
import { runCrossval } from './run';
import CrossvalView from './CrossvalView.svelte';

export const crossvalCell: CellKind<CrossvalOptions> = {
  kind: 'crossval',
  label: 'Cross-validation',
  schema: crossvalSchema,
  inputs: (options) => (options.input === undefined ? [options.model] : [options.model, options.input]),
  // Leave-one-out fits one model per row: run once on open, then only when Fit is pressed.
  manual: () => true,
  run: runCrossval,
  view: CrossvalView as CellKind<CrossvalOptions>['view'],
  takes: 'model',
  starter: (input) => linkTo(input, 'model'),
};
