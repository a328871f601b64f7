// Reads the notebook's slug from the address's hash (`#/linear-regression`).
// Any address must open the app: a hash that cannot be decoded (a malformed
// `%` escape such as `#/%E0%A4%A`) gives no slug and the part that could not
// be read, so the shell can open the first notebook and say why.

export interface Route {
  /** The decoded slug; '' when there is none or it could not be read. */
  slug: string;
  /** The raw text that could not be decoded, when there is some. */
  unreadable?: string;
  /** A share link's payload (`#/slug?link=…`, base64url, so never %-escaped). */
  link?: string;
}

export function parseRoute(hash: string): Route {
  const [raw, query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const link = new URLSearchParams(query).get('link') ?? undefined;
  try {
    return { slug: decodeURIComponent(raw), ...(link === undefined ? {} : { link }) };
  } catch {
    return { slug: '', unreadable: raw, ...(link === undefined ? {} : { link }) };
  }
}

/** The message for an address whose notebook part could not be read. */
export function unreadableRouteMessage(unreadable: string): string {
  // Shown as text (never as HTML); shortened so a huge hash cannot flood the page.
  const shown = unreadable.length > 80 ? `${unreadable.slice(0, 80)}…` : unreadable;
  return `The address holds a part that could not be read: ${shown}; the first notebook opened instead.`;
}
