// What every model cell does before fitting: wait for data, take the parts
// of its input, and check that the target and features are columns of the
// training part (asking for replacements when new data lacks them).
import type { Column } from '../../lib/data/table';
import { partsFrom, type DataParts } from './parts';
import { missingColumns, waitingOn, type ColumnChoice, type Waiting } from './table-input';

export interface ModelColumns {
  target: string;
  features: string[];
}

/** The parts to fit on, or what the cell should output instead (a wait, a column choice). */
export function modelParts(
  inputs: Record<string, unknown>,
  inputId: string,
  columns: ModelColumns,
  /** Which columns to offer as replacements (a regression needs numbers everywhere). */
  offer: (column: Column) => boolean = () => true,
): { parts: DataParts } | { instead: Waiting | ColumnChoice } {
  const input = inputs[inputId];
  const waiting = waitingOn(input);
  if (waiting) return { instead: waiting };
  const parts = partsFrom(input, inputId);
  const choice = missingColumns(parts.train, [columns.target, ...columns.features]);
  if (choice) {
    const offered = new Set(parts.train.columns.filter(offer).map((c) => c.name));
    return { instead: { ...choice, available: choice.available.filter((name) => offered.has(name)) } };
  }
  if (columns.features.includes(columns.target)) {
    throw new Error(`'${columns.target}' is the target; it cannot also be a feature.`);
  }
  return { parts };
}
