// "Imputation to fill up the missing values": mean, median, most frequent, or
// a constant, learned on one table (fit) and applied to any other (apply), as
// scikit-learn's SimpleImputer does. Optional indicator columns record where
// the gaps were, since "missing" can itself be informative.

import { moments } from '../summary';
import { isMissing, isNumeric, type Column, type Table } from '../table';
import { mapColumns, numericColumn, requireColumn, requireFreeName, selectColumns, withStrings, withValues } from './columns';
import { medianSorted, sortedFinite } from './quantile';
import { count, emptyReport, type StepResult } from './report';

export type ImputeStrategy = 'mean' | 'median' | 'most_frequent' | 'constant';

export interface ImputeOptions {
  /**
   * Columns to fill. Left out: every numeric column for mean and median,
   * every column for most_frequent and constant.
   */
  columns?: string[];
  strategy: ImputeStrategy;
  /** The constant for strategy 'constant'. Defaults as in SimpleImputer: 0 for numbers, "missing_value" for text. */
  value?: number | string;
  /**
   * Add a 0/1 column `<name>_missing` after each filled column that had
   * missing values when fitting (SimpleImputer's add_indicator, which uses
   * features='missing-only'). Deciding at fit time keeps the training and
   * test tables' columns the same.
   */
  indicator?: boolean;
}

export interface ImputeFill {
  column: string;
  /** What the column holds: a number fill for numeric/boolean columns, a string fill for text. */
  kind: 'number' | 'string';
  value: number | string;
  /** Whether an indicator column is added for this column. */
  indicator: boolean;
}

/** Learned fill values (plain JSON). */
export interface ImputeParams {
  strategy: ImputeStrategy;
  fills: ImputeFill[];
}

const STEP = 'Impute missing values';
export const INDICATOR_SUFFIX = '_missing';
const STRATEGIES: readonly ImputeStrategy[] = ['mean', 'median', 'most_frequent', 'constant'];

export function fitImpute(table: Table, options: ImputeOptions): ImputeParams {
  const { strategy } = options;
  if (!STRATEGIES.includes(strategy)) {
    throw new Error(`${STEP}: unknown strategy "${strategy}". Choose one of ${STRATEGIES.join(', ')}.`);
  }
  const needsNumbers = strategy === 'mean' || strategy === 'median';
  const columns = selectColumns(table, options.columns, STEP, (c) => (needsNumbers ? c.type === 'numeric' : true));
  const fills = columns.map((column): ImputeFill => {
    const missing = countMissing(column, table.rowCount);
    const indicator = options.indicator === true && missing > 0;
    if (indicator) requireFreeName(table, column.name + INDICATOR_SUFFIX, STEP);
    const kind = isNumeric(column) ? 'number' : 'string';
    return { column: column.name, kind, value: learnFill(column, strategy, options.value, missing === table.rowCount), indicator };
  });
  return { strategy, fills };
}

function countMissing(column: Column, rows: number): number {
  let missing = 0;
  for (let row = 0; row < rows; row++) if (isMissing(column, row)) missing++;
  return missing;
}

function learnFill(column: Column, strategy: ImputeStrategy, constant: number | string | undefined, allMissing: boolean): number | string {
  if (strategy === 'constant') return constantFor(column, constant);
  if (allMissing) {
    throw new Error(
      `${STEP}: column "${column.name}" has no values at all, so there is no ${strategy.replace('_', ' ')} to fill it with. ` +
        `Drop the column, or fill it with a constant.`,
    );
  }
  if (strategy === 'most_frequent') return mostFrequent(column);
  if (!isNumeric(column)) {
    throw new Error(
      `${STEP}: column "${column.name}" holds text, and text has no ${strategy}. Use most_frequent or a constant for it.`,
    );
  }
  return strategy === 'mean' ? moments(column.values).mean : medianSorted(sortedFinite(column.values));
}

function constantFor(column: Column, constant: number | string | undefined): number | string {
  if (isNumeric(column)) {
    const value = constant ?? 0;
    if (typeof value !== 'number' || Number.isNaN(value)) {
      throw new Error(`${STEP}: column "${column.name}" holds numbers, so its constant must be a number, not "${value}".`);
    }
    return value;
  }
  const value = constant ?? 'missing_value';
  if (typeof value !== 'string') {
    throw new Error(`${STEP}: column "${column.name}" holds text, so its constant must be text; write it in quotes ("${value}").`);
  }
  return value;
}

/** The most frequent value; among ties the smallest, as SimpleImputer does (numbers by value, strings by code point). */
function mostFrequent(column: Column): number | string {
  const counts = new Map<number | string, number>();
  for (const v of column.values) {
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) continue;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let best: number | string | undefined;
  let bestCount = 0;
  for (const [value, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== undefined && value < best)) {
      best = value;
      bestCount = n;
    }
  }
  return best as number | string;
}

export function applyImpute(table: Table, params: ImputeParams): StepResult {
  const report = emptyReport('impute', table.rowCount);
  const byName = new Map(params.fills.map((fill) => [fill.column, fill]));
  for (const fill of params.fills) {
    const column = requireColumn(table, fill.column, STEP);
    if ((fill.kind === 'number') !== isNumeric(column)) {
      throw new Error(`${STEP}: column "${fill.column}" held ${fill.kind === 'number' ? 'numbers' : 'text'} when the step was fitted, but holds ${column.type} values here.`);
    }
    if (fill.indicator) requireFreeName(table, fill.column + INDICATOR_SUFFIX, STEP);
  }
  const result = mapColumns(table, (column) => {
    const fill = byName.get(column.name);
    if (!fill) return [column];
    const mask = new Float64Array(table.rowCount);
    let filled = 0;
    let out: Column;
    if (isNumeric(column)) {
      const values = column.values.slice();
      for (let row = 0; row < values.length; row++) {
        if (Number.isNaN(values[row])) {
          values[row] = fill.value as number;
          mask[row] = 1;
          filled++;
        }
      }
      out = withValues(column, values);
    } else {
      const values = column.values.map((v, row) => {
        if (v !== null) return v;
        mask[row] = 1;
        filled++;
        return fill.value as string;
      });
      out = withStrings(column, values);
    }
    count(report, column.name, { valuesFilled: filled });
    if (!fill.indicator) return [out];
    report.columnsAdded.push(column.name + INDICATOR_SUFFIX);
    return [out, numericColumn(column.name + INDICATOR_SUFFIX, mask)];
  });
  return { table: result, report };
}

/** Fit on a table and apply to the same table. */
export function impute(table: Table, options: ImputeOptions): StepResult & { params: ImputeParams } {
  const params = fitImpute(table, options);
  return { ...applyImpute(table, params), params };
}
