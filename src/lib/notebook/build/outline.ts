// What a planned notebook will hold, one line per step, for the Build
// dialog to show before the reader presses Build.
import type { BuildDesign } from './plan';
import { crossvalMethods } from './plan';
import { count, list } from './words';

export function outlineOf(design: BuildDesign): string[] {
  const lines: string[] = [];
  if (design.dropTargetRows) lines.push(`Drop the ${count(design.dropTargetRows, 'row')} without ${design.target}`);
  if (design.impute.length) lines.push(`Fill the gaps in ${list(design.impute)} with the training median, with indicator columns`);
  if (design.encode.length) lines.push(`One-hot encode ${list(design.encode)}`);
  if (design.scale.length) lines.push(`Standardise ${list(design.scale)} for the penalty`);
  lines.push(`Split ${design.trainRows} rows to train, ${design.testRows} to test${design.split.stratify ? `, stratified by ${design.target}` : ''}`);
  const model =
    design.task === 'classification'
      ? 'logistic regression (L2 penalty)'
      : design.penalty === 'none'
        ? 'least-squares regression'
        : 'ridge regression';
  lines.push(`A baseline (${design.task === 'regression' ? 'the mean' : 'the most frequent class'}) beside ${model} on ${count(design.modelFeatures.length, 'column')}`);
  const methods = crossvalMethods(design).map((m) => ({ holdout: 'holdout', kfold: '5-fold', loo: 'leave-one-out' })[m] ?? m);
  lines.push(`An evaluation, a cross-validation (${list(methods)}) and a sweep over ${design.sweep === 'degree' ? 'the polynomial degree' : 'the penalty strength α'}`);
  return lines;
}
