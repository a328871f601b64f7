// Type inference: raw cell texts → typed columns (see table.ts for the shapes).
//
// The rules, tried in this order on the non-missing cells of a column:
// 1. numeric   every cell is a plain decimal number: optional sign, digits with
//              an optional point, optional exponent ("1e3", "-0.5", "+3", ".5",
//              " 7 "), and finite. Not "1,5", "0x10", "Infinity", "1_000".
//              A column with no values at all is numeric too (all NaN).
// 2. numeric, with commas   some cells have a comma, and every cell is either
//    a. a number with commas as thousands separators ("52,000", "-1,234.5",
//       "1,000,000": a first group of 1–3 digits not starting with 0, then
//       groups of exactly three) or a plain number (rule 1): read as 52000
//       etc., with a warning. Applies whatever the delimiter (in a
//       comma-delimited file such cells are quoted: "1,234").
//    b. when enabled (by default whenever the delimiter is not a comma): a
//       number written with a decimal comma ("1,5", "-0,25", "3"). The values
//       are read as 1.5 etc. and a warning says so. Cells mixing "." and ","
//       ("1.234,5") are not converted.
//    A column that fits both ("1,500", "2,250") is read with thousands
//    separators, unless another column of the same file fits only (b), e.g.
//    "1,5": then the file writes decimals with a comma, and so does this column.
//    In a file with a column read by (b), a numeric column whose dotted values
//    all look like dotted thousands ("1.234", "2.500") gets a warning: the dot
//    may be a thousands separator. Its values are left as read.
// 3. boolean   every cell is one of a single pair (true/false, yes/no, y/n,
//              t/f; trimmed, any case) and both of the pair appear. Columns
//              of 0 and 1 are numeric (rule 1), which suits models anyway.
// 4. categorical   d ≤ max(20, 5% of n) and d ≤ n/2, where d is the number of
//              distinct texts and n the number of non-missing cells: few
//              values, each seen twice on average. Good for one-hot encoding.
// 5. text      anything else (names, ids, free text).
//
// A categorical or text column that is mostly numbers (at least 80% of the
// non-missing cells, or more than half when the other cells hold no digits at
// all, like "-" or "unknown") gets a warning listing the values that are not
// numbers (when there are at most 100 distinct ones), to be added as
// missing-value markers. Infinities ("Infinity", "-inf") and numbers beyond
// float64's range ("1e309") are not read as numbers (no model can use an
// infinite value), but a column whose only non-numbers they are always gets
// that warning, whatever their share, saying why.
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
/** "52,000", "-1,234,567.5"; not "0,500" or "1,5", which are decimal commas. */
const THOUSANDS_COMMA_NUMBER = /^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/;
/** "1.234", "-12.500": what a number with a dot as thousands separator looks like. */
const INFINITY = /^[+-]?(inf|infinity)$/i;
const DOTTED_THOUSANDS = /^[+-]?[1-9]\d{0,2}\.\d{3}$/;

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

/** A cell's number with commas as thousands separators ("52,000" → 52000), or as rule 1; else NaN. */
export function parseThousands(raw: string): number {
  const t = raw.trim();
  return THOUSANDS_COMMA_NUMBER.test(t) ? Number(t.replace(/,/g, '')) : parseNumber(t);
}

/** Whether a text reads as a number in any of the ways above. */
export function looksNumeric(raw: string): boolean {
  return Number.isFinite(parseThousands(raw)) || Number.isFinite(parseDecimalComma(raw));
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

/** Which way a numeric column's cells were read (other: not numeric by rules 1–2). */
type Reading = 'number' | 'thousands' | 'decimal-comma' | 'either' | 'other';

interface Inference extends InferredColumn {
  /** 'either': the cells fit both comma readings (the warning says which was used). */
  reading: Reading;
}

export const NEAR_NUMERIC_SHARE = 0.8;
/** Distinct non-numbers named in the near-numeric warning. */
const NEAR_NUMERIC_LISTED = 5;
/** More distinct non-numbers than this are not placeholders: no warning (and the scan stops early). */
const NEAR_NUMERIC_MAX_DISTINCT = 100;

/**
 * For a column that is not numeric: a warning naming the cells that stop it
 * being numeric, when they are few (see the rules at the top), else undefined.
 */
/** "Infinity", "-inf", "1e309": infinite as written, or a plain number that overflows float64. */
function isInfinite(text: string): boolean {
  return INFINITY.test(text) || (NUMBER.test(text) && !Number.isFinite(Number(text)));
}

function nearNumericWarning(name: string, raw: readonly string[], missing: boolean[], options: InferOptions): string | undefined {
  let nonMissing = 0;
  for (const m of missing) if (!m) nonMissing++;
  if (nonMissing === 0) return undefined;
  // The failures under the reading that fails least, so that marking them
  // missing does make the column numeric.
  let best: Map<string, number> | null = null;
  let bestFailed = Infinity;
  const parsers = options.decimalComma ? [parseThousands, parseDecimalComma] : [parseThousands];
  for (const parse of parsers) {
    const failures = new Map<string, number>();
    let failed = 0;
    let allInfinite = true;
    for (let i = 0; i < raw.length && (failed * 2 < nonMissing || allInfinite); i++) {
      if (missing[i] || Number.isFinite(parse(raw[i]))) continue;
      const t = raw[i].trim();
      allInfinite &&= isInfinite(t);
      failures.set(t, (failures.get(t) ?? 0) + 1);
      failed++;
      if (failures.size > NEAR_NUMERIC_MAX_DISTINCT) failed = Infinity;
    }
    if (failed < bestFailed) {
      best = failures;
      bestFailed = failed;
    }
  }
  if (!best || bestFailed === 0) return undefined;
  // Infinities and numbers past float64's range are numbers a model cannot use, not
  // placeholders: whatever their share, the reader hears about them.
  const infinite = [...best.keys()].every(isInfinite) && bestFailed < nonMissing;
  if (bestFailed * 2 >= nonMissing && !infinite) return undefined;
  const share = (nonMissing - bestFailed) / nonMissing;
  const noDigits = [...best.keys()].every((v) => !/\d/.test(v));
  if (share < NEAR_NUMERIC_SHARE && !noDigits && !infinite) return undefined;
  // Most frequent first; ties in the order they appear (the sort is stable).
  const values = [...best].sort((a, b) => b[1] - a[1]);
  const listed = values
    .slice(0, NEAR_NUMERIC_LISTED)
    .map(([v, n]) => `'${v}' (${n})`)
    .join(', ');
  const others = values.length - NEAR_NUMERIC_LISTED;
  const more = others > 0 ? ` and ${others} other value${others === 1 ? '' : 's'}` : '';
  const add = values.length === 1 ? 'add it as a missing-value marker' : 'add them as missing-value markers';
  const why = infinite ? ` (${values.length === 1 ? 'an infinity or a number' : 'infinities or numbers'} beyond ±1.8e308, which no model can use)` : '';
  return `Column "${name}" would be numeric except for ${listed}${more}${why}: ${add} to read it as numbers.`;
}

function infer(
  name: string,
  raw: readonly string[],
  options: InferOptions,
  isMissing: MissingTest,
  preferDecimalComma: boolean,
): Inference {
  const missing = raw.map(isMissing);
  const numbers = asNumbers(raw, missing, parseNumber);
  if (numbers) {
    const empty = missing.every(Boolean);
    return {
      column: { name, type: 'numeric', values: numbers },
      reading: 'number',
      ...(empty && raw.length > 0 ? { warning: `Column "${name}" has no values: every cell is missing.` } : {}),
    };
  }
  const example = raw.find((s, i) => !missing[i] && s.includes(','))?.trim();
  if (example !== undefined) {
    const thousands = asNumbers(raw, missing, parseThousands);
    const decimal = options.decimalComma ? asNumbers(raw, missing, parseDecimalComma) : null;
    if (decimal && (!thousands || preferDecimalComma)) {
      const value = parseDecimalComma(example);
      return {
        column: { name, type: 'numeric', values: decimal },
        reading: thousands ? 'either' : 'decimal-comma',
        warning: thousands
          ? `Column "${name}" uses a decimal comma, like the rest of this file: "${example}" was read as ${value} (not ${parseThousands(example)}).`
          : `Column "${name}" uses a decimal comma: "${example}" was read as ${value}.`,
      };
    }
    if (thousands) {
      return {
        column: { name, type: 'numeric', values: thousands },
        reading: decimal ? 'either' : 'thousands',
        warning: `Column "${name}": "${example}" was read as ${parseThousands(example)} (comma as a thousands separator).`,
      };
    }
  }
  const column = asBoolean(name, raw, missing) ?? asStrings(name, raw, missing);
  const warning = column.type === 'boolean' ? undefined : nearNumericWarning(name, raw, missing, options);
  return { column, reading: 'other', ...(warning ? { warning } : {}) };
}

/** Whether a trimmed cell looks like a number with a dot as thousands separator ("1.234"). */
export function isDottedThousands(trimmed: string): boolean {
  return DOTTED_THOUSANDS.test(trimmed);
}

/**
 * The first dotted cell of a column when every non-missing cell with a dot
 * looks like dotted thousands ("1.234"), else undefined.
 */
function dottedThousandsExample(raw: readonly string[], isMissing: MissingTest): string | undefined {
  let example: string | undefined;
  for (const cell of raw) {
    if (!cell.includes('.') || isMissing(cell)) continue;
    const t = cell.trim();
    if (!isDottedThousands(t)) return undefined;
    example ??= t;
  }
  return example;
}

/**
 * For a numeric column read by rule 1 in a file that writes decimals with a
 * comma: a warning when its dotted values all look like dotted thousands
 * (`example` is the first of them, from dottedThousandsExample).
 */
function dottedThousandsWarning(name: string, example: string | undefined): string | undefined {
  if (example === undefined) return undefined;
  return (
    `Column "${name}": "${example}" was read as ${parseNumber(example)}, but this file writes decimals with a comma, ` +
    `so the dot may be a thousands separator (${Number(example.replace('.', ''))}). The values were not changed.`
  );
}

/** One column's type and typed values, from its raw cells. */
export function inferColumn(
  name: string,
  raw: readonly string[],
  options: InferOptions = {},
  isMissing: MissingTest = missingTest(options.missingMarkers),
): InferredColumn {
  const { column, warning } = infer(name, raw, options, isMissing, false);
  return warning === undefined ? { column } : { column, warning };
}

/**
 * A column whose cells were already read as numbers by rule 1 (the CSV fast
 * path, csv/fast.ts): what inference would have found from its raw cells.
 */
export interface NumericSource {
  values: Float64Array;
  /** Every cell was missing. */
  allMissing: boolean;
  /** dottedThousandsExample of its cells: the first dotted cell if all dotted cells look like "1.234". */
  dottedExample: string | undefined;
}

/** A column's raw cells, or its values already read as numbers. */
export type ColumnSource = readonly string[] | NumericSource;

function isNumericSource(source: ColumnSource): source is NumericSource {
  return !Array.isArray(source);
}

function inferSource(name: string, source: ColumnSource, rowCount: number, options: InferOptions, isMissing: MissingTest, preferDecimalComma: boolean): Inference {
  if (!isNumericSource(source)) return infer(name, source, options, isMissing, preferDecimalComma);
  // The same result as infer() on the cells these values were read from.
  return {
    column: { name, type: 'numeric', values: source.values },
    reading: 'number',
    ...(source.allMissing && rowCount > 0 ? { warning: `Column "${name}" has no values: every cell is missing.` } : {}),
  };
}

/** A Table from column names and raw cells (columns[j][i] is row i of column j). */
export function inferTable(names: readonly string[], columns: readonly string[][], options: InferOptions = {}): InferredTable {
  return inferSources(names, columns, columns[0]?.length ?? 0, options);
}

/** inferTable, where some columns may arrive already read as numbers. */
export function inferSources(names: readonly string[], sources: readonly ColumnSource[], rowCount: number, options: InferOptions = {}): InferredTable {
  const isMissing = missingTest(options.missingMarkers);
  const inferred = names.map((name, j) => inferSource(name, sources[j], rowCount, options, isMissing, false));
  // A column that can only be read with decimal commas tells how this file
  // writes numbers: the columns that could go either way follow it.
  if (inferred.some((c) => c.reading === 'decimal-comma')) {
    names.forEach((name, j) => {
      const source = sources[j];
      if (inferred[j].reading === 'either') inferred[j] = inferSource(name, source, rowCount, options, isMissing, true);
      else if (inferred[j].reading === 'number' && inferred[j].warning === undefined) {
        const example = isNumericSource(source) ? source.dottedExample : dottedThousandsExample(source, isMissing);
        const warning = dottedThousandsWarning(name, example);
        if (warning) inferred[j] = { ...inferred[j], warning };
      }
    });
  }
  const warnings = inferred.flatMap((c) => (c.warning ? [c.warning] : []));
  return { table: { columns: inferred.map((c) => c.column), rowCount }, warnings };
}
