// When new data lacks a column the options name, the reader picks another:
// the option values that change, every mention of the old name replaced.
import { encodeOf, scaleOf } from './steps';
import type { PrepareOptions } from './schema';

type Raw = Partial<PrepareOptions>;

export function renameColumn(options: Raw, from: string, to: string): Partial<Record<keyof PrepareOptions, unknown>> {
  const swap = (names: string[] | undefined) => (names?.includes(from) ? names.map((n) => (n === from ? to : n)) : undefined);
  const changes: Partial<Record<keyof PrepareOptions, unknown>> = {};
  if (options.label === from) changes.label = to;
  const missing = swap(options.missing?.columns);
  if (missing) changes.missing = { ...options.missing, columns: missing };
  const outliers = swap(options.outliers?.columns);
  if (outliers) changes.outliers = { ...options.outliers, columns: outliers };
  const encode = encodeOf(options.encode);
  const encoded = swap(encode?.columns);
  if (encoded) changes.encode = Array.isArray(options.encode) ? encoded : { ...encode, columns: encoded };
  const scale = scaleOf(options.scale);
  const scaled = swap(scale.columns);
  if (scaled) changes.scale = { ...scale, columns: scaled };
  return changes;
}
