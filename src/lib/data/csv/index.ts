// The CSV reader's public surface.
//
// Column names and cells are untrusted text from the user's file (a header can
// be "<img src=x onerror=alert(1)>"). Nothing in the data layer interprets
// them; views must render them as text, never as HTML.

export { CsvError, isCsvError, type BadRows, type CsvErrorCode, type CsvErrorData } from './errors';
export {
  DELIMITERS,
  MAX_CSV_BYTES,
  MAX_CSV_MEGABYTES,
  delimiterName,
  type CsvOptions,
  type Delimiter,
  type ProgressCallback,
} from './options';
export { parseCsv, type ParseOptions, type ParseResult } from './parse';
export { readCsvText, type CsvMeta, type CsvReadResult } from './read';
export { readCsvInWorker, createCsvReader, type CsvReader, type ReadControls, type WorkerFactory, type WorkerLike } from './client';
