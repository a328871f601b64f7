// Fields cut from a CSV file's bytes, as text: the fast path's strict UTF-8
// decoding (scan.ts, number-column.ts), and the signal that the fast path
// cannot read a file exactly as parse.ts would (Fallback).

/** Thrown when the fast path cannot promise parse.ts's result for this file. */
export class Fallback extends Error {}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Short ASCII texts already decoded, by key (see decodeField); cleared when it grows past SHORT_CACHE_SIZE. */
const shortTexts = new Map<number, string>();
const SHORT_CACHE_SIZE = 50_000;
const SHORT_BYTES = 6;

/**
 * Bytes [start, end) as text, by a strict UTF-8 decoder (faster than
 * String.fromCharCode even for short ASCII). Short ASCII fields, which
 * categories usually are, come from a cache keyed by their bytes: the key
 * n·128ⁿ + Σ byte·128^k is unique for n ≤ 6 ASCII bytes and exact in a double.
 * One string per category also saves memory.
 */
export function decodeField(bytes: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n <= SHORT_BYTES) {
    let key = n;
    let k = start;
    for (; k < end && bytes[k] < 0x80; k++) key = key * 128 + bytes[k];
    if (k === end) {
      let text = shortTexts.get(key);
      if (text === undefined) {
        if (shortTexts.size >= SHORT_CACHE_SIZE) shortTexts.clear();
        text = strict.decode(bytes.subarray(start, end));
        shortTexts.set(key, text);
      }
      return text;
    }
  }
  try {
    return strict.decode(bytes.subarray(start, end));
  } catch {
    throw new Fallback('not UTF-8');
  }
}

