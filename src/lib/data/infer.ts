// Type inference: raw cell texts → typed columns (see table.ts for the shapes).
//
// The rules, tried in this order on the non-missing cells of a column:
// 1. numeric   every cell is a plain decimal number: optional sign, digits with
//              an optional point, optional exponent ("1e3", "-0.5", "+3", ".5",
//              " 7 "), and finite. Not "1,5", "0x10", "Infinity", "1_000".
//              A column with no values at all is numeric too (all NaN).
// 2. numeric, decimal comma   when enabled (by default whenever the delimiter
//              is not a comma): every cell is a number written with a decimal
//              comma ("1,5", "-0,25", "3") and at least one has a comma. The
//              values are read as 1.5 etc. and a warning says so. Cells mixing
//              "." and "," ("1.234,5") are not converted.
// 3. boolean   every cell is one of a single pair (true/false, yes/no, y/n,
//              t/f; trimmed, any case) and both of the pair appear. Columns
//              of 0 and 1 are numeric (rule 1), which suits models anyway.
// 4. categorical   d ≤ max(20, 5% of n) and d ≤ n/2, where d is the number of
//              distinct texts and n the number of non-missing cells: few
//              values, each seen twice on average. Good for one-hot encoding.
// 5. text      anything else (names, ids, free text).
//
// String columns keep each cell's text as written (untrimmed), null if missing.

import type { Column, Table } from './table';
import { missingTest, type MissingTest } from './missing';

export interface InferOptions {
  /** Extra spellings of a missing value. */
  missingMarkers?: readonly string[];
  /** Try rule 2 (decimal commas). */
  decimalComma?: boolean;
}

export interface InferredColumn {
  column: Column;
  /** Something the reader should know, e.g. that decimal commas were read. */
  warning?: string;
}

export interface InferredTable {
  table: Table;
  warnings: string[];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA_NUMBER = /^[+-]?(\d+,?\d*|,\d+)([eE][+-]?\d+)?$/;

/** A cell's number under rule 1, or NaN. */
export function parseNumber(raw: string): number {
  const t = raw.trim();
  return NUMBER.test(t) ? Number(t) : NaN; // Number() gives ±Infinity past 1.8e308
}

/** A cell's number under rule 2 ("1,5" → 1.5), or NaN. */
export function parseDecimalComma(raw: string): number {
  const t = raw.trim();
  return DECIMAL_COMMA_NUMBER.test(t) ? Number(t.replace(',', '.')) : NaN;
}

const BOOLEAN_PAIRS: readonly [string, string][] = [
  ['false', 'true'],
  ['no', 'yes'],
  ['n', 'y'],
  ['f', 't'],
];

export const CATEGORICAL_MAX_DISTINCT = 20;
export const CATEGORICAL_MAX_SHARE = 0.05;

export function isCategorical(distinct: number, nonMissing: number): boolean {
  return distinct <= Math.max(CATEGORICAL_MAX_DISTINCT, CATEGORICAL_MAX_SHARE * nonMissing) && distinct <= nonMissing / 2;
}

/** The cells as numbers (NaN where missing), or null when one cell does not parse. */
function asNumbers(raw: readonly string[], missing: boolean[], parse: (s: string) => number): Float64Array | null {
  const values = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    if (missing[i]) {
      values[i] = NaN;
      continue;
    }
    const x = parse(raw[i]);
    if (!Number.isFinite(x)) return null;
    values[i] = x;
  }
  return values;
}

function asBoolean(name: string, raw: readonly string[], missing: boolean[]): Column | null {
  let pair: readonly [string, string] | undefined;
  const labels: [string | null, string | null] = [null, null];
  const values = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    if (missing[i]) {
      values[i] = NaN;
      continue;
    }
    const t = raw[i].trim();
    const lower = t.toLowerCase();
    pair ??= BOOLEAN_PAIRS.find((p) => p.includes(lower));
    const index = pair ? pair.indexOf(lower) : -1;
    if (index === -1) return null;
    labels[index] ??= t;
    values[i] = index;
  }
  if (labels[0] === null || labels[1] === null) return null;
  return { name, type: 'boolean', values, labels: [labels[0], labels[1]] };
}

function asStrings(name: string, raw: readonly string[], missing: boolean[]): Column {
  const values = raw.map((s, i) => (missing[i] ? null : s));
  const distinct = new Set<string>();
  let nonMissing = 0;
  for (const v of values) {
    if (v === null) continue;
    distinct.add(v);
    nonMissing++;
  }
  return { name, type: isCategorical(distinct.size, nonMissing) ? 'categorical' : 'text', values };
}

/** One column's type and typed values, from its raw cells. */
export function inferColumn(
  name: string,
  raw: readonly string[],
  options: InferOptions = {},
  isMissing: MissingTest = missingTest(options.missingMarkers),
): InferredColumn {
  const missing = raw.map(isMissing);
  const numbers = asNumbers(raw, missing, parseNumber);
  if (numbers) {
    const empty = missing.every(Boolean);
    return {
      column: { name, type: 'numeric', values: numbers },
      ...(empty && raw.length > 0 ? { warning: `Column "${name}" has no values: every cell is missing.` } : {}),
    };
  }
  if (options.decimalComma && raw.some((s, i) => !missing[i] && s.includes(','))) {
    const values = asNumbers(raw, missing, parseDecimalComma);
    if (values) {
      const example = raw.find((s, i) => !missing[i] && s.includes(','))!.trim();
      return {
        column: { name, type: 'numeric', values },
        warning: `Column "${name}" uses a decimal comma: "${example}" was read as ${parseDecimalComma(example)}.`,
      };
    }
  }
  return { column: asBoolean(name, raw, missing) ?? asStrings(name, raw, missing) };
}

/** A Table from column names and raw cells (columns[j][i] is row i of column j). */
export function inferTable(names: readonly string[], columns: readonly string[][], options: InferOptions = {}): InferredTable {
  const isMissing = missingTest(options.missingMarkers);
  const warnings: string[] = [];
  const typed = names.map((name, j) => {
    const { column, warning } = inferColumn(name, columns[j], options, isMissing);
    if (warning) warnings.push(warning);
    return column;
  });
  return { table: { columns: typed, rowCount: columns[0]?.length ?? 0 }, warnings };
}
