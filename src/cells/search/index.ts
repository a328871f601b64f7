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
  // The penalty as a choice too, so the search runs on any model cell, penalised or not.
  starter: (input) => ({ ...linkTo(input, 'model'), penalty: ['l2', 'l1'], alpha: { from: 0.001, to: 10 } }),
};
