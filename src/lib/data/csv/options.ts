// Options of the CSV reader, their defaults, and the size limit the UI tells
// the user about.

export type Delimiter = ',' | ';' | '\t' | '|';

/** The delimiters fitbook detects, in the order that breaks ties. */
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

/**
 * The largest file fitbook reads, in bytes (1 GB). Whether the browser can hold a
 * given file below it depends on its memory: the reader says so when it cannot.
 */
export const MAX_CSV_BYTES = 1024 * 1024 * 1024;

/** The same limit in megabytes, for messages such as "files up to 1 GB". */
export const MAX_CSV_MEGABYTES = MAX_CSV_BYTES / (1024 * 1024);

export interface CsvOptions {
  /** Which character separates fields; 'auto' (the default) detects it. */
  delimiter?: 'auto' | Delimiter;
  /** Extra spellings of a missing value, e.g. ['-999', 'missing'] (compared trimmed, ignoring case). */
  missingMarkers?: string[];
  /** Skip rows with the wrong number of fields and keep the rest, instead of failing. */
  keepBadRows?: boolean;
  /** The size limit in bytes; defaults to MAX_CSV_BYTES. */
  maxBytes?: number;
  /**
   * Read numbers written with a decimal comma ("1,5") as numbers. Undefined (the
   * default) means: only when the delimiter is not a comma. See infer.ts.
   */
  decimalComma?: boolean;
  /** Characters handed to papaparse at a time; only tests and tuning need it. */
  chunkChars?: number;
}

/** Called with the fraction done, from 0 to 1, never decreasing, and the data rows read so far where known. */
export type ProgressCallback = (fraction: number, rows?: number) => void;

export function delimiterName(delimiter: Delimiter): string {
  switch (delimiter) {
    case ',':
      return 'comma';
    case ';':
      return 'semicolon';
    case '\t':
      return 'tab';
    case '|':
      return 'pipe';
  }
}

export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1024) return `${Number.isInteger(mb / 1024) ? mb / 1024 : (mb / 1024).toFixed(1)} GB`;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
