// Bounds for table views, so that a file with 10,000 columns or a 2 MB field
// cannot make the page build hundreds of thousands of elements or lay out
// megabytes of text: columns are shown a page at a time, long texts cut short,
// and the totals are always said.

/** Columns (or summary rows, one per column) shown at once. */
export const COLUMNS_PER_PAGE = 50;
/** Characters of one value shown before it is cut short. */
export const MAX_SHOWN_CHARS = 200;

export interface PageWindow {
  /** The page actually shown: the wanted one, clamped to the pages there are. */
  page: number;
  pages: number;
  /** Index of the first item shown and one past the last. */
  start: number;
  end: number;
  total: number;
}

/** Which items of `total` page `wanted` (from 0) shows, `size` at a time. */
export function pageWindow(total: number, wanted: number, size = COLUMNS_PER_PAGE): PageWindow {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(0, Math.floor(wanted) || 0), pages - 1);
  const start = page * size;
  return { page, pages, start, end: Math.min(total, start + size), total };
}

export interface ShownText {
  text: string;
  /** The full length when the text was cut short. */
  cutFrom?: number;
}

/** A value as shown in a table: at most `max` characters, followed by "…" when cut. */
export function shownText(value: string, max = MAX_SHOWN_CHARS): ShownText {
  if (value.length <= max) return { text: value };
  return { text: `${value.slice(0, max)}…`, cutFrom: value.length };
}

/** "51–100 of 10,000": the items a page shows, and how many there are. */
export function windowText(shown: PageWindow): string {
  const format = (n: number) => n.toLocaleString('en');
  return `${format(shown.start + 1)}–${format(shown.end)} of ${format(shown.total)}`;
}
