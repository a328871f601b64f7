// The fast path's one-pass loop for plain numeric rows (csv/plain.ts), on its
// own and inside readCsvFast, against references that do not use it: Number()
// on each field's text, and the ordinary reader (papaparse + inference,
// read.ts) on whole files, numbers compared bit for bit. Slices are made small
// so that their boundaries fall inside fields, quotes and \r\n pairs.

import { describe, expect, it } from 'vitest';
import { readCsvFast } from '../../../src/lib/data/csv/fast';
import { NumberColumn } from '../../../src/lib/data/csv/number-column';
import { readPlainRows } from '../../../src/lib/data/csv/plain';
import { readCsvText } from '../../../src/lib/data/csv/read';
import type { CsvOptions } from '../../../src/lib/data/csv';

const encode = (text: string) => new TextEncoder().encode(text);

/** Numbers compared bit for bit (-0 ≠ 0, NaN = NaN). */
function comparable(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (v instanceof Float64Array ? Array.from(v, (x) => (Object.is(x, -0) ? '-0' : String(x))) : v)),
  );
}

function outcome(read: () => unknown): unknown {
  try {
    return comparable(read());
  } catch (error) {
    return { error: String(error), ...(error as object) };
  }
}

async function expectSameAsOrdinary(bytes: Uint8Array, chunks: number[], options: CsvOptions = {}, extra: object = {}): Promise<void> {
  const reference = outcome(() => readCsvText(bytes, options));
  for (const chunkBytes of chunks) {
    let fast: unknown;
    try {
      const result = await readCsvFast(new Blob([bytes as Uint8Array<ArrayBuffer>]), { ...options, chunkBytes, ...extra });
      expect(result, `chunks of ${chunkBytes} bytes: the fast path read it`).not.toBeNull();
      fast = comparable(result);
    } catch (error) {
      fast = { error: String(error), ...(error as object) };
    }
    expect(fast, `chunks of ${chunkBytes} bytes`).toEqual(reference);
  }
}

function columns(n: number, capacity = 4): NumberColumn[] {
  return Array.from({ length: n }, () => new NumberColumn(capacity));
}

describe('readPlainRows', () => {
  it('reads plain rows exactly as Number() reads each field, and stops at the first row that is not plain', () => {
    const rows = ['1.5,-2,3e2', '.5,5.,-0', ',+7,1E-3', '0.1,0.2,0.3', '123456789012345678,1,2', '4,5,6'];
    const text = rows.join('\r\n') + '\n';
    const bytes = encode(text);
    const cols = columns(3, 2); // too small on purpose: the columns must grow
    const stop = readPlainRows(bytes, 0, bytes.length, 44, cols);
    // The fifth row's first field has 18 digits, more than a double holds exactly: the loop stops at its start.
    expect(stop).toBe(text.indexOf('123456789012345678'));
    expect(cols.map((c) => c.length)).toEqual([4, 4, 4]);
    rows.slice(0, 4).forEach((row, i) =>
      row.split(',').forEach((field, j) => {
        const expected = field === '' ? NaN : Number(field);
        expect(Object.is(cols[j].values[i], expected), `row ${i}, field ${j}: ${field}`).toBe(true);
      }),
    );
  });

  it('leaves quoted fields, spaces, markers, short and long rows, lone \\r and an unfinished last row to the general scanner', () => {
    for (const row of ['"1",2', ' 1,2', '1 ,2', 'NA,2', '1', '1,2,3', '1,2\r3,4', '-,2', '.,2', '1e,2', '1e+,2', '1e400,2', '1,2']) {
      const text = `9,9\n${row}`; // the last row has no \n: it may go on in the next slice
      const bytes = encode(text);
      const cols = columns(2);
      expect(readPlainRows(bytes, 0, bytes.length, 44, cols), row).toBe(4);
      expect(cols[0].length).toBe(1);
    }
  });

  it('reads up to the last complete line only, so a field cut by the end of a slice is never read', () => {
    const bytes = encode('1,2\n3,45');
    const cols = columns(2);
    expect(readPlainRows(bytes, 0, 6, 44, cols)).toBe(4); // the slice ends inside "45"
    expect(Array.from(cols[1].values.subarray(0, cols[1].length))).toEqual([2]);
  });

  it('hands the values over as a view of the right length, without a copy, when the estimate was close', () => {
    const column = new NumberColumn(100);
    for (let i = 0; i < 90; i++) column.push(i);
    const values = column.finish();
    expect(values.length).toBe(90);
    expect(values.buffer.byteLength).toBe(100 * 8);
    // A large estimate is taken only once the column fills its first 65,536 rows (text columns fail before).
    const big = new NumberColumn(200_000);
    expect(big.values.length).toBe(65_536);
    for (let i = 0; i <= 65_536; i++) big.push(i);
    expect(big.values.length).toBe(200_000);
    expect(big.values[65_536]).toBe(65_536);
    const far = new NumberColumn(1_000_000);
    far.push(1);
    expect(far.finish().buffer.byteLength).toBe(8); // a wild overestimate is not kept
  });
});

/** A seeded all-numeric file in the forms the loop reads, plus some it leaves to the general scanner. */
function numericFile(seed: number, rows: number, newline: string, trailingNewline: boolean, odd: boolean): string {
  const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const pick = <T,>(items: T[]): T => items[Math.floor(rand() * items.length)];
  const plain = () => {
    const x = (rand() - 0.4) * 10 ** Math.floor(rand() * 10 - 4);
    return pick([String(x), x.toFixed(4), x.toExponential(3), x.toExponential(5).toUpperCase(), `+${Math.abs(x).toFixed(2)}`, '-0', '', '.25', '7.']);
  };
  const unusual = () => pick([`"${(rand() * 100).toFixed(2)}"`, ` ${(rand() * 10).toFixed(1)}`, 'NA', '12345678901234567890', '1e-30', '""']);
  const lines = ['a,b,c,d'];
  for (let i = 0; i < rows; i++) {
    if (odd && rand() < 0.02) lines.push('');
    lines.push(Array.from({ length: 4 }, () => (odd && rand() < 0.05 ? unusual() : plain())).join(','));
  }
  return lines.join(newline) + (trailingNewline ? newline : '');
}

describe('readCsvFast on numeric files (the one-pass loop and the general scanner together)', () => {
  it('equals the ordinary reader: LF, CRLF, trailing line break or not, slices cutting fields everywhere', async () => {
    for (const [seed, newline, trailing] of [
      [1, '\n', true],
      [2, '\r\n', true],
      [3, '\r\n', false],
      [4, '\n', false],
    ] as const) {
      await expectSameAsOrdinary(encode(numericFile(seed, 150, newline, trailing, false)), [1, 2, 3, 7, 64, 4096]);
    }
  });

  it('equals the ordinary reader with quoted numbers, spaces, markers, long digits and blank lines among plain rows', async () => {
    await expectSameAsOrdinary(encode(numericFile(5, 400, '\r\n', true, true)), [1, 5, 64, 4096]);
    await expectSameAsOrdinary(encode(numericFile(6, 400, '\n', false, true)), [3, 4096]);
  });

  it('equals the ordinary reader with a byte-order mark, and with lone \\r line breaks', async () => {
    await expectSameAsOrdinary(encode('\uFEFF' + numericFile(7, 100, '\n', true, false)), [1, 64, 4096]);
    await expectSameAsOrdinary(encode(numericFile(8, 100, '\r', true, false)), [2, 4096]);
  });

  it('equals the ordinary reader on a file larger than its sniffed start, whose rows get shorter (the columns must grow)', async () => {
    const long = Array.from({ length: 6000 }, (_, i) => `${i}.123456789012,${i}.98765432101,-${i}.55555555555`);
    const short = Array.from({ length: 200_000 }, (_, i) => `${i % 10},${i % 7},${i % 3}`);
    await expectSameAsOrdinary(encode(['x,y,z', ...long, ...short].join('\n') + '\n'), [65_536, 1 << 20]);
  });

  it('equals the ordinary reader when a column turns to text after 100,000 rows', async () => {
    const lines = ['id,value,late'];
    for (let i = 0; i < 100_010; i++) lines.push(`${i},${(i * 0.37).toFixed(3)},${i === 100_004 ? 'oops' : (i % 11) / 4}`);
    const bytes = encode(lines.join('\r\n'));
    await expectSameAsOrdinary(bytes, [65_536, 1 << 20]);
    const result = await readCsvFast(new Blob([bytes as Uint8Array<ArrayBuffer>]), { chunkBytes: 65_536 });
    expect(result?.table.columns.map((c) => c.type)).toEqual(['numeric', 'numeric', 'categorical']); // 45 distinct values and 'oops'
  });

  it('equals the ordinary reader with a missing-value marker that is a number, and a decimal-comma file', async () => {
    const text = numericFile(9, 200, '\n', true, false).replace(/\n-0,/g, '\n-999,');
    await expectSameAsOrdinary(encode(text), [3, 4096], { missingMarkers: ['-999'] });
    await expectSameAsOrdinary(encode('a;b\n1,5;1.234\n2,5;2.500\n;\n3;4\n'), [1, 4096]);
  });
});
