import type { CellKind } from '../types';
import { linkTo } from '../shared/starter';
import { imputationSchema, type ImputationOptions } from './schema';
import { runImputation } from './run';
import ImputationView from './ImputationView.svelte';

export const imputationCell: CellKind<ImputationOptions> = {
  kind: 'imputation',
  label: 'Missing values compared',
  schema: imputationSchema,
  inputs: (options) => [options.input],
  run: runImputation,
  view: ImputationView as CellKind<ImputationOptions>['view'],
  takes: 'table',
  // The last usable numeric column as the target, every other as a feature.
  starter: (input) => {
    const usable = (input?.columns ?? []).filter((c) => !c.reason).map((c) => c.name);
    const target = usable.at(-1);
    return { ...linkTo(input), ...(target ? { target, features: usable.slice(0, -1) } : {}) };
  },
};
