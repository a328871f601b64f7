// Model cells train on a training part and are judged on held-out parts. A
// split cell's output carries the parts; any other table input is all
// training data (nothing held out).
import type { Table } from '../../lib/data/table';
import { tableFrom } from './table-input';

export interface DataParts {
  train: Table;
  validation?: Table;
  test?: Table;
}

export type PartName = keyof DataParts;

/** What a split cell outputs: the parts, with `table` (the training part) for table consumers. */
export interface SplitOutput extends DataParts {
  table: Table;
  parts: true;
}

export function isSplitOutput(value: unknown): value is SplitOutput {
  return (value as Partial<SplitOutput> | undefined)?.parts === true;
}

export function partsFrom(input: unknown, inputId: string): DataParts {
  if (isSplitOutput(input)) return { train: input.train, validation: input.validation, test: input.test };
  return { train: tableFrom(input, inputId) };
}

/** Names of the held-out parts present, in the order they are reported. */
export function heldOutParts(parts: DataParts): PartName[] {
  return (['validation', 'test'] as const).filter((p) => parts[p] !== undefined);
}
