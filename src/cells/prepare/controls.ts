// Small helpers for the prepare view's object-valued options.

/** An object option with some keys changed; keys set to undefined are removed (the file then leaves them out). */
export function patched(current: object | undefined, change: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...(current ?? {}), ...change };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next;
}
