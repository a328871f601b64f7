import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, type ParseOptions } from '../../../src/lib/data/csv';
import { detectDelimiter } from '../../../src/lib/data/csv/delimiter';
import { NUMERIC_HEADER_WARNING, uniqueHeaders } from '../../../src/lib/data/csv/headers';
import { leadingComments } from '../../../src/lib/data/csv/parse';
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
    for (const name of ['quoted-headers.csv', 'bom-semicolon-crlf.csv', 'blank-lines.csv', 'missing.csv', 'commented.csv']) {
      const whole = parseCsv(fixture(name));
      for (const chunkChars of [1, 2, 3, 7, 16]) {
        expect(parseCsv(fixture(name), { chunkChars })).toEqual(whole);
      }
    }
    const ragged = parseCsv(fixture('ragged.csv'), { keepBadRows: true });
    expect(parseCsv(fixture('ragged.csv'), { keepBadRows: true, chunkChars: 5 })).toEqual(ragged);
  });
});

describe('parseCsv: comment lines at the top', () => {
  it('skips a # line before the header, with a warning', () => {
    const r = parseCsv(fixture('commented.csv'));
    expect(r.delimiter).toBe(',');
    expect(r.names).toEqual(['temp', 'humidity']);
    expect(r.rowCount).toBe(2);
    expect(r.columns).toEqual([
      ['21.5', '22'],
      ['40', '41'],
    ]);
    expect(r.warnings).toEqual(['Skipped 1 comment line at the top (starting with #).']);
  });

  it('skips several, indented and between blank lines, before detecting the delimiter; lines stay file lines', () => {
    // Line 4 has a lone quote and line 2 a semicolon and commas: neither may reach papaparse or the detection.
    const text = '#a\n  # b; c, d, e\n\n\t#"unclosed\nx;y\n1;2\n3\n4;5\n';
    expect(leadingComments(text)).toEqual({ count: 3, lines: 4, rest: 'x;y\n1;2\n3\n4;5\n' });
    const error = parseError(text);
    expect(error.code).toBe('bad-rows');
    expect(error.line).toBe(7);
    expect(error.badRows).toEqual({ count: 1, firstLines: [7], kept: 2 });
    const r = parseCsv(text, { keepBadRows: true });
    expect(r.delimiter).toBe(';');
    expect(r.names).toEqual(['x', 'y']);
    expect(r.columns).toEqual([
      ['1', '4'],
      ['2', '5'],
    ]);
    expect(r.warnings).toEqual([
      'Skipped 3 comment lines at the top (starting with #).',
      'Skipped 1 row with a different number of fields than the header (2): line 7.',
    ]);
  });

  it('counts the comment lines in quote errors too, after a CRLF file', () => {
    const error = parseError('# note\r\n# more\r\na,b\r\n1,2\r\n3,"open\r\n');
    expect(error.code).toBe('unterminated-quote');
    expect(error.line).toBe(5);
  });

  it('leaves # lines after the header, and files without comments, alone', () => {
    const r = parseCsv('id,note\n#1,first\n # 2,second\n');
    expect(r.columns).toEqual([
      ['#1', ' # 2'],
      ['first', 'second'],
    ]);
    expect(r.warnings).toEqual([]);
    expect(leadingComments('\na,b\n#1,2\n')).toEqual({ count: 0, lines: 0, rest: '\na,b\n#1,2\n' });
    // A # later in the line does not make a comment.
    expect(parseCsv('a#,b\n1,2\n').names).toEqual(['a#', 'b']);
  });

  it('reports a file of only comments as empty', () => {
    const error = parseError('# just a note\n\n  # another\n');
    expect(error.code).toBe('empty');
    expect(error.message).toBe('This file has only comment lines (starting with #): it has no header and no rows.');
  });
});

describe('parseCsv: a header that looks like data', () => {
  it('warns when every header name is a number', () => {
    const r = parseCsv('1.5,2.5,3.5\n4.5,5.5,6.5\n');
    expect(r.names).toEqual(['1.5', '2.5', '3.5']);
    expect(r.rowCount).toBe(1);
    expect(r.warnings).toEqual([
      'The first line looks like numbers, not column names: this file may have no header row; its values were used as names.',
    ]);
    expect(NUMERIC_HEADER_WARNING).toBe(r.warnings[0]);
    // Decimal commas, signs and exponents are numbers too.
    expect(parseCsv('1,5;-2;3e2\n1;2;3\n').warnings).toEqual([NUMERIC_HEADER_WARNING]);
  });

  it('does not warn when one name is not a number', () => {
    expect(parseCsv('1.5,x,3.5\n4.5,5.5,6.5\n').warnings).toEqual([]);
    expect(uniqueHeaders(['1', '']).warnings).toEqual(['Column 2 has no name in the header; it is called "column_2".']);
    expect(uniqueHeaders(['1', '1']).warnings).toEqual([
      NUMERIC_HEADER_WARNING,
      'Column 2 is also named "1"; it is called "1_2".',
    ]);
  });
});

describe('parseCsv: bad rows', () => {
  it('fails on rows with the wrong number of fields, naming file lines (embedded newlines counted)', () => {
    const error = parseError(fixture('ragged.csv'));
    expect(error.code).toBe('bad-rows');
    expect(error.badRows).toEqual({ count: 6, firstLines: [3, 6, 9, 11, 12], kept: 4 });
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
    expect(error.badRows).toEqual({ count: 1, firstLines: [5], kept: 1 });
    expect(error.message).toBe(
      '1 row has a different number of fields than the header (2): line 5. You can skip it and keep the 1 good row.',
    );
  });

  it('fails even with keepBadRows when no row is good', () => {
    const error = parseError('a,b\n1\n2\n', { keepBadRows: true });
    expect(error.code).toBe('bad-rows');
    expect(error.badRows).toEqual({ count: 2, firstLines: [2, 3], kept: 0 });
    expect(error.message).toContain('nothing to keep');
    // The count travels with the error's plain data (worker → page).
    expect(error.toData().badRows?.kept).toBe(0);
  });

  it('says how many good rows there are to keep, and leaves a successful read\'s badRows as before', () => {
    const text = 'a,b\n1,2\n3\n4,5\n6,7\n';
    expect(parseError(text).badRows).toEqual({ count: 1, firstLines: [3], kept: 3 });
    expect(parseError(text).toData().badRows).toEqual({ count: 1, firstLines: [3], kept: 3 });
    expect(parseCsv(text, { keepBadRows: true }).badRows).toEqual({ count: 1, firstLines: [3] });
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
