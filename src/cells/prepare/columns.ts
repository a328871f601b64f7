// The prepare cell's options that name columns: the label and each step's
// columns. The label follows the new target; a step keeps the columns the new
// data has (none left: the step's default columns).
import { keepPresent, type CellRewrite, type KindColumns } from '../shared/retarget';
import { encodeOf, namedColumns } from './steps';
import type { PrepareOptions } from './schema';

type Raw = Record<string, unknown>;

const asRecord = (value: unknown): Raw | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : undefined);

/** A step option `{…, columns}` with its columns kept to the new data's. */
function stepWith(step: unknown, keep: (names: unknown) => string[] | undefined): Raw | undefined {
  const record = asRecord(step);
  if (!record || !Array.isArray(record.columns)) return undefined;
  const { columns, ...rest } = record;
  const kept = keep(columns);
  return kept ? { ...rest, columns: kept } : rest;
}

export const columnOptions: KindColumns = {
  named: (options) => {
    try {
      return namedColumns(options as PrepareOptions);
    } catch {
      return [];
    }
  },
  always: true,
  rewrite(options, choice, data): CellRewrite {
    const keep = (names: unknown) => keepPresent(names, data);
    const changes: Raw = {};
    if (typeof options.label === 'string') changes.label = choice.target;
    for (const key of ['missing', 'outliers'] as const) {
      const next = stepWith(options[key], keep);
      if (next) changes[key] = next;
    }
    if (Array.isArray(options.encode)) changes.encode = keep(options.encode) ?? {};
    else if (encodeOf(options.encode as PrepareOptions['encode'])?.columns) changes.encode = stepWith(options.encode, keep);
    const scale = stepWith(options.scale, keep);
    if (scale) changes.scale = scale;
    return { changes, problems: [], notes: [] };
  },
};
