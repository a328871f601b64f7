import type { CellKind } from '../types';
import { starterScatter } from '../shared/starter';
import { plotSchema, type PlotOptions } from './schema';
import { runPlot } from './run';
import PlotView from './PlotView.svelte';

export const plotCell: CellKind<PlotOptions> = {
  kind: 'plot',
  label: 'Plot',
  schema: plotSchema,
  inputs: (options) => [options.input],
  run: runPlot,
  view: PlotView as CellKind<PlotOptions>['view'],
  takes: 'table',
  starter: starterScatter,
};
