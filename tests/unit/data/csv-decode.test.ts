import { describe, expect, it } from 'vitest';
import { CsvError, MAX_CSV_BYTES, MAX_CSV_MEGABYTES, parseCsv } from '../../../src/lib/data/csv';
import { fixture } from './fixtures';

function errorOf(f: () => unknown): CsvError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(CsvError);
    return error as CsvError;
  }
  throw new Error('expected a CsvError');
}

describe('decoding', () => {
  it('rejects a PNG as binary', () => {
    const error = errorOf(() => parseCsv(fixture('binary.png')));
    expect(error.code).toBe('binary');
    expect(error.message).toMatch(/^This looks like a binary file \(it starts like a PNG image\)/);
  });

  it('rejects bytes with NULs, or mostly control characters, as binary', () => {
    expect(errorOf(() => parseCsv(new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0x00, 0x31]))).message).toContain(
      'NUL bytes',
    );
    const controls = new Uint8Array(100).fill(0x61);
    for (let i = 0; i < 20; i++) controls[i * 5] = 0x01;
    expect(errorOf(() => parseCsv(controls)).message).toContain('control characters');
    expect(errorOf(() => parseCsv(new Uint8Array([0x1f, 0x8b, 0x08, 0x00]))).message).toContain('gzip');
    expect(errorOf(() => parseCsv('a,b\n\u0000')).code).toBe('binary');
  });

  it('rejects Latin-1 text and names the line of the first bad byte', () => {
    const error = errorOf(() => parseCsv(fixture('latin1.csv')));
    expect(error.code).toBe('not-utf8');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^This file is not UTF-8 text \(the first character that is not valid UTF-8 is on line 3\)/);
  });

  it('says UTF-16 text is not UTF-8 rather than binary', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00, 0x62, 0x00, 0x0a, 0x00]);
    expect(errorOf(() => parseCsv(le)).message).toMatch(/^This file is not UTF-8 text: it was saved as UTF-16/);
    // Big-endian without a byte-order mark: "a,b\n1,2\n".
    const be = new Uint8Array([...'a,b\n1,2\n'].flatMap((c) => [0, c.charCodeAt(0)]));
    expect(errorOf(() => parseCsv(be)).code).toBe('not-utf8');
  });

  it('reads UTF-8 text with accents and emoji', () => {
    const bytes = new TextEncoder().encode('name,city\nRené,Zürich\nZoë,🙂\n');
    expect(parseCsv(bytes).columns).toEqual([
      ['René', 'Zoë'],
      ['Zürich', '🙂'],
    ]);
  });

  it('accepts ArrayBuffer input', () => {
    const bytes = fixture('pipe.csv');
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    expect(parseCsv(buffer).rowCount).toBe(4);
  });

  it('rejects input over the size limit, naming the limit in MB', () => {
    expect(MAX_CSV_BYTES).toBe(1024 * 1024 * 1024);
    expect(MAX_CSV_MEGABYTES).toBe(1024);
    const error = errorOf(() => parseCsv(new Uint8Array(3 * 1024 * 1024), { maxBytes: 2 * 1024 * 1024 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe(
      'This file is 3 MB, but fitbook reads files of at most 2 MB. Try a smaller sample of the rows.',
    );
    expect(errorOf(() => parseCsv('a,b\n1,2\n', { maxBytes: 7 })).code).toBe('too-large');
    expect(parseCsv('a,b\n1,2\n', { maxBytes: 8 }).rowCount).toBe(1);
  });
});
