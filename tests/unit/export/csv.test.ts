import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../src/lib/export/csv';
import { predictionRows } from '../../../src/cells/shared/predictions-export';
import type { RegressionOutput } from '../../../src/cells/regression/run';
import type { ClassifierOutput } from '../../../src/cells/classifier/run';
import type { Table } from '../../../src/lib/data/table';

describe('CSV for spreadsheets', () => {
  it('defuses text a spreadsheet would run as a formula, and only text', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const start of ['+', '-', '@', '\t', '\r']) expect(csvCell(`${start}cmd`).replace(/"/g, '')).toBe(`'${start}cmd`);
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell('plain')).toBe('plain');
  });

  it('quotes commas, quotes and line breaks, writes numbers exactly and missing as empty', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(toCsv(['x', 'y'], [[1, 'a'], [2, null]])).toBe('x,y\r\n1,a\r\n2,\r\n');
  });
});

const table = (x: number[]): Table => ({ rowCount: x.length, columns: [{ name: 'x', type: 'numeric', values: Float64Array.from(x) }] });

describe('predictions as rows', () => {
  it('lists each part with its split row numbers, features, actual and predicted', () => {
    const output = {
      task: 'regression',
      spec: { features: ['x'] },
      parts: { train: table([1, 2]), test: table([3]) },
      predictions: {
        train: { actual: Float64Array.of(10, 20), predicted: Float64Array.of(11, 19) },
        test: { actual: Float64Array.of(30), predicted: Float64Array.of(29.5) },
      },
    } as unknown as RegressionOutput;
    const { header, rows } = predictionRows(output, { train: [4, 0], test: [2] });
    expect(header).toEqual(['part', 'row_index', 'x', 'actual', 'predicted']);
    expect(rows).toEqual([
      ['train', 4, 1, 10, 11],
      ['train', 0, 2, 20, 19],
      ['test', 2, 3, 30, 29.5],
    ]);
  });

  it('leaves row numbers out when a step removed rows, and gives each class its probability', () => {
    const output = {
      task: 'classification',
      spec: { features: ['x'] },
      classes: ['=bad', 'good'],
      parts: { train: table([1, 2]) },
      scores: { train: { actual: ['=bad', 'good'], byClass: [Float64Array.of(0.8, 0.3), Float64Array.of(0.2, 0.7)] } },
      predictions: { train: ['=bad', 'good'] },
    } as unknown as ClassifierOutput;
    const { header, rows } = predictionRows(output, { train: [0, 1, 2] });
    expect(header).toEqual(['part', 'row_index', 'x', 'actual', 'predicted', 'probability_=bad', 'probability_good']);
    expect(rows[0]).toEqual(['train', null, 1, '=bad', '=bad', 0.8, 0.2]);
    expect(toCsv(header, rows).split('\r\n')[1]).toBe("train,,1,'=bad,'=bad,0.8,0.2");
  });
});
