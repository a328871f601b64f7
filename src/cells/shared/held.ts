// The values a picture over two features holds the model's other features at:
// their medians on the training rows (gaps left out), a typical row that stays
// inside the data even for skewed or integer-coded columns, unlike the mean.
import { getColumn, type Table } from '../../lib/data/table';
import { medianOf } from '../../lib/data/prepare/quantile';
import type { Held } from '../../lib/plot';

/** Each named numeric column's median on `table`, in the order given. */
export function heldAtMedians(table: Table, names: readonly string[]): Held[] {
  return names.map((name) => ({ name, value: medianOf(getColumn(table, name)!.values as ArrayLike<number>) }));
}

/** What the held values are, as the pictures' titles say it. */
export const HELD_AT = 'training median';
