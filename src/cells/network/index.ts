import type { CellKind } from '../types';
import { starterModel } from '../shared/starter';
import { networkSchema, type NetworkOptions } from './schema';
import { runNetworkCell } from './run';
import NetworkView from './NetworkView.svelte';

export const networkCell: CellKind<NetworkOptions> = {
  kind: 'network',
  label: 'Neural network',
  schema: networkSchema,
  inputs: (options) => [options.input],
  run: runNetworkCell,
  view: NetworkView as CellKind<NetworkOptions>['view'],
  takes: 'table',
  starter: (input) => starterModel(input, 'classification'),
};
