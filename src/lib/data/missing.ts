// Which cell texts mean "no value".

/** Read as missing, after trimming and ignoring case; an empty cell is missing too. */
export const MISSING_MARKERS: readonly string[] = ['NA', 'N/A', 'NaN', 'null', '?'];

export type MissingTest = (raw: string) => boolean;

/**
 * A test for missing cells: empty or whitespace-only, one of MISSING_MARKERS, or
 * one of the user's own markers (compared the same way: trimmed, ignoring case).
 */
export function missingTest(extraMarkers: readonly string[] = []): MissingTest {
  const markers = new Set(
    [...MISSING_MARKERS, ...extraMarkers].map((m) => m.trim().toLowerCase()).filter((m) => m !== ''),
  );
  let longest = 0;
  for (const m of markers) longest = Math.max(longest, m.length);
  return (raw) => {
    const t = raw.trim();
    // Long cells cannot be a marker; skip the lower-casing for them.
    return t === '' || (t.length <= longest && markers.has(t.toLowerCase()));
  };
}
