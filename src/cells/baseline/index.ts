import type { CellKind } from '../types';
import { linkTo } from '../shared/starter';
import { baselineSchema, type BaselineOptions } from './schema';
import { runBaseline } from './run';
import BaselineView from './BaselineView.svelte';

export const baselineCell: CellKind<BaselineOptions> = {
  kind: 'baseline',
  label: 'Baseline',
  schema: baselineSchema,
  inputs: (options) => [options.input],
  run: runBaseline,
  view: BaselineView as CellKind<BaselineOptions>['view'],
  takes: 'table',
  // The last usable column, as a new model cell's target would be.
  starter: (input) => {
    const target = (input?.columns ?? []).filter((c) => !c.reason).at(-1);
    return { ...linkTo(input), ...(target ? { target: target.name } : {}) };
  },
};
