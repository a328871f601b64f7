import type { CellKind } from '../types';
import { datasetSchema, type DatasetOptions } from './schema';
import { runDataset } from './run';
import DatasetView from './DatasetView.svelte';

export const datasetCell: CellKind<DatasetOptions> = {
  kind: 'dataset',
  label: 'Dataset',
  schema: datasetSchema,
  inputs: () => [],
  run: runDataset,
  view: DatasetView as CellKind<DatasetOptions>['view'],
  gives: 'table',
  starter: () => ({}),
};
