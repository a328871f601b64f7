// From the prepare cell's readable options to the engine's Pipeline, in the
// one order that makes sense: gaps first (the other steps cannot learn from
// missing values), then outliers (before they distort scaling), encoding,
// scaling, and the shuffle last.
//
// Columns left out of an option are resolved here, against the input table,
// so the pipeline names them explicitly: a split cell that re-fits it on its
// training rows then works on exactly the same columns. Resolving against
// the input also keeps columns that earlier steps add (`RM_missing`,
// one-hot dummies) out of outlier checks and scaling, where a 0/1 column
// has no business, and leaves the label alone.
import { getColumn, type Column, type Table } from '../../lib/data/table';
import type { Pipeline, StepSpec } from '../../lib/data/prepare';
import { valueOf } from '../../lib/notebook/controls';
import type { EncodeOptions, MissingOptions, OutlierCellOptions, PrepareOptions, ScaleCellOptions, scaleMethods } from './schema';

type ScaleMethod = (typeof scaleMethods)[number];

/** The encode option in its long form. */
export function encodeOf(encode: EncodeOptions | undefined): { columns?: string[]; dropFirst: boolean } | undefined {
  if (encode === undefined) return undefined;
  if (Array.isArray(encode)) return { columns: encode, dropFirst: false };
  return { columns: encode.columns, dropFirst: encode.dropFirst === true };
}

/** The scale option in its long form. */
export function scaleOf(scale: ScaleCellOptions | undefined): { method: ScaleMethod; columns?: string[] } {
  if (scale === undefined) return { method: 'none' };
  return typeof scale === 'string' ? { method: scale } : scale;
}

/** Every column name the options mention, to check against the data. */
export function namedColumns(options: PrepareOptions): string[] {
  const names = [
    options.label,
    ...(options.missing?.columns ?? []),
    ...(options.outliers?.columns ?? []),
    ...(encodeOf(options.encode)?.columns ?? []),
    ...(scaleOf(options.scale).columns ?? []),
  ];
  return [...new Set(names.filter((n): n is string => n !== undefined))];
}

/** Columns of the input a step works on by default: those that pass the test, never the label. */
function defaultColumns(table: Table, label: string | undefined, keep: (c: Column) => boolean): string[] {
  return table.columns.filter((c) => c.name !== label && keep(c)).map((c) => c.name);
}

const isPlainNumeric = (c: Column) => c.type === 'numeric';

function missingStep(table: Table, missing: MissingOptions, label: string | undefined): StepSpec {
  if (missing.strategy === 'drop') {
    if (missing.indicator) {
      throw new Error('missing: an indicator column marks values that were filled in; with strategy drop nothing is filled. Remove indicator, or impute.');
    }
    // A row without a label is no use for training either, so drop looks at every column by default.
    return { step: 'drop-missing', columns: missing.columns };
  }
  const numbersOnly = missing.strategy === 'mean' || missing.strategy === 'median';
  return {
    step: 'impute',
    strategy: missing.strategy,
    columns: missing.columns ?? defaultColumns(table, label, numbersOnly ? isPlainNumeric : () => true),
    value: missing.value,
    indicator: missing.indicator === true,
  };
}

function outliersStep(table: Table, outliers: OutlierCellOptions, label: string | undefined): StepSpec {
  return {
    step: 'outliers',
    method: outliers.method,
    action: outliers.action,
    k: outliers.k === undefined ? undefined : valueOf(outliers.k),
    threshold: outliers.threshold === undefined ? undefined : valueOf(outliers.threshold),
    columns: outliers.columns ?? defaultColumns(table, label, isPlainNumeric),
  };
}

export function buildPipeline(table: Table, options: PrepareOptions): Pipeline {
  const { label } = options;
  if (label !== undefined && !getColumn(table, label)) throw new Error(`label: there is no column "${label}" in the data.`);
  const steps: Pipeline = [];
  if (options.missing) steps.push(missingStep(table, options.missing, label));
  if (options.outliers) steps.push(outliersStep(table, options.outliers, label));
  const encode = encodeOf(options.encode);
  if (encode) {
    const columns = encode.columns ?? defaultColumns(table, label, (c) => c.type === 'categorical');
    if (columns.length) steps.push({ step: 'one-hot', columns, dropFirst: encode.dropFirst });
  }
  const scale = scaleOf(options.scale);
  if (scale.method !== 'none') {
    steps.push({ step: 'scale', method: scale.method, columns: scale.columns ?? defaultColumns(table, label, isPlainNumeric) });
  }
  if (options.shuffle) steps.push({ step: 'shuffle', seed: options.shuffle.seed });
  return steps;
}
