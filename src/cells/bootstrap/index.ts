import type { CellKind } from '../types';
import { linkTo } from '../shared/starter';
import { bootstrapSchema, type BootstrapOptions } from './schema';
import { runBootstrap } from './run';

export const bootstrapCell: CellKind<BootstrapOptions> = {
  kind: 'bootstrap',
  label: 'Bootstrap',
  schema: bootstrapSchema,
  inputs: (options) => [options.model],
  run: runBootstrap,
  view: () => import('./BootstrapView.svelte') as ReturnType<CellKind<BootstrapOptions>['view']>,
  takes: 'model',
  starter: (input) => linkTo(input, 'model'),
};
