// The dataset cell reads a CSV (an upload, or a shipped file) in a Web Worker
// and summarises its columns.
import { readCsvInWorker } from '../../lib/data/csv/client';
import { isCsvError, type BadRows } from '../../lib/data/csv/errors';
import type { ColumnSummary } from '../../lib/data/summary';
import type { Table } from '../../lib/data/table';
import type { RunContext } from '../types';
import { firstRows, type TableRows } from '../shared/rows';
import type { Waiting } from '../shared/table-input';
import { delimiterNames, GENERATED, generatedDefaults, type DatasetOptions } from './schema';
import { fetchShipped } from './shipped';
import { generateDataset } from '../../lib/data/generate';
import { summarise } from '../../lib/data/summary';
import { valueOf } from '../../lib/notebook/controls';


function generated(options: DatasetOptions): DatasetOutput {
  const shape = options.shape ?? generatedDefaults.shape;
  const table = generateDataset({
    shape,
    rows: valueOf(options.rows ?? generatedDefaults.rows.value),
    noise: valueOf(options.noise ?? generatedDefaults.noise.value),
    seed: options.seed ?? generatedDefaults.seed,
  });
  return {
    table,
    name: `generated ${shape}`,
    delimiter: ',',
    summaries: summarise(table),
    preview: firstRows(table, table.columns.map((c) => c.name), PREVIEW_ROWS),
    warnings: [],
  };
}

export interface DatasetOutput {
  table: Table;
  /** The file name shown to the reader. */
  name: string;
  delimiter: string;
  summaries: ColumnSummary[];
  preview: TableRows;
  warnings: string[];
  /** Rows skipped because the reader chose to keep only the good ones. */
  skipped?: BadRows;
}

/** What the dataset cell publishes while it reads a file (RunContext.partial). */
export interface ReadingProgress {
  rowsRead: number;
}

/** The file has rows with the wrong number of fields; the view offers to keep the others. */
export interface BadRowsProblem extends Waiting {
  badRows: BadRows;
  message: string;
}

const PREVIEW_ROWS = 8;

export async function runDataset(ctx: RunContext<DatasetOptions>): Promise<DatasetOutput | Waiting | BadRowsProblem> {
  const { options, upload, signal } = ctx;
  let name: string;
  let blob: Blob;
  if (!upload && options.source === GENERATED) return generated(options);
  if (upload) {
    name = upload.name;
    blob = upload.blob;
  } else if (options.source) {
    name = options.source.split('/').pop() ?? options.source;
    blob = await fetchShipped(options.source, signal);
  } else {
    return { waiting: 'Upload a CSV file, or pick a shipped dataset, to start.' };
  }

  try {
    const result = await readCsvInWorker(
      blob, // posted as a reference: the worker reads it in slices, the page copies nothing
      {
        delimiter: delimiterNames[options.delimiter],
        missingMarkers: markersOf(options.missing),
        keepBadRows: options.keepBadRows,
      },
      {
        signal,
        onProgress: (fraction, rows) => {
          ctx.progress(fraction);
          // The view shows the rows read so far beside the bar (a partial result, dropped when the read ends).
          if (rows !== undefined) ctx.partial({ rowsRead: rows } satisfies ReadingProgress);
        },
      },
    );
    return {
      table: result.table,
      name,
      delimiter: result.meta.delimiter,
      summaries: result.summaries, // computed in the worker
      preview: firstRows(result.table, result.table.columns.map((c) => c.name), PREVIEW_ROWS),
      warnings: result.meta.warnings,
      skipped: result.meta.badRows.count ? result.meta.badRows : undefined,
    };
  } catch (error) {
    if (isCsvError(error) && error.code === 'bad-rows' && error.badRows) {
      return { waiting: `'${name}' has rows with the wrong number of fields.`, message: error.message, badRows: error.badRows };
    }
    throw error;
  }
}

/** The reader's missing-value markers, written comma-separated ("-999, unknown"). */
export function markersOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((marker) => marker.trim())
    .filter((marker) => marker !== '');
}
