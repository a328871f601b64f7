import type { CellKind } from '../types';
import { regressionSchema, type RegressionOptions } from './schema';
import { runRegression } from './run';
import RegressionView from './RegressionView.svelte';

export const regressionCell: CellKind<RegressionOptions> = {
  kind: 'regression',
  label: 'Regression',
  schema: regressionSchema,
  inputs: (options) => [options.input],
  run: runRegression,
  view: RegressionView as CellKind<RegressionOptions>['view'],
};
