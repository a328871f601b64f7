import type { CellKind } from '../types';
import { starterModel } from '../shared/starter';
import { classifierSchema, type ClassifierOptions } from './schema';
import { runClassifierCell } from './run';
import ClassifierView from './ClassifierView.svelte';

export const classifierCell: CellKind<ClassifierOptions> = {
  kind: 'classifier',
  label: 'Classifier',
  schema: classifierSchema,
  inputs: (options) => [options.input],
  run: runClassifierCell,
  view: ClassifierView as CellKind<ClassifierOptions>['view'],
  takes: 'table',
  gives: 'model',
  starter: (input) => starterModel(input, 'classification'),
};
