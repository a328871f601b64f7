import type { CellKind } from '../types';
import { linkTo } from '../shared/starter';
import { bootstrapSchema, type BootstrapOptions } from './schema';
import { runBootstrap } from './run';
import BootstrapView from './BootstrapView.svelte';

export const bootstrapCell: CellKind<BootstrapOptions> = {
  kind: 'bootstrap',
  label: 'Bootstrap',
  schema: bootstrapSchema,
  inputs: (options) => [options.model],
  run: runBootstrap,
  view: BootstrapView as CellKind<BootstrapOptions>['view'],
  takes: 'model',
  starter: (input) => linkTo(input, 'model'),
};
