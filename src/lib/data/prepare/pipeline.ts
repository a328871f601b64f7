// A pipeline is an ordered list of step specs, plain JSON so a notebook can
// store it. Fitting walks the list on the training table: each step learns
// its parameters from the output of the steps before it, exactly as they will
// run later. The fitted pipeline (also plain JSON) is then applied unchanged
// to the validation and test tables, so nothing about them leaks into what
// the steps learned.
//
// Steps without parameters (drop-missing, shuffle) simply run again on every
// table they are applied to; an outlier step with action 'remove' also drops
// rows of the tables it is applied to, using the training fences.

import type { Table } from '../table';
import { dropMissing, type DropMissingOptions } from './drop';
import { applyImpute, fitImpute, type ImputeOptions, type ImputeParams } from './impute';
import { applyOneHot, fitOneHot, type OneHotOptions, type OneHotParams } from './onehot';
import { applyOutliers, fitOutliers, type OutlierOptions, type OutlierParams } from './outliers';
import type { StepReport, StepResult } from './report';
import { applyScale, fitScale, type ScaleOptions, type ScaleParams } from './scale';
import { shuffleRows } from './shuffle';

export type StepSpec =
  | ({ step: 'drop-missing' } & DropMissingOptions)
  | ({ step: 'impute' } & ImputeOptions)
  | ({ step: 'outliers' } & OutlierOptions)
  | ({ step: 'one-hot' } & OneHotOptions)
  | ({ step: 'scale' } & ScaleOptions)
  | { step: 'shuffle'; seed: number };

export type Pipeline = StepSpec[];

export type FittedStep =
  | { step: 'drop-missing'; options: DropMissingOptions }
  | { step: 'impute'; params: ImputeParams }
  | { step: 'outliers'; params: OutlierParams }
  | { step: 'one-hot'; params: OneHotParams }
  | { step: 'scale'; params: ScaleParams }
  | { step: 'shuffle'; seed: number };

export interface FittedPipeline {
  steps: FittedStep[];
}

export interface PipelineResult {
  table: Table;
  /** One report per step, in order. */
  reports: StepReport[];
}

/** Learns every step's parameters from the table (the training part). */
export function fitPipeline(table: Table, steps: Pipeline): FittedPipeline {
  return fitAndApplyPipeline(table, steps).fitted;
}

/**
 * Fits on the table and returns its transformed version too (what a split
 * cell needs for its training part), without running the steps twice.
 */
export function fitAndApplyPipeline(table: Table, steps: Pipeline): PipelineResult & { fitted: FittedPipeline } {
  const fitted: FittedStep[] = [];
  const reports: StepReport[] = [];
  let current = table;
  steps.forEach((spec, i) => {
    const step = withPosition(i, () => fitStep(current, spec));
    const result = withPosition(i, () => applyStep(current, step));
    fitted.push(step);
    reports.push(result.report);
    current = result.table;
  });
  return { table: current, reports, fitted: { steps: fitted } };
}

/** Applies fitted steps, in order, to any table with the same columns (the validation or test part). */
export function applyPipeline(table: Table, fitted: FittedPipeline): PipelineResult {
  const reports: StepReport[] = [];
  let current = table;
  fitted.steps.forEach((step, i) => {
    const result = withPosition(i, () => applyStep(current, step));
    reports.push(result.report);
    current = result.table;
  });
  return { table: current, reports };
}

function fitStep(table: Table, spec: StepSpec): FittedStep {
  switch (spec.step) {
    case 'drop-missing':
      return { step: spec.step, options: { columns: spec.columns } };
    case 'impute':
      return { step: spec.step, params: fitImpute(table, spec) };
    case 'outliers':
      return { step: spec.step, params: fitOutliers(table, spec) };
    case 'one-hot':
      return { step: spec.step, params: fitOneHot(table, spec) };
    case 'scale':
      return { step: spec.step, params: fitScale(table, spec) };
    case 'shuffle':
      return { step: spec.step, seed: spec.seed };
    default:
      throw new Error(`Unknown preparation step "${(spec as { step: unknown }).step}".`);
  }
}

function applyStep(table: Table, step: FittedStep): StepResult {
  switch (step.step) {
    case 'drop-missing':
      return dropMissing(table, step.options);
    case 'impute':
      return applyImpute(table, step.params);
    case 'outliers':
      return applyOutliers(table, step.params);
    case 'one-hot':
      return applyOneHot(table, step.params);
    case 'scale':
      return applyScale(table, step.params);
    case 'shuffle':
      return shuffleRows(table, step.seed);
  }
}

/** Prefixes an error with the step's position, so a learner knows which of several steps failed. */
function withPosition<T>(index: number, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof Error) error.message = `Step ${index + 1}: ${error.message}`;
    throw error;
  }
}
