// Every cell kind fitbook knows, by the name used in ```{kind} fences.
import type { CellKind } from './types';
import { datasetCell } from './dataset';
import { tableCell } from './table';

export const cellKinds: Record<string, CellKind> = Object.fromEntries(
  ([datasetCell, tableCell] as CellKind[]).map((kind) => [kind.kind, kind]),
);
