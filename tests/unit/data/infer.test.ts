import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../../src/lib/data/csv';
import { inferColumn, isCategorical, parseDecimalComma, parseNumber } from '../../../src/lib/data/infer';
import { missingTest } from '../../../src/lib/data/missing';
import { getColumn, type Column, type NumericColumn, type StringColumn } from '../../../src/lib/data/table';
import { fixture } from './fixtures';

function numeric(column: Column | undefined): NumericColumn {
  if (!column || (column.type !== 'numeric' && column.type !== 'boolean')) throw new Error('not numeric');
  return column;
}

function strings(column: Column | undefined): StringColumn {
  if (!column || (column.type !== 'categorical' && column.type !== 'text')) throw new Error('not strings');
  return column;
}

describe('number parsing', () => {
  it('accepts plain decimal numbers', () => {
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('-0.5')).toBe(-0.5);
    expect(parseNumber('+3')).toBe(3);
    expect(parseNumber('  7 ')).toBe(7);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('2.')).toBe(2);
    expect(parseNumber('1.5E-2')).toBe(0.015);
  });

  it('rejects everything else', () => {
    for (const s of ['1,5', '0x10', 'Infinity', '-Infinity', '1_000', '', ' ', '1e', 'e3', '.', '1.2.3', '5%', '$3', '1 2']) {
      expect(parseNumber(s), s).toBeNaN();
    }
  });

  it('reads decimal commas only with rule 2', () => {
    expect(parseDecimalComma('1,5')).toBe(1.5);
    expect(parseDecimalComma('-0,75')).toBe(-0.75);
    expect(parseDecimalComma('3')).toBe(3);
    expect(parseDecimalComma('1.234,5')).toBeNaN();
    expect(parseDecimalComma('1,2,3')).toBeNaN();
  });
});

describe('missing values', () => {
  it('recognises blanks and the standard markers in any case', () => {
    const isMissing = missingTest();
    for (const s of ['', '   ', 'NA', 'na', 'N/A', 'n/a', 'NaN', 'nan', 'null', 'NULL', '?', ' ? ']) {
      expect(isMissing(s), JSON.stringify(s)).toBe(true);
    }
    for (const s of ['0', 'none', '-', 'NAN0', 'null value']) expect(isMissing(s), s).toBe(false);
  });

  it('adds the user marker', () => {
    expect(missingTest(['-999'])('-999')).toBe(true);
    expect(missingTest(['Missing'])(' missing ')).toBe(true);
    expect(missingTest()('-999')).toBe(false);
  });
});

describe('inferColumn', () => {
  it('infers numeric columns with NaN for missing', () => {
    const { column } = inferColumn('x', ['1', 'NA', ' 2.5 ', '']);
    expect(column.type).toBe('numeric');
    expect(Array.from(numeric(column).values)).toEqual([1, NaN, 2.5, NaN]);
  });

  it('keeps 0/1 columns numeric', () => {
    expect(inferColumn('y', ['0', '1', '1', '0']).column.type).toBe('numeric');
  });

  it('infers booleans from one pair, keeping the spellings read', () => {
    const { column } = inferColumn('b', ['Yes', 'no', 'YES', '', 'No']);
    const b = numeric(column);
    expect(b.type).toBe('boolean');
    expect(Array.from(b.values)).toEqual([1, 0, 1, NaN, 0]);
    expect(b.labels).toEqual(['no', 'Yes']);
    expect(inferColumn('t', ['t', 'f', 'T']).column.type).toBe('boolean');
  });

  it('does not call mixed pairs, or one value of a pair, boolean', () => {
    expect(inferColumn('b', ['yes', 'false', 'yes', 'false']).column.type).toBe('categorical');
    expect(inferColumn('sex', ['F', 'F', 'F', 'F']).column.type).toBe('categorical');
  });

  it('splits strings into categorical and text by the number of distinct values', () => {
    expect(isCategorical(20, 40)).toBe(true);
    expect(isCategorical(21, 42)).toBe(false); // 21 > max(20, 2.1)
    expect(isCategorical(50, 1000)).toBe(true); // 50 ≤ 5% of 1000
    expect(isCategorical(51, 1000)).toBe(false);
    expect(isCategorical(3, 5)).toBe(false); // 3 > 5 / 2
    const text = strings(inferColumn('name', ['Ann', 'Bob', 'NA', 'Cy']).column);
    expect(text.type).toBe('text');
    expect(text.values).toEqual(['Ann', 'Bob', null, 'Cy']);
  });

  it('makes an all-missing column numeric and warns', () => {
    const { column, warning } = inferColumn('empty', ['', 'NA']);
    expect(column.type).toBe('numeric');
    expect(Array.from(numeric(column).values)).toEqual([NaN, NaN]);
    expect(warning).toBe('Column "empty" has no values: every cell is missing.');
  });
});

describe('readCsvText', () => {
  it('infers the missing-value fixture', () => {
    const { table, meta } = readCsvText(fixture('missing.csv'));
    expect(meta).toEqual({
      delimiter: ',',
      warnings: [],
      badRows: { count: 0, firstLines: [] },
      rowCount: 6,
      columnCount: 3,
    });
    expect(Array.from(numeric(getColumn(table, 'x')).values)).toEqual([1, NaN, 3, NaN, 5, -999]);
    expect(Array.from(numeric(getColumn(table, 'y')).values)).toEqual([NaN, 2, NaN, 4, NaN, 10]);
    const label = strings(getColumn(table, 'label'));
    expect(label.type).toBe('categorical');
    expect(label.values).toEqual(['cat', 'dog', 'cat', null, 'dog', null]);
  });

  it('applies a user-set missing marker', () => {
    const { table } = readCsvText(fixture('missing.csv'), { missingMarkers: ['-999'] });
    expect(Array.from(numeric(getColumn(table, 'x')).values)).toEqual([1, NaN, 3, NaN, 5, NaN]);
  });

  it('infers labels, booleans and text', () => {
    const { table } = readCsvText(fixture('labels.csv'));
    expect(table.columns.map((c) => c.type)).toEqual(['numeric', 'categorical', 'boolean', 'text']);
    const smoker = numeric(getColumn(table, 'smoker'));
    expect(Array.from(smoker.values)).toEqual([1, 0, 1, 0, 0, 1]);
    expect(smoker.labels).toEqual(['no', 'yes']);
    expect(strings(getColumn(table, 'colour')).values).toEqual(['red', 'green', 'red', 'blue', 'red', 'green']);
  });

  it('reads the pipe and tab fixtures', () => {
    const pipe = readCsvText(fixture('pipe.csv')).table;
    expect(pipe.columns.map((c) => c.type)).toEqual(['numeric', 'categorical', 'boolean']);
    expect(numeric(pipe.columns[2]).labels).toEqual(['false', 'true']);
    expect(Array.from(numeric(pipe.columns[2]).values)).toEqual([1, 0, 1, 0]);
    const tab = readCsvText(fixture('tab.tsv')).table;
    expect(tab.columns.map((c) => c.type)).toEqual(['text', 'numeric', 'numeric']);
    expect(Array.from(numeric(tab.columns[1]).values)).toEqual([30, 41, -5]);
    expect(Array.from(numeric(tab.columns[2]).values)).toEqual([1.62, 1.8, 0.75]);
  });

  it('reads decimal commas in a semicolon file, and says so', () => {
    const { table, meta } = readCsvText(fixture('european.csv'));
    expect(meta.delimiter).toBe(';');
    expect(Array.from(numeric(getColumn(table, 'preis')).values)).toEqual([1.5, 2.25, -0.75]);
    expect(Array.from(numeric(getColumn(table, 'menge')).values)).toEqual([3, 4, 5]);
    expect(meta.warnings).toEqual(['Column "preis" uses a decimal comma: "1,5" was read as 1.5.']);
  });

  it('leaves decimal commas as strings when told to, never misreading them', () => {
    const { table, meta } = readCsvText(fixture('european.csv'), { decimalComma: false });
    const preis = strings(getColumn(table, 'preis'));
    expect(preis.type).toBe('text');
    expect(preis.values).toEqual(['1,5', '2,25', '-0,75']);
    expect(meta.warnings).toEqual([]);
    // In a comma-delimited file a quoted "1,5" is not read as a number by default.
    const comma = readCsvText('a,b\n"1,5",1\n"2,5",2\n"1,5",3\n"2,5",4\n');
    expect(comma.table.columns[0].type).toBe('categorical');
  });

  it('reads the BOM/semicolon/CRLF fixture end to end', () => {
    const { table, meta } = readCsvText(fixture('bom-semicolon-crlf.csv'));
    expect(meta.delimiter).toBe(';');
    expect(table.rowCount).toBe(3);
    expect(table.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'numeric'],
      ['name', 'text'],
      ['score', 'numeric'],
    ]);
    expect(Array.from(numeric(table.columns[2]).values)).toEqual([3.5, NaN, 4.5]);
  });

  it('puts header and inference warnings together, and keeps good rows on request', () => {
    const { table, meta } = readCsvText('a,a,\n1,,x\n2,,y\n3\n', { keepBadRows: true });
    expect(table.columns.map((c) => c.name)).toEqual(['a', 'a_2', 'column_3']);
    expect(meta.warnings).toEqual([
      'Column 2 is also named "a"; it is called "a_2".',
      'Column 3 has no name in the header; it is called "column_3".',
      'Skipped 1 row with a different number of fields than the header (3): line 4.',
      'Column "a_2" has no values: every cell is missing.',
    ]);
    expect(meta.badRows).toEqual({ count: 1, firstLines: [4] });
    expect(table.rowCount).toBe(2);
  });
});
