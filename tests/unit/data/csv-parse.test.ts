import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, type ParseOptions } from '../../../src/lib/data/csv';
import { detectDelimiter } from '../../../src/lib/data/csv/delimiter';
import { uniqueHeaders } from '../../../src/lib/data/csv/headers';
import { fixture } from './fixtures';

function parseError(input: string | Uint8Array, options: ParseOptions = {}): CsvError {
  try {
    parseCsv(input, options);
  } catch (error) {
    expect(error).toBeInstanceOf(CsvError);
    return error as CsvError;
  }
  throw new Error('expected a CsvError');
}

describe('parseCsv: delimiters, line breaks, BOM', () => {
  it('reads a semicolon file with a BOM and CRLF line breaks', () => {
    const r = parseCsv(fixture('bom-semicolon-crlf.csv'));
    expect(r.delimiter).toBe(';');
    expect(r.names).toEqual(['id', 'name', 'score']);
    expect(r.rowCount).toBe(3);
    expect(r.columns).toEqual([
      ['1', '2', '3'],
      ['Ann', 'Bob', 'Cy'],
      ['3.5', 'NA', '4.5'],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('detects pipe and tab delimiters', () => {
    const pipe = parseCsv(fixture('pipe.csv'));
    expect(pipe.delimiter).toBe('|');
    expect(pipe.names).toEqual(['a', 'b', 'flag']);
    expect(pipe.rowCount).toBe(4);
    const tab = parseCsv(fixture('tab.tsv'));
    expect(tab.delimiter).toBe('\t');
    expect(tab.names).toEqual(['name', 'age', 'height m']);
    expect(tab.columns[1]).toEqual(['30', '+41', '-0.5e1']);
  });

  it('picks the semicolon for a file with decimal commas, where papaparse guesses wrong', () => {
    const text = new TextDecoder().decode(fixture('european.csv'));
    expect(detectDelimiter(text)).toBe(';');
    const r = parseCsv(text);
    expect(r.delimiter).toBe(';');
    expect(r.columns[1]).toEqual(['1,5', '2,25', '-0,75']);
  });

  it('prefers the delimiter with consistent field counts over the one with most fields', () => {
    // Commas give 2, 3, 2 fields; semicolons give 2 fields on every row.
    expect(detectDelimiter('a;b\nx,y;1\np,q,r;2\n')).toBe(';');
    // Ties on consistency go to more fields: tab splits every row in 3, comma in 2.
    expect(detectDelimiter('a\tb,c\td\n1\t2,5\t3\n')).toBe('\t');
  });

  it('reads a one-column file, reported as comma-delimited', () => {
    const r = parseCsv('value\n1\n2\n');
    expect(r.delimiter).toBe(',');
    expect(r.names).toEqual(['value']);
    expect(r.rowCount).toBe(2);
  });

  it('uses the delimiter it is given instead of detecting one', () => {
    const r = parseCsv('a;b,c\n1;2,3\n', { delimiter: ',' });
    expect(r.names).toEqual(['a;b', 'c']);
  });

  it('reads lone CR line breaks', () => {
    const r = parseCsv(fixture('lone-cr.csv'));
    expect(r.names).toEqual(['a', 'b']);
    expect(r.columns).toEqual([
      ['1', '3'],
      ['2', '4'],
    ]);
  });

  it('skips blank lines anywhere without counting them as bad rows', () => {
    const r = parseCsv(fixture('blank-lines.csv'));
    expect(r.names).toEqual(['a', 'b']);
    expect(r.rowCount).toBe(2);
    expect(r.badRows).toEqual({ count: 0, firstLines: [] });
  });
});

describe('parseCsv: quoting and headers', () => {
  it('reads quoted headers and fields with delimiters, newlines and doubled quotes', () => {
    const r = parseCsv(fixture('quoted-headers.csv'));
    expect(r.delimiter).toBe(',');
    // Trimmed, and the line break inside the third header becomes a space.
    expect(r.names).toEqual(['first name', 'home, town', 'note text']);
    expect(r.rowCount).toBe(3);
    expect(r.columns[0]).toEqual(['Ann', 'Bob', 'Cy']);
    expect(r.columns[1]).toEqual(['Paris, FR', 'Rome', '']);
    expect(r.columns[2]).toEqual(['said "hi"\nthen left', 'ok', '3']);
  });

  it('makes duplicate and empty header names unique, with warnings', () => {
    const r = parseCsv(fixture('duplicate-headers.csv'));
    expect(r.names).toEqual(['x', 'x_2', 'column_3', 'y']);
    expect(r.warnings).toEqual([
      'Column 2 is also named "x"; it is called "x_2".',
      'Column 3 has no name in the header; it is called "column_3".',
    ]);
    expect(r.columns[2]).toEqual(['3', '7']);
  });

  it('does not give a duplicate the name of a later column', () => {
    expect(uniqueHeaders(['x', 'x', 'x_2', 'x']).names).toEqual(['x', 'x_3', 'x_2', 'x_4']);
    expect(uniqueHeaders(['column_2', '']).names).toEqual(['column_2', 'column_2_2']);
  });

  it('keeps a header that looks like HTML as plain text', () => {
    const r = parseCsv(fixture('html-header.csv'));
    expect(r.names).toEqual(['<img src=x onerror=alert(1)>', 'value']);
    expect(r.columns[0]).toEqual(['<b>bold</b>', '<i>x</i>']);
  });

  it('gives the same result however the text is chunked', () => {
    for (const name of ['quoted-headers.csv', 'bom-semicolon-crlf.csv', 'blank-lines.csv', 'missing.csv']) {
      const whole = parseCsv(fixture(name));
      for (const chunkChars of [1, 2, 3, 7, 16]) {
        expect(parseCsv(fixture(name), { chunkChars })).toEqual(whole);
      }
    }
    const ragged = parseCsv(fixture('ragged.csv'), { keepBadRows: true });
    expect(parseCsv(fixture('ragged.csv'), { keepBadRows: true, chunkChars: 5 })).toEqual(ragged);
  });
});

describe('parseCsv: bad rows', () => {
  it('fails on rows with the wrong number of fields, naming file lines (embedded newlines counted)', () => {
    const error = parseError(fixture('ragged.csv'));
    expect(error.code).toBe('bad-rows');
    expect(error.badRows).toEqual({ count: 6, firstLines: [3, 6, 9, 11, 12] });
    expect(error.line).toBe(3);
    expect(error.message).toBe(
      '6 rows have a different number of fields than the header (3): lines 3, 6, 9, 11, 12, …. ' +
        'You can skip them and keep the 4 good rows.',
    );
  });

  it('keeps the good rows when asked, and says what it skipped', () => {
    const r = parseCsv(fixture('ragged.csv'), { keepBadRows: true });
    expect(r.rowCount).toBe(4);
    expect(r.badRows).toEqual({ count: 6, firstLines: [3, 6, 9, 11, 12] });
    expect(r.columns).toEqual([
      ['1', '6', 'multi\nline', '15'],
      ['2', '7', '1', '16'],
      ['3', '8', '2', '17'],
    ]);
    expect(r.warnings).toEqual([
      'Skipped 6 rows with a different number of fields than the header (3): lines 3, 6, 9, 11, 12, ….',
    ]);
  });

  it('counts lines after a multi-line header and a CRLF quoted newline', () => {
    const error = parseError('"a\r\nb",c\r\n1,"x\r\ny"\r\n2\r\n');
    expect(error.badRows).toEqual({ count: 1, firstLines: [5] });
    expect(error.message).toBe(
      '1 row has a different number of fields than the header (2): line 5. You can skip it and keep the 1 good row.',
    );
  });

  it('fails even with keepBadRows when no row is good', () => {
    const error = parseError('a,b\n1\n2\n', { keepBadRows: true });
    expect(error.code).toBe('bad-rows');
    expect(error.badRows).toEqual({ count: 2, firstLines: [2, 3] });
    expect(error.message).toContain('nothing to keep');
  });
});

describe('parseCsv: errors', () => {
  it('reports an unterminated quote with the line it opens on', () => {
    const error = parseError(fixture('unterminated-quote.csv'));
    expect(error.code).toBe('unterminated-quote');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^A quoted field that starts on line 3 is never closed/);
    // The open field is found on its own line even after a multi-line field in the same row.
    expect(parseError('a,b,c\n"x\ny",1,"open\n').line).toBe(3);
  });

  it('reports text after a closing quote', () => {
    const error = parseError('a,b\n1,2\n"x"y,3\n');
    expect(error.code).toBe('malformed-quote');
    expect(error.line).toBe(3);
  });

  it('reports an empty file, and one of only blank lines', () => {
    expect(parseError(fixture('empty.csv')).code).toBe('empty');
    expect(parseError(' \r\n\n\t\n').code).toBe('empty');
    expect(parseError('\uFEFF').message).toBe('This file is empty: it has no header and no rows.');
  });

  it('reports a header with no rows', () => {
    const error = parseError(fixture('header-only.csv'));
    expect(error.code).toBe('no-rows');
    expect(error.message).toBe('This file has a header (3 columns) but no data rows.');
  });

  it('reports progress from 0 to 1, never decreasing', () => {
    const fractions: number[] = [];
    const text = 'a,b\n' + Array.from({ length: 1000 }, (_, i) => `${i},${i * 2}`).join('\n');
    parseCsv(text, { chunkChars: 500, onProgress: (f) => fractions.push(f) });
    expect(fractions.length).toBeGreaterThan(10);
    expect(fractions.at(-1)).toBe(1);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThan(fractions[i - 1]);
  });
});
