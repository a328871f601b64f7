import type { CellKind } from '../types';
import { linkTo } from '../shared/starter';
import { evaluateSchema, type EvaluateOptions } from './schema';
import { runEvaluate } from './run';

export const evaluateCell: CellKind<EvaluateOptions> = {
  kind: 'evaluate',
  label: 'Evaluate',
  schema: evaluateSchema,
  inputs: (options) => [options.input],
  run: runEvaluate,
  view: () => import('./EvaluateView.svelte') as ReturnType<CellKind<EvaluateOptions>['view']>,
  takes: 'model',
  starter: (input) => linkTo(input),
};
