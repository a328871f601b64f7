import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../../src/lib/data/csv';
import { inferColumn, inferTable, isCategorical, parseDecimalComma, parseNumber, parseThousands } from '../../../src/lib/data/infer';
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

  it('reads thousands separators: groups of three after a first group of 1-3 digits not starting with 0', () => {
    expect(parseThousands('52,000')).toBe(52000);
    expect(parseThousands(' 1,200 ')).toBe(1200);
    expect(parseThousands('-1,234,567.25')).toBe(-1234567.25);
    expect(parseThousands('+999,999')).toBe(999999);
    expect(parseThousands('300')).toBe(300); // plain numbers as rule 1
    expect(parseThousands('1.5e3')).toBe(1500);
    for (const s of ['1,5', '-0,75', '0,500', '1,23', '1,2345', '1234,567', '1,234,5', ',123', '1,,234', '1,234.', '1.234,5']) {
      expect(parseThousands(s), s).toBeNaN();
    }
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

  it('matches several user markers trimmed and ignoring case, on both sides', () => {
    const isMissing = missingTest([' Unknown ', '-', 'MISSING']);
    for (const s of ['unknown', 'UNKNOWN', '  Unknown\t', '-', ' - ', 'missing', 'Missing ']) {
      expect(isMissing(s), JSON.stringify(s)).toBe(true);
    }
    for (const s of ['--', 'unknown!', '-1', 'un known']) expect(isMissing(s), s).toBe(false);
    // A blank marker adds nothing (blank cells are missing anyway).
    expect(missingTest(['  '])('x')).toBe(false);
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

describe('inferColumn: near-numeric columns', () => {
  const temp = ['20.1', 'n/a', 'unknown', '-', '22.4', '23.0', '21.7', '19.9'];

  it('names the values that keep a mostly numeric column from being numeric', () => {
    // 5 of the 7 non-missing cells are numbers; the other two have no digits at all.
    const { column, warning } = inferColumn('temp', temp);
    expect(column.type).toBe('text');
    expect(warning).toBe(
      "Column \"temp\" would be numeric except for 'unknown' (1), '-' (1): add them as missing-value markers to read it as numbers.",
    );
  });

  it('reads that column as numbers once they are missing-value markers', () => {
    const { column, warning } = inferColumn('temp', temp, { missingMarkers: ['unknown', '-'] });
    const values = Array.from(numeric(column).values);
    expect(values).toEqual([20.1, NaN, NaN, NaN, 22.4, 23, 21.7, 19.9]);
    expect(values.filter(Number.isNaN)).toHaveLength(3);
    expect(warning).toBeUndefined();
    // Marker and cells compared trimmed and ignoring case.
    const spaced = inferColumn('temp', ['1', ' UNKNOWN ', '2', ' - '], { missingMarkers: [' Unknown', '- '] });
    expect(Array.from(numeric(spaced.column).values)).toEqual([1, NaN, 2, NaN]);
  });

  it('names values with digits only when at least 80% of the cells are numbers', () => {
    const nine = ['1', '2', '3', '4', '12 kg', '5', '6', '7', '8', '9'];
    expect(inferColumn('w', nine).warning).toBe(
      "Column \"w\" would be numeric except for '12 kg' (1): add it as a missing-value marker to read it as numbers.",
    );
    // 3 of 5 (60%), and the others have digits: they are data, not placeholders.
    expect(inferColumn('w', ['1', '2', '3', '4 kg', '5 kg']).warning).toBeUndefined();
    // Half is not most.
    expect(inferColumn('w', ['1', 'x', 'y', '2']).warning).toBeUndefined();
    expect(inferColumn('name', ['Ann', 'Bob', 'Cy']).warning).toBeUndefined();
    expect(inferColumn('b', ['yes', 'no', 'yes']).warning).toBeUndefined();
  });

  it('lists the five most frequent, then how many more', () => {
    const cells = [...Array.from({ length: 13 }, (_, i) => String(i)), 'a', 'b', 'c', 'b', 'd', 'e', 'f'];
    expect(inferColumn('v', cells).warning).toBe(
      "Column \"v\" would be numeric except for 'b' (2), 'a' (1), 'c' (1), 'd' (1), 'e' (1) and 1 other value: " +
        'add them as missing-value markers to read it as numbers.',
    );
  });

  it('says nothing when more than 100 distinct values are not numbers', () => {
    const numbers = Array.from({ length: 1000 }, (_, i) => String(i));
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`);
    // 1000 of 1100 or 1101 cells (over 90%) are numbers either way.
    expect(inferColumn('v', [...numbers, ...words(100)]).warning).toMatch(
      /^Column "v" would be numeric except for 'w0' \(1\), 'w1' \(1\), 'w2' \(1\), 'w3' \(1\), 'w4' \(1\) and 95 other values: /,
    );
    expect(inferColumn('v', [...numbers, ...words(101)]).warning).toBeUndefined();
  });

  it('counts decimal-comma numbers when decimal commas are on', () => {
    const cells = ['1,5', '2,5', '3,5', '4,5', 'x'];
    expect(inferColumn('p', cells, { decimalComma: true }).warning).toBe(
      "Column \"p\" would be numeric except for 'x' (1): add it as a missing-value marker to read it as numbers.",
    );
    expect(inferColumn('p', cells).warning).toBeUndefined();
  });
});

describe('inferTable: commas and dots in numbers', () => {
  it('reads a column of thousands separators as thousands, even where decimal commas are on', () => {
    const { table, warnings } = inferTable(['income'], [['52,000', '61,500', '48,250', '70,100']], { decimalComma: true });
    expect(Array.from(numeric(table.columns[0]).values)).toEqual([52000, 61500, 48250, 70100]);
    expect(warnings).toEqual(['Column "income": "52,000" was read as 52000 (comma as a thousands separator).']);
  });

  it('keeps decimal commas when one cell breaks the thousands pattern', () => {
    const { table, warnings } = inferTable(['v'], [['1,500', '1,5', '2']], { decimalComma: true });
    expect(Array.from(numeric(table.columns[0]).values)).toEqual([1.5, 1.5, 2]);
    expect(warnings).toEqual(['Column "v" uses a decimal comma: "1,500" was read as 1.5.']);
    // "0,500" is no thousands separator either.
    const zero = inferTable(['v'], [['0,500', '1,250']], { decimalComma: true });
    expect(Array.from(numeric(zero.table.columns[0]).values)).toEqual([0.5, 1.25]);
  });

  it('reads a column that fits both as decimal commas when another column needs them', () => {
    const { table, warnings } = inferTable(['preis', 'menge'], [['1,5', '2,25'], ['1,250', '2,500']], { decimalComma: true });
    expect(Array.from(numeric(table.columns[0]).values)).toEqual([1.5, 2.25]);
    expect(Array.from(numeric(table.columns[1]).values)).toEqual([1.25, 2.5]);
    expect(warnings).toEqual([
      'Column "preis" uses a decimal comma: "1,5" was read as 1.5.',
      'Column "menge" uses a decimal comma, like the rest of this file: "1,250" was read as 1.25 (not 1250).',
    ]);
    // With decimal commas off, only the thousands reading is left.
    const off = inferTable(['preis', 'menge'], [['1,5', '2,25'], ['1,250', '2,500']], { decimalComma: false });
    expect(off.table.columns[0].type).toBe('text');
    expect(Array.from(numeric(off.table.columns[1]).values)).toEqual([1250, 2500]);
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

  it('reads thousands separators in a tab file', () => {
    const { table, meta } = readCsvText(fixture('thousands.tsv'));
    expect(meta.delimiter).toBe('\t');
    expect(Array.from(numeric(getColumn(table, 'income')).values)).toEqual([52000, 61500, 48250, 70100]);
    expect(meta.warnings).toEqual(['Column "income": "52,000" was read as 52000 (comma as a thousands separator).']);
  });

  it('reads thousands separators in a pipe file', () => {
    const { table, meta } = readCsvText(fixture('thousands-pipe.csv'));
    expect(meta.delimiter).toBe('|');
    expect(Array.from(numeric(getColumn(table, 'amount')).values)).toEqual([1200, 15000, 300]);
    expect(meta.warnings).toEqual(['Column "amount": "1,200" was read as 1200 (comma as a thousands separator).']);
    const row = readCsvText('a|b|c\n1,200|15,000|300\n');
    expect(row.table.columns.map((c) => Array.from(numeric(c).values))).toEqual([[1200], [15000], [300]]);
    expect(row.meta.warnings).toEqual([
      'Column "a": "1,200" was read as 1200 (comma as a thousands separator).',
      'Column "b": "15,000" was read as 15000 (comma as a thousands separator).',
    ]);
  });

  it('reads quoted thousands in a comma file, but not quoted decimal commas', () => {
    const { table, meta } = readCsvText('item,price\npen,"1,234"\nbook,"12,500.50"\ncup,7\n');
    expect(meta.delimiter).toBe(',');
    expect(Array.from(numeric(getColumn(table, 'price')).values)).toEqual([1234, 12500.5, 7]);
    expect(meta.warnings).toEqual(['Column "price": "1,234" was read as 1234 (comma as a thousands separator).']);
  });

  it('keeps decimal commas in a tab file', () => {
    const { table, meta } = readCsvText('x\ty\n1,5\t1\n-0,75\t2\n3\t3\n');
    expect(Array.from(numeric(getColumn(table, 'x')).values)).toEqual([1.5, -0.75, 3]);
    expect(meta.warnings).toEqual(['Column "x" uses a decimal comma: "1,5" was read as 1.5.']);
  });

  it('warns about dotted thousands in a file with decimal commas, without changing them', () => {
    const { table, meta } = readCsvText(fixture('dotted-thousands.csv'));
    expect(Array.from(numeric(getColumn(table, 'preis')).values)).toEqual([1.5, 2.25, -0.75, 3]);
    expect(Array.from(numeric(getColumn(table, 'menge')).values)).toEqual([1.234, 2.5, 999, 12]);
    expect(meta.warnings).toEqual([
      'Column "preis" uses a decimal comma: "1,5" was read as 1.5.',
      'Column "menge": "1.234" was read as 1.234, but this file writes decimals with a comma, ' +
        'so the dot may be a thousands separator (1234). The values were not changed.',
    ]);
  });

  it('does not warn about dots without decimal commas elsewhere, or with other decimals', () => {
    expect(readCsvText('preis;menge\n1;1.234\n2;2.500\n').meta.warnings).toEqual([]);
    expect(readCsvText('preis;menge\n1,5;1.234\n2;2.5\n').meta.warnings).toEqual([
      'Column "preis" uses a decimal comma: "1,5" was read as 1.5.',
    ]);
    expect(readCsvText('preis;menge\n1,5;0.250\n2;1.500\n').meta.warnings).toEqual([
      'Column "preis" uses a decimal comma: "1,5" was read as 1.5.',
    ]);
    expect(readCsvText(fixture('dotted-thousands.csv'), { decimalComma: false }).meta.warnings).toEqual([]);
  });

  it('explains a column that is numeric but for a few placeholders, and reads it with them as markers', () => {
    const plain = readCsvText(fixture('near-numeric.csv'));
    expect(getColumn(plain.table, 'temp')?.type).toBe('text');
    expect(plain.meta.warnings).toEqual([
      "Column \"temp\" would be numeric except for 'unknown' (1), '-' (1): add them as missing-value markers to read it as numbers.",
    ]);
    const marked = readCsvText(fixture('near-numeric.csv'), { missingMarkers: ['unknown', '-'] });
    expect(Array.from(numeric(getColumn(marked.table, 'temp')).values)).toEqual([20.1, NaN, NaN, NaN, 22.4, 23, 21.7, 19.9]);
    expect(marked.meta.warnings).toEqual([]);
  });

  it('skips a comment line before the header and warns about a numeric header', () => {
    const commented = readCsvText(fixture('commented.csv'));
    expect(commented.table.columns.map((c) => [c.name, c.type])).toEqual([
      ['temp', 'numeric'],
      ['humidity', 'numeric'],
    ]);
    expect(commented.meta.warnings).toEqual(['Skipped 1 comment line at the top (starting with #).']);
    const headless = readCsvText('1.5,2.5,3.5\n4.5,5.5,6.5\n');
    expect(headless.table.columns.map((c) => c.name)).toEqual(['1.5', '2.5', '3.5']);
    expect(headless.meta.warnings).toEqual([
      'The first line looks like numbers, not column names: this file may have no header row; its values were used as names.',
    ]);
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

describe('infinities and numbers beyond float64 (issue 7, item 12)', () => {
  // Not read as numbers (no model can use an infinite value), but always named, whatever their share.
  it.each([
    [['1', '2', '1e309'], "'1e309' (1)"],
    [['1', '2', '3', '-1e400'], "'-1e400' (1)"],
    [['1', 'Infinity', '-Infinity', '4'], "'Infinity' (1), '-Infinity' (1)"],
    [['1e309', '2e309', '5', '6', '7'], "'1e309' (1), '2e309' (1)"],
  ])('%j warns, naming the values and why', (cells, listed) => {
    const r = inferColumn('v', cells);
    expect(r.column.type).not.toBe('numeric');
    expect(r.warning).toContain(`Column "v" would be numeric except for ${listed}`);
    expect(r.warning).toMatch(/beyond ±1\.8e308, which no model can use/);
  });
});
