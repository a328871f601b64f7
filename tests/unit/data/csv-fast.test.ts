// The CSV fast path (csv/fast.ts, scan.ts, number.ts) against the ordinary
// path (papaparse + inference, read.ts), which is the reference: on every
// fixture and on generated files, with chunk boundaries everywhere, the two
// must give the same table (numbers compared bit for bit), meta and errors.

import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCsvFast, type FastOptions } from '../../../src/lib/data/csv/fast';
import { parseDecimal } from '../../../src/lib/data/csv/number';
import { decodeField } from '../../../src/lib/data/csv/scan';
import { readCsvText } from '../../../src/lib/data/csv/read';
import type { CsvOptions } from '../../../src/lib/data/csv';
import { countDistinct } from '../../../src/lib/data/summary';
import { fixture } from './fixtures';

/** A result or error in a form where numbers compare bit for bit (-0 ≠ 0). */
function comparable(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) =>
      v instanceof Float64Array ? Array.from(v, (x) => (Object.is(x, -0) ? '-0' : String(x))) : v,
    ),
  );
}

function outcome(read: () => unknown): unknown {
  try {
    return comparable(read());
  } catch (error) {
    return { error: String(error), ...(error as object) };
  }
}

async function fastOutcome(bytes: Uint8Array, options: FastOptions): Promise<unknown> {
  try {
    const result = await readCsvFast(new Blob([bytes as Uint8Array<ArrayBuffer>]), options);
    return result === null ? null : comparable(result);
  } catch (error) {
    return { error: String(error), ...(error as object) };
  }
}

const CHUNKS = [1, 2, 3, 5, 64, 4096];

async function expectSame(bytes: Uint8Array, options: CsvOptions = {}, mayFallBack = false): Promise<void> {
  const reference = outcome(() => readCsvText(bytes, options));
  for (const chunkBytes of CHUNKS) {
    const fast = await fastOutcome(bytes, { ...options, chunkBytes });
    if (fast === null && mayFallBack) continue;
    expect(fast, `chunks of ${chunkBytes} bytes`).toEqual(reference);
  }
}

describe('parseDecimal', () => {
  const check = (text: string) => {
    const bytes = new TextEncoder().encode(text);
    const x = parseDecimal(bytes, 0, bytes.length);
    // NaN means "read it the ordinary way"; any number must be Number()'s, bit for bit.
    if (!Number.isNaN(x)) expect(Object.is(x, Number(text)), text).toBe(true);
    return x;
  };

  it('reads the plain forms exactly as Number() does', () => {
    for (const text of ['0', '-0', '+0', '0.0', '-0.000', '5.', '.5', '-.5', '+3', '1e3', '1E+05', '2.5e-3', '-7.25E2', '0001.50', '123456789012345', '900719925474099e-10', '1e22', '1e-22', '4.35', '0.1', '0.3']) {
      expect(check(text), text).not.toBeNaN();
    }
  });

  it('leaves other texts to the ordinary reading', () => {
    for (const text of ['', '.', '-', '+', 'e5', '1e', '1e+', '1.2.3', ' 7', '7 ', '1,5', '0x10', 'Infinity', 'NaN', '1_000', '--1', '1e400', '1234567890123456789', '1e-30', '1e23']) {
      expect(check(text), text).toBeNaN();
    }
  });

  it('equals Number() on many random decimal texts', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
    let accepted = 0;
    for (let i = 0; i < 60_000; i++) {
      const sign = ['', '-', '+'][Math.floor(rand() * 3)];
      const whole = digits(Math.floor(rand() * 10));
      const fraction = rand() < 0.7 ? `.${digits(Math.floor(rand() * 10))}` : '';
      const exponent = rand() < 0.3 ? `${rand() < 0.5 ? 'e' : 'E'}${['', '-', '+'][Math.floor(rand() * 3)]}${Math.floor(rand() * 30)}` : '';
      const text = sign + whole + fraction + exponent;
      const x = check(text);
      if (!Number.isNaN(x)) accepted++;
    }
    // Most plain texts take the fast path (it would be pointless otherwise).
    expect(accepted).toBeGreaterThan(30_000);
    // Doubles written by JavaScript itself and by toFixed/toExponential.
    for (let i = 0; i < 20_000; i++) {
      const x = (rand() - 0.5) * 10 ** Math.floor(rand() * 12 - 6);
      for (const text of [String(x), x.toFixed(4), x.toExponential(6), x.toPrecision(15)]) check(text);
    }
  });
});

describe('readCsvFast equals the ordinary reader', () => {
  const root = fileURLToPath(new URL('../../fixtures/csv/', import.meta.url));
  // Files the fast path hands to the ordinary reader: not UTF-8, no header, a quote that never closes.
  const fallBack = new Set(['latin1.csv', 'empty.csv', 'unterminated-quote.csv']);

  for (const name of readdirSync(root)) {
    it(`on the fixture ${name}`, async () => {
      const bytes = fixture(name);
      await expectSame(bytes, {}, fallBack.has(name));
      if (!fallBack.has(name) && name !== 'binary.png') {
        // And it really is the fast path that read it.
        expect(await fastOutcome(bytes, {})).not.toBeNull();
      }
    });
  }

  it('on the fixtures with options: kept bad rows, markers, decimal commas off', async () => {
    await expectSame(fixture('ragged.csv'), { keepBadRows: true });
    await expectSame(fixture('missing.csv'), { missingMarkers: ['-999'] });
    await expectSame(fixture('european.csv'), { decimalComma: false });
    await expectSame(fixture('pipe.csv'), { delimiter: ',' });
  });

  /** A seeded CSV with the field forms listed in the brief, and line breaks of one kind. */
  function generated(seed: number, rows: number, newline: string, trailingNewline: boolean): Uint8Array {
    const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const pick = <T,>(items: T[]): T => items[Math.floor(rand() * items.length)];
    const number = () => {
      const x = (rand() - 0.3) * 10 ** Math.floor(rand() * 8 - 3);
      return pick([
        String(x),
        x.toFixed(3),
        x.toExponential(4),
        x.toExponential(2).toUpperCase(),
        `+${Math.abs(x).toFixed(2)}`,
        `.${Math.floor(rand() * 1000)}`,
        `${Math.floor(rand() * 100)}.`,
        '-0',
        '0.000',
        '',
        `"${x.toFixed(1)}"`,
        ` ${x.toFixed(2)} `,
        'NA',
        '12345678901234567890',
      ]);
    };
    const text = () =>
      pick(['red', 'green', '"blue, light"', '"say ""hi"""', `"two${newline}lines"`, '"a\nb"', '', 'N/A', 'Ünïcode', '""']);
    const lines = ['x,y,label,z,count'];
    for (let i = 0; i < rows; i++) {
      if (rand() < 0.03) lines.push(pick(['', '   ']));
      const z = i === Math.floor(rows * 0.9) ? 'Infinity' : number(); // z turns out not to be numeric, late
      lines.push([number(), number(), text(), z, String(Math.floor(rand() * 5))].join(','));
    }
    return new TextEncoder().encode(lines.join(newline) + (trailingNewline ? newline : ''));
  }

  it('on generated files: exponents, signs, quoted numbers, spaces, markers, quoted line breaks, LF and CRLF', async () => {
    for (const [seed, newline, trailing] of [
      [1, '\n', true],
      [2, '\r\n', true],
      [3, '\r\n', false],
      [4, '\n', false],
      [5, '\r', true],
    ] as const) {
      const bytes = generated(seed, 120, newline, trailing);
      await expectSame(bytes);
      const fast = await readCsvFast(new Blob([bytes as Uint8Array<ArrayBuffer>]), { chunkBytes: 7 });
      expect(fast).not.toBeNull();
      expect(fast?.table.columns.map((c) => c.type)).toEqual(['numeric', 'numeric', 'categorical', 'text', 'numeric']);
    }
  });

  it('on a file larger than its sniffed start, with comments and a BOM', async () => {
    const body = generated(9, 6000, '\r\n', true);
    const head = new TextEncoder().encode('\uFEFF# exported by a tool\r\n\r\n# second note\r\n');
    const bytes = new Uint8Array(head.length + body.length);
    bytes.set(head);
    bytes.set(body, head.length);
    const reference = outcome(() => readCsvText(bytes));
    for (const chunkBytes of [4093, 65536, 1 << 20]) {
      expect(await fastOutcome(bytes, { chunkBytes })).toEqual(reference);
      // A column that stops being numeric is then found at the end of a pass, not at once.
      expect(await fastOutcome(bytes, { chunkBytes, earlyRestartRows: 0 })).toEqual(reference);
    }
  });

  it('on numbers that are missing-value markers, and bad rows', async () => {
    const bytes = new TextEncoder().encode('a,b\n1,-999\n2,3\n4\n-999,5.5\n6,7,8\n');
    await expectSame(bytes, { missingMarkers: ['-999'] });
    await expectSame(bytes, { keepBadRows: true, missingMarkers: ['-999'] });
    await expectSame(bytes); // bad rows: the same error
  });

  it('on dotted thousands in a decimal-comma file', async () => {
    await expectSame(new TextEncoder().encode('a;b\n1,5;1.234\n2,5;2.500\n;\n'));
    await expectSame(new TextEncoder().encode('a;b\n1,5;1.234\n2,5;2.5\n'));
  });
});

describe('countDistinct', () => {
  it('equals a Set-based count on random columns with repeats, -0 and NaN', () => {
    let seed = 3;
    const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (const [n, spread] of [
      [0, 1],
      [10, 3],
      [5000, 50],
      [100_000, 1e9],
      [100_000, 2000],
    ]) {
      const values = Float64Array.from({ length: n }, () => {
        const u = rand();
        if (u < 0.05) return NaN;
        if (u < 0.1) return -0;
        return Math.floor(rand() * spread) / 7;
      });
      const reference = new Set(Array.from(values).filter((x) => !Number.isNaN(x))).size; // a Set treats -0 as 0
      expect(countDistinct(values)).toBe(reference);
    }
  });
});

describe('countDistinct with a cap', () => {
  it('counts exactly up to the cap, and says the cap above it', () => {
    const values = Float64Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 3000) + 0.5);
    expect(countDistinct(values, 10_000)).toBe(3000);
    expect(countDistinct(values, 1000)).toBe(1000);
    // An increasing column (a row number) has a distinct value on every row.
    expect(countDistinct(Float64Array.from({ length: 5000 }, (_, i) => i + 1), 10)).toBe(5000);
  });
});

describe('decodeField', () => {
  it('gives the decoder’s text for short ASCII fields (cached) and for others', () => {
    const decoder = new TextDecoder();
    const texts = ['', 'a', 'b', 'ab', 'ba', '\u0000a', 'a\u0000', 'abcdef', 'abcdeg', 'bbcdef', 'abcdefg', 'é', 'aé', '\u007f\u007f'];
    for (let c = 0; c < 128; c++) texts.push(String.fromCharCode(c), `x${String.fromCharCode(c)}`, `${String.fromCharCode(c)}yz`);
    for (let round = 0; round < 2; round++) {
      for (const text of texts) {
        const bytes = new TextEncoder().encode(`,${text},`);
        expect(decodeField(bytes, 1, bytes.length - 1)).toBe(decoder.decode(bytes.subarray(1, bytes.length - 1)));
      }
    }
  });
});
