import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { readCsvText } from '../../../src/lib/data/csv/read';
import type { Table } from '../../../src/lib/data/table';
import { runPlot, type PlotOutput } from '../../../src/cells/plot/run';
import { plotSchema } from '../../../src/cells/plot/schema';
import { datasetSchema } from '../../../src/cells/dataset/schema';
import { runContext as context } from './context';

// The dataset cell reads CSVs in a Web Worker; in Node (no Worker) the same 'csv.read' task runs in-process.
// Vite resolves shipped datasets at build time; here they are files on disk.
vi.mock('../../../src/cells/dataset/shipped', () => ({
  shippedUrl: (source: string) => source,
  fetchShipped: async (source: string) => new Blob([readFileSync(source)]),
}));

const iris = readCsvText(readFileSync('datasets/iris.csv')).table;

describe('plot cell run', () => {
  const plot = (o: Record<string, unknown>, input: unknown = { table: iris }) =>
    runPlot(context(plotSchema.parse({ input: 'd', ...o }), { d: input }));

  it('draws a scatter of two columns with one trace per class', () => {
    const out = plot({ kind: 'scatter', x: 'petal_length', y: 'petal_width', color: 'species' }) as PlotOutput;
    expect(out.figure.data).toHaveLength(3);
    expect(out.figure.description).toBe('Scatter of petal_width against petal_length, 150 points in 3 classes');
    const total = out.figure.data.reduce((n, trace) => n + (trace.x as number[]).length, 0);
    expect(total).toBe(150);
    expect(out.numeric).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
  });

  it('draws a histogram of the non-missing values with the bins asked for', () => {
    const gappy: Table = { rowCount: 4, columns: [{ name: 'x', type: 'numeric', values: Float64Array.of(1, NaN, 2, 3) }] };
    const out = plot({ kind: 'histogram', x: 'x', bins: 5 }, { table: gappy }) as PlotOutput;
    expect(Array.from(out.figure.data[0].x as ArrayLike<number>)).toEqual([1, 2, 3]);
  });

  it('draws a scatterplot matrix of the chosen columns and keeps its input for brushing', () => {
    const out = plot({ kind: 'matrix', columns: ['sepal_length', 'petal_width'], color: 'species' }) as PlotOutput;
    expect(out.matrix!.columns.map((c) => c.name)).toEqual(['sepal_length', 'petal_width']);
    expect(out.figure.data[0].type).toBe('splom');
  });

  it('asks for replacements for columns the data lacks, waits for data, and refuses text', () => {
    expect(plot({ x: 'length', y: 'petal_width' })).toMatchObject({ needsColumns: true, missing: ['length'] });
    expect(plot({}, { waiting: 'Upload a CSV.' })).toEqual({ waiting: 'Upload a CSV.' });
    expect(() => plot({ kind: 'histogram', x: 'species' })).toThrow(/missing|numbers/);
  });
});

describe('dataset cell run', async () => {
  const { runDataset } = await import('../../../src/cells/dataset/run');
  const run = (o: Record<string, unknown>, upload?: { name: string; blob: Blob }) =>
    runDataset(context(datasetSchema.parse(o), {}, { upload }));
  const file = (text: string) => new Blob([text]);

  it('waits for a file when it has no source and no upload', async () => {
    expect(await run({})).toEqual({ waiting: 'Upload a CSV file, or pick a shipped dataset, to start.' });
  });

  it('reads an upload: shape, summaries, first rows, delimiter', async () => {
    const out = await run({}, { name: 'a.csv', blob: file('x;label\n1;a\n;b\n3;a\n') });
    expect(out).toMatchObject({ name: 'a.csv', delimiter: ';' });
    if (!('table' in out)) throw new Error('expected a table');
    expect(out.table.rowCount).toBe(3);
    expect(out.summaries[0]).toMatchObject({ name: 'x', missing: 1, mean: 2 });
    expect(out.preview.rows).toEqual([
      ['1', 'a'],
      [null, 'b'],
      ['3', 'a'],
    ]);
  });

  it('uses the marker the reader gives for missing values', async () => {
    const out = await run({ missing: '-999' }, { name: 'a.csv', blob: file('x\n1\n-999\n5\n') });
    expect('summaries' in out && out.summaries[0]).toMatchObject({ missing: 1, mean: 3 });
  });

  it('offers to keep the good rows of a ragged file, and keeps them when asked', async () => {
    const ragged = file('a,b\n1,2\n3\n4,5\n');
    const problem = await run({}, { name: 'r.csv', blob: ragged });
    expect(problem).toMatchObject({ badRows: { count: 1, firstLines: [3] } });
    const kept = await run({ keepBadRows: true }, { name: 'r.csv', blob: ragged });
    expect('table' in kept && kept.table.rowCount).toBe(2);
    expect('skipped' in kept && kept.skipped).toMatchObject({ count: 1 });
  });

  it('leaves the uploaded file intact (the worker reads it, it does not take it)', async () => {
    const upload = { name: 'a.csv', blob: file('x\n1\n') };
    await run({}, upload);
    expect(await upload.blob.text()).toBe('x\n1\n');
    expect('table' in (await run({}, upload))).toBe(true);
  });
});

describe('missing-value markers written by the reader', async () => {
  const { markersOf } = await import('../../../src/cells/dataset/run');
  it('are comma-separated and trimmed', () => {
    expect(markersOf('-999, unknown ,,-')).toEqual(['-999', 'unknown', '-']);
    expect(markersOf(undefined)).toEqual([]);
  });
});
