import type { CellKind } from '../types';
import { linkTo } from '../shared/starter';
import { searchSchema, type SearchOptions } from './schema';
import { runSearch } from './run';
import SearchView from './SearchView.svelte';

export const searchCell: CellKind<SearchOptions> = {
  kind: 'search',
  label: 'Hyperparameter search',
  schema: searchSchema,
  inputs: (options) => (options.input === undefined ? [options.model] : [options.model, options.input]),
  // Tens of cross-validated fits: run once on open, then only when Fit is pressed.
  manual: () => true,
  run: runSearch,
  view: SearchView as CellKind<SearchOptions>['view'],
  takes: 'model',
  starter: (input) => ({ ...linkTo(input, 'model'), alpha: { from: 0.001, to: 10 } }),
};
