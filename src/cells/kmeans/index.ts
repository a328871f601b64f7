import type { CellKind } from '../types';
import { linkTo } from '../shared/starter';
import { kmeansSchema, type KMeansOptions } from './schema';
import { runKMeans } from './run';
import KMeansView from './KMeansView.svelte';

export const kmeansCell: CellKind<KMeansOptions> = {
  kind: 'kmeans',
  label: 'k-means',
  schema: kmeansSchema,
  inputs: (options) => [options.input],
  run: runKMeans,
  view: KMeansView as CellKind<KMeansOptions>['view'],
  takes: 'table',
  // The first numeric columns that can be features (up to four).
  starter: (input) => {
    const usable = (input?.columns ?? []).filter((c) => !c.reason && c.role === 'numeric').map((c) => c.name);
    return { ...linkTo(input), features: usable.slice(0, 4) };
  },
};
