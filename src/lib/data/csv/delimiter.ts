// Delimiter detection. papaparse's own guess picks the candidate with the most
// fields per row, which a decimal comma ("1,5;2,5") fools, so fitbook scores
// each candidate on the first lines itself: the header must split into more
// than one field, and the candidate whose rows most consistently have the
// header's field count wins.

import Papa from 'papaparse';
import { DELIMITERS, type Delimiter } from './options';

/** Rows looked at, and the most text read to find them. */
const SAMPLE_ROWS = 50;
const SAMPLE_CHARS = 64 * 1024;

interface Score {
  delimiter: Delimiter;
  /** Fields in the header row. */
  fields: number;
  /** Share of the sampled data rows with exactly `fields` fields. */
  consistency: number;
}

function isBlankRow(row: string[]): boolean {
  return row.length === 1 && row[0].trim() === '';
}

function score(sample: string, delimiter: Delimiter, truncated: boolean): Score {
  const result = Papa.parse<string[]>(sample, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    header: false,
    preview: SAMPLE_ROWS + 1,
    skipEmptyLines: false,
  });
  let rows = result.data.filter((row) => !isBlankRow(row));
  // The sample may cut the last row (or an open quoted field) short.
  if (truncated && result.data.length <= SAMPLE_ROWS) rows = rows.slice(0, -1);
  const fields = rows.length > 0 ? rows[0].length : 0;
  const data = rows.slice(1);
  const matching = data.filter((row) => row.length === fields).length;
  // A header with no data rows: consistent by default.
  const consistency = data.length === 0 ? 1 : matching / data.length;
  return { delimiter, fields, consistency };
}

function better(a: Score, b: Score): boolean {
  if (a.consistency !== b.consistency) return a.consistency > b.consistency;
  return a.fields > b.fields; // equal consistency: more columns; then DELIMITERS order
}

/**
 * The delimiter of a CSV text (line breaks already normalised to \n). A file
 * where no candidate splits the header is one column; it is reported as ','.
 */
export function detectDelimiter(text: string): Delimiter {
  const truncated = text.length > SAMPLE_CHARS;
  const sample = truncated ? text.slice(0, SAMPLE_CHARS) : text;
  let best: Score | null = null;
  for (const delimiter of DELIMITERS) {
    const s = score(sample, delimiter, truncated);
    if (s.fields > 1 && (best === null || better(s, best))) best = s;
  }
  return best?.delimiter ?? ',';
}
