// Outliers per numeric column, found by one of two textbook rules and then
// flagged, clipped or removed. The fences are learned when fitting, so the
// test part is judged by the training part's idea of "unusual".
//
//   IQR:     below Q1 − k·IQR or above Q3 + k·IQR (Tukey's fences, k = 1.5),
//            quartiles by numpy's default linear interpolation.
//   z-score: |x − mean| / std > t (t = 3), with the sample std (n − 1), so
//            the fences are mean ± t·std.
// A value exactly on a fence is not an outlier. Missing values are never
// outliers: they stay missing and are flagged 0.

import { moments } from '../summary';
import { isNumeric, takeRows, type Table } from '../table';
import { mapColumns, numericColumn, requireFreeName, requireNumericColumn, requireRows, selectColumns, withValues } from './columns';
import { quantileSorted, sortedFinite } from './quantile';
import { count, emptyReport, type StepResult } from './report';

export type OutlierMethod = 'iqr' | 'zscore';
export type OutlierAction = 'flag' | 'clip' | 'remove';

export interface OutlierOptions {
  /** Numeric columns to check; every numeric (not boolean) column when left out. */
  columns?: string[];
  method: OutlierMethod;
  /** IQR multiplier k (default 1.5). */
  k?: number;
  /** z-score threshold t (default 3). */
  threshold?: number;
  /** flag: add a 0/1 column `<name>_outlier`; clip: move values onto the nearer fence; remove: drop the rows. */
  action: OutlierAction;
}

export interface OutlierFence {
  column: string;
  low: number;
  high: number;
}

export interface OutlierParams {
  method: OutlierMethod;
  action: OutlierAction;
  fences: OutlierFence[];
}

const STEP = 'Outliers';
export const OUTLIER_SUFFIX = '_outlier';
const ACTIONS: readonly OutlierAction[] = ['flag', 'clip', 'remove'];

export function fitOutliers(table: Table, options: OutlierOptions): OutlierParams {
  const { method, action } = options;
  if (method !== 'iqr' && method !== 'zscore') throw new Error(`${STEP}: unknown method "${method}". Choose iqr or zscore.`);
  if (!ACTIONS.includes(action)) throw new Error(`${STEP}: unknown action "${action}". Choose one of ${ACTIONS.join(', ')}.`);
  const k = options.k ?? 1.5;
  const t = options.threshold ?? 3;
  if (method === 'iqr' && !(k >= 0 && Number.isFinite(k))) throw new Error(`${STEP}: the IQR multiplier k must be a number ≥ 0, got ${k}.`);
  if (method === 'zscore' && !(t > 0 && Number.isFinite(t))) throw new Error(`${STEP}: the z-score threshold must be a number > 0, got ${t}.`);
  requireRows(table, STEP);
  const columns = selectColumns(table, options.columns, STEP, (c) => c.type === 'numeric');
  const fences = columns.map((c): OutlierFence => {
    const column = requireNumericColumn(table, c.name, STEP, 'outliers are measured on numbers');
    if (action === 'flag') requireFreeName(table, column.name + OUTLIER_SUFFIX, STEP);
    return { column: column.name, ...(method === 'iqr' ? iqrFences(column.values, k) : zFences(column.values, t)) };
  });
  for (const fence of fences) {
    if (Number.isNaN(fence.low) || Number.isNaN(fence.high)) {
      const need = method === 'zscore' ? 'at least two values' : 'at least one value';
      throw new Error(`${STEP}: column "${fence.column}" needs ${need} to find outliers, and it has too few non-missing values.`);
    }
  }
  return { method, action, fences };
}

/** Tukey's fences Q1 − k·IQR and Q3 + k·IQR. */
export function iqrFences(values: ArrayLike<number>, k = 1.5): { low: number; high: number; q1: number; q3: number } {
  const sorted = sortedFinite(values);
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  const iqr = q3 - q1;
  return { low: q1 - k * iqr, high: q3 + k * iqr, q1, q3 };
}

/** mean ± t·(sample std). */
export function zFences(values: ArrayLike<number>, t = 3): { low: number; high: number } {
  const { mean, variance } = moments(values);
  const std = Math.sqrt(variance);
  return { low: mean - t * std, high: mean + t * std };
}

export function applyOutliers(table: Table, params: OutlierParams): StepResult {
  const report = emptyReport('outliers', table.rowCount);
  const flags = new Map<string, Float64Array>();
  for (const fence of params.fences) {
    const column = requireNumericColumn(table, fence.column, STEP, 'outliers are measured on numbers');
    const flag = new Float64Array(table.rowCount);
    let found = 0;
    for (let row = 0; row < table.rowCount; row++) {
      const x = column.values[row];
      if (x < fence.low || x > fence.high) {
        flag[row] = 1;
        found++;
      }
    }
    flags.set(fence.column, flag);
    count(report, fence.column, { outliersFound: found });
  }
  const fenceOf = new Map(params.fences.map((f) => [f.column, f]));

  if (params.action === 'remove') {
    const keep: number[] = [];
    for (let row = 0; row < table.rowCount; row++) {
      let inside = true;
      for (const flag of flags.values()) if (flag[row] === 1) inside = false;
      if (inside) keep.push(row);
    }
    const kept = keep.length === table.rowCount ? table : takeRows(table, keep);
    return { table: kept, report: { ...report, rowsAfter: keep.length, rowsDropped: table.rowCount - keep.length } };
  }

  if (params.action === 'flag') {
    for (const fence of params.fences) requireFreeName(table, fence.column + OUTLIER_SUFFIX, STEP);
  }
  const result = mapColumns(table, (column) => {
    const flag = flags.get(column.name);
    const fence = fenceOf.get(column.name);
    if (!flag || !fence || !isNumeric(column)) return [column];
    if (params.action === 'flag') {
      report.columnsAdded.push(column.name + OUTLIER_SUFFIX);
      return [column, numericColumn(column.name + OUTLIER_SUFFIX, flag)];
    }
    const values = column.values.map((x) => Math.min(fence.high, Math.max(fence.low, x)));
    count(report, column.name, { valuesClipped: report.byColumn[column.name]?.outliersFound ?? 0 });
    return [withValues(column, values)];
  });
  return { table: result, report };
}

/** Fit on a table and apply to the same table. */
export function outliers(table: Table, options: OutlierOptions): StepResult & { params: OutlierParams } {
  const params = fitOutliers(table, options);
  return { ...applyOutliers(table, params), params };
}
