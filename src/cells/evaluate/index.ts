import type { CellKind } from '../types';
import { linkTo } from '../shared/starter';
import { evaluateSchema, type EvaluateOptions } from './schema';
import { runEvaluate } from './run';
import EvaluateView from './EvaluateView.svelte';

export const evaluateCell: CellKind<EvaluateOptions> = {
  kind: 'evaluate',
  label: 'Evaluate',
  schema: evaluateSchema,
  inputs: (options) => [options.input],
  run: runEvaluate,
  view: EvaluateView as CellKind<EvaluateOptions>['view'],
  takes: 'model',
  starter: (input) => linkTo(input),
};
