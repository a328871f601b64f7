import type { CellKind } from '../types';
import { starterModel } from '../shared/starter';
import { regressionSchema, type RegressionOptions } from './schema';
import { runRegressionCell } from './run';
import RegressionView from './RegressionView.svelte';

export const regressionCell: CellKind<RegressionOptions> = {
  kind: 'regression',
  label: 'Regression',
  schema: regressionSchema,
  inputs: (options) => [options.input],
  run: runRegressionCell,
  view: RegressionView as CellKind<RegressionOptions>['view'],
  takes: 'table',
  gives: 'model',
  starter: (input) => starterModel(input, 'regression'),
};
