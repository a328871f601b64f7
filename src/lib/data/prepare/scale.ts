// Feature scaling, learned on one table and applied to others, as
// scikit-learn's StandardScaler and MinMaxScaler do:
//   standard: (x − mean) / std, with the population std (divides by n, ddof=0);
//   minmax:   (x − min) / (max − min), so the fitted table spans [0, 1]
//             (other tables can fall outside it).
// A constant column has std (or range) 0; like sklearn we then divide by 1,
// so it scales to 0 instead of NaN. Missing values are ignored when fitting
// and stay missing.

import { moments } from '../summary';
import { isNumeric, type Table } from '../table';
import { mapColumns, requireNumericColumn, requireRows, selectColumns, withValues } from './columns';
import { emptyReport, type StepResult } from './report';

export type ScaleMethod = 'standard' | 'minmax';

export interface ScaleOptions {
  /** Columns to scale; every numeric (not boolean) column when left out. */
  columns?: string[];
  method: ScaleMethod;
}

/** y = (x − shift) / divisor. */
export interface ScaleParameter {
  column: string;
  /** The mean (standard) or minimum (minmax). */
  shift: number;
  /** The population std (standard) or the range (minmax); 1 where that is 0 up to rounding. */
  divisor: number;
}

export interface ScaleParams {
  method: ScaleMethod;
  parameters: ScaleParameter[];
}

const STEP = 'Scaling';

export function fitScale(table: Table, options: ScaleOptions): ScaleParams {
  const { method } = options;
  if (method !== 'standard' && method !== 'minmax') throw new Error(`${STEP}: unknown method "${method}". Choose standard or minmax.`);
  requireRows(table, STEP);
  const columns = selectColumns(table, options.columns, STEP, (c) => c.type === 'numeric');
  const parameters = columns.map((c): ScaleParameter => {
    const column = requireNumericColumn(table, c.name, STEP, 'only numbers can be scaled (one-hot encode categories instead)');
    const m = moments(column.values);
    if (m.count === 0) throw new Error(`${STEP}: column "${c.name}" has no values, so there is nothing to scale it by.`);
    if (method === 'standard') {
      // moments() gives the sample variance; StandardScaler uses the population one.
      const variance = m.count < 2 ? 0 : (m.variance * (m.count - 1)) / m.count;
      const constant = isConstantFeature(variance, m.mean, m.count);
      return { column: c.name, shift: m.mean, divisor: constant ? 1 : Math.sqrt(variance) };
    }
    const range = m.max - m.min;
    return { column: c.name, shift: m.min, divisor: range < 10 * Number.EPSILON ? 1 : range };
  });
  return { method, parameters };
}

/**
 * sklearn's _is_constant_feature: a variance this small is rounding noise of
 * the mean (a column of 40 copies of 4.2 does not average to exactly 4.2), so
 * dividing by its square root would blow noise up to ±1.
 */
function isConstantFeature(variance: number, mean: number, n: number): boolean {
  const eps = Number.EPSILON;
  return variance <= n * eps * variance + (n * mean * eps) ** 2;
}

export function applyScale(table: Table, params: ScaleParams): StepResult {
  const report = emptyReport('scale', table.rowCount);
  const byName = new Map(params.parameters.map((p) => [p.column, p]));
  for (const p of params.parameters) requireNumericColumn(table, p.column, STEP, 'only numbers can be scaled');
  const result = mapColumns(table, (column) => {
    const p = byName.get(column.name);
    if (!p || !isNumeric(column)) return [column];
    const values = column.values.map((x) => (x - p.shift) / p.divisor);
    return [withValues(column, values)];
  });
  return { table: result, report };
}

/** Fit on a table and apply to the same table. */
export function scale(table: Table, options: ScaleOptions): StepResult & { params: ScaleParams } {
  const params = fitScale(table, options);
  return { ...applyScale(table, params), params };
}
