// The whole read, synchronously: parse, then infer types. The worker runs
// this; tests and Node scripts call it directly.

import type { Table } from '../table';
import { inferTable } from '../infer';
import type { BadRows } from './errors';
import type { CsvOptions, Delimiter, ProgressCallback } from './options';
import { parseCsv } from './parse';

export interface CsvMeta {
  /** The delimiter used (detected, unless the options named one). */
  delimiter: Delimiter;
  /** Sentences for the reader: renamed headers, skipped rows, decimal commas… */
  warnings: string[];
  badRows: BadRows;
  rowCount: number;
  columnCount: number;
}

export interface CsvReadResult {
  table: Table;
  meta: CsvMeta;
}

/** Share of the progress bar given to parsing; type inference gets the rest. */
const PARSE_SHARE = 0.9;

export function readCsvText(
  input: string | ArrayBuffer | Uint8Array,
  options: CsvOptions = {},
  onProgress?: ProgressCallback,
): CsvReadResult {
  const parsed = parseCsv(input, {
    ...options,
    onProgress: onProgress && ((f) => onProgress(f * PARSE_SHARE)),
  });
  const decimalComma = options.decimalComma ?? parsed.delimiter !== ',';
  const { table, warnings } = inferTable(parsed.names, parsed.columns, {
    missingMarkers: options.missingMarkers ?? [],
    decimalComma,
  });
  onProgress?.(1);
  return {
    table: { columns: table.columns, rowCount: parsed.rowCount },
    meta: {
      delimiter: parsed.delimiter,
      warnings: [...parsed.warnings, ...warnings],
      badRows: parsed.badRows,
      rowCount: parsed.rowCount,
      columnCount: parsed.names.length,
    },
  };
}
