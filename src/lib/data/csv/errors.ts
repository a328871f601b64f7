// The one error type the CSV reader throws. `message` is written for a learner
// (what went wrong, where, and what to do); `code` is for programs and tests.

export type CsvErrorCode =
  | 'too-large' // over the size limit (options.maxBytes)
  | 'binary' // bytes that are not text at all (an image, a zip, a spreadsheet…)
  | 'not-utf8' // text, but not in the UTF-8 encoding
  | 'empty' // nothing but whitespace
  | 'no-rows' // a header and no data rows
  | 'bad-rows' // rows with the wrong number of fields, and keepBadRows is off
  | 'unterminated-quote' // a quoted field that never closes
  | 'malformed-quote' // text right after a closing quote, e.g. "abc"def
  | 'aborted' // the caller cancelled the read
  | 'internal'; // anything unexpected (a bug, or the worker crashing)

export interface BadRows {
  /** How many data rows had a different number of fields than the header. */
  count: number;
  /** 1-based line numbers in the file (the header is line 1) of the first few. */
  firstLines: number[];
  /**
   * On a 'bad-rows' error: how many data rows do have the header's number of
   * fields, i.e. the rows that "keep the good rows" (keepBadRows) would keep.
   * 0 means there is nothing to keep, and keepBadRows would fail as well.
   * Absent on a successful read's meta.badRows (its meta.rowCount says it).
   */
  kept?: number;
}

/** The plain-object form of a CsvError, as it travels between worker and page. */
export interface CsvErrorData {
  code: CsvErrorCode;
  message: string;
  /** The 1-based line of the file the problem is on, where there is one. */
  line?: number;
  badRows?: BadRows;
}

export class CsvError extends Error {
  readonly code: CsvErrorCode;
  readonly line?: number;
  readonly badRows?: BadRows;

  constructor(data: CsvErrorData) {
    super(data.message);
    this.name = 'CsvError';
    this.code = data.code;
    if (data.line !== undefined) this.line = data.line;
    if (data.badRows !== undefined) this.badRows = data.badRows;
  }

  toData(): CsvErrorData {
    const data: CsvErrorData = { code: this.code, message: this.message };
    if (this.line !== undefined) data.line = this.line;
    if (this.badRows !== undefined) data.badRows = this.badRows;
    return data;
  }
}

export function isCsvError(error: unknown): error is CsvError {
  return error instanceof CsvError;
}
