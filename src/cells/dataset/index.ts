import type { CellKind } from '../types';
import { datasetSchema, type DatasetOptions } from './schema';
import { runDataset } from './run';

export const datasetCell: CellKind<DatasetOptions> = {
  kind: 'dataset',
  label: 'Dataset',
  schema: datasetSchema,
  inputs: () => [],
  run: runDataset,
  view: () => import('./DatasetView.svelte') as ReturnType<CellKind<DatasetOptions>['view']>,
  gives: 'table',
  starter: () => ({}),
};
