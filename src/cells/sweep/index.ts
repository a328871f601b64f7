import type { CellKind } from '../types';
import { linkTo } from '../shared/starter';
import { sweepSchema, type SweepOptions } from './schema';
import { runSweep } from './run';
import SweepView from './SweepView.svelte';

export const sweepCell: CellKind<SweepOptions> = {
  kind: 'sweep',
  label: 'Sweep',
  schema: sweepSchema,
  inputs: (options) => (options.input === undefined ? [options.model] : [options.model, options.input]),
  run: runSweep,
  view: SweepView as CellKind<SweepOptions>['view'],
  takes: 'model',
  starter: (input) => ({ ...linkTo(input, 'model'), parameter: input?.kind === 'classifier' ? 'alpha' : 'degree' }),
};
