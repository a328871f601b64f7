// What a preparation step did, in numbers the UI can show as is
// ("12 rows dropped", "30 values filled", "4 columns added").

import type { Table } from '../table';

export type StepKind = 'drop-missing' | 'impute' | 'outliers' | 'one-hot' | 'scale' | 'shuffle';

export interface StepReport {
  step: StepKind;
  rowsBefore: number;
  rowsAfter: number;
  /** rowsBefore − rowsAfter. */
  rowsDropped: number;
  /** Missing cells replaced by imputation. */
  valuesFilled: number;
  /** Cells beyond the outlier fences (counted per cell, before any action). */
  outliersFound: number;
  /** Cells moved onto a fence by clipping. */
  valuesClipped: number;
  /** One-hot: non-missing cells whose level was not seen when fitting (encoded as all zeros). */
  unseenLevels: number;
  /** One-hot: missing cells (encoded as all zeros). */
  missingEncoded: number;
  columnsAdded: string[];
  columnsRemoved: string[];
  /** The same counts per column, for the columns where they are not all zero. */
  byColumn: Record<string, ColumnCounts>;
}

export interface ColumnCounts {
  missing?: number;
  valuesFilled?: number;
  outliersFound?: number;
  valuesClipped?: number;
  unseenLevels?: number;
}

export function emptyReport(step: StepKind, rowsBefore: number, rowsAfter = rowsBefore): StepReport {
  return {
    step,
    rowsBefore,
    rowsAfter,
    rowsDropped: rowsBefore - rowsAfter,
    valuesFilled: 0,
    outliersFound: 0,
    valuesClipped: 0,
    unseenLevels: 0,
    missingEncoded: 0,
    columnsAdded: [],
    columnsRemoved: [],
    byColumn: {},
  };
}

/** Adds per-column counts to the report and to its totals (zero counts are left out). */
export function count(report: StepReport, column: string, counts: ColumnCounts): void {
  const entry = (report.byColumn[column] ??= {});
  for (const key of Object.keys(counts) as (keyof ColumnCounts)[]) {
    const n = counts[key] ?? 0;
    if (n === 0) continue;
    entry[key] = (entry[key] ?? 0) + n;
    if (key !== 'missing') report[key] += n;
  }
  if (Object.keys(entry).length === 0) delete report.byColumn[column];
}

export interface StepResult {
  table: Table;
  report: StepReport;
}
