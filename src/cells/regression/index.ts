import type { CellKind } from '../types';
import { starterModel } from '../shared/starter';
import { regressionSchema, type RegressionOptions } from './schema';
import { runRegressionCell } from './run';

export const regressionCell: CellKind<RegressionOptions> = {
  kind: 'regression',
  label: 'Regression',
  schema: regressionSchema,
  inputs: (options) => [options.input],
  run: runRegressionCell,
  view: () => import('./RegressionView.svelte') as ReturnType<CellKind<RegressionOptions>['view']>,
  takes: 'table',
  gives: 'model',
  starter: (input) => starterModel(input, 'regression'),
};
