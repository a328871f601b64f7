// The values a picture over two features holds the model's other features at:
// their medians on the training rows (gaps left out), a typical row that stays
// inside the data even for skewed or integer-coded columns, unlike the mean.
// Past SAMPLED_ABOVE rows the medians are those of a seeded sample of that many
// rows, and the title says so: the pictures are built on the page, and a
// million-row column costs ~30 ms to select from, a sample ~3 ms.
import { getColumn, type Table } from '../../lib/data/table';
import { medianOf } from '../../lib/data/prepare/quantile';
import { sampleRows, type Held, type HeldAt } from '../../lib/plot';

/** Rows beyond which the held medians come from a sample. */
export const SAMPLED_ABOVE = 100_000;

/** Each named numeric column's median on `table`, in the order given, and how the title should name them. */
export function heldAtMedians(table: Table, names: readonly string[]): { held: Held[]; what: HeldAt } {
  // With nothing to hold (one or two features), no sample is drawn.
  const rows = names.length ? sampleRows(table.rowCount, [], SAMPLED_ABOVE) : undefined;
  const held = names.map((name) => {
    const values = getColumn(table, name)!.values as ArrayLike<number>;
    return { name, value: medianOf(rows ? rows.map((i) => values[i]) : values) };
  });
  const what = rows
    ? { one: `its median in ${SAMPLED_ABOVE.toLocaleString('en-GB')} sampled training rows`, many: `their medians in ${SAMPLED_ABOVE.toLocaleString('en-GB')} sampled training rows` }
    : { one: 'its training median', many: 'their training medians' };
  return { held, what };
}
