// Bytes → text: the size limit, binary files, UTF-8 decoding and the BOM.

import { CsvError } from './errors';
import { formatMegabytes } from './options';

/** How much of the start of a file the binary check looks at. */
const SNIFF_BYTES = 8192;

/** Above this share of control characters in the sniffed part, the file is binary. */
const MAX_CONTROL_SHARE = 0.1;

/** Signatures of binary formats learners often pick by mistake. */
const MAGIC: { name: string; bytes: number[] }[] = [
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'a zip archive or an Excel .xlsx workbook', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'an old Excel .xls workbook', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
];

export function checkSize(byteLength: number, maxBytes: number): void {
  if (byteLength > maxBytes) {
    throw new CsvError({
      code: 'too-large',
      message:
        `This file is ${formatMegabytes(byteLength)}, but fitbook reads files of at most ` +
        `${formatMegabytes(maxBytes)}. Try a smaller sample of the rows.`,
    });
  }
}

/** True for C0 control characters other than tab, line feed, form feed and carriage return. */
function isControl(code: number): boolean {
  return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d;
}

function binaryError(what: string): CsvError {
  return new CsvError({
    code: 'binary',
    message:
      `This looks like a binary file (${what}), not a CSV text file. ` +
      'If it is a spreadsheet, save it as "CSV UTF-8" first and upload that.',
  });
}

function utf16Error(): CsvError {
  return new CsvError({
    code: 'not-utf8',
    message:
      'This file is not UTF-8 text: it was saved as UTF-16 ("Unicode text"). ' +
      'Open it in a spreadsheet or text editor and save it as "CSV UTF-8", then upload it again.',
  });
}

/**
 * UTF-16 text has a byte-order mark FF FE or FE FF or, without one, a NUL in
 * every other byte (for Latin letters); it must not be mistaken for binary.
 */
function looksLikeUtf16(bytes: Uint8Array, n: number): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  if (n < 4) return false;
  const nuls = [0, 0];
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nuls[i % 2]++;
  const half = Math.floor(n / 2);
  return Math.max(nuls[0], nuls[1]) >= 0.9 * half && Math.min(nuls[0], nuls[1]) === 0;
}

/** Throws a CsvError when the bytes look like a binary format rather than text. */
export function checkNotBinary(bytes: Uint8Array): void {
  if (looksLikeUtf16(bytes, Math.min(bytes.length, SNIFF_BYTES))) throw utf16Error();
  for (const magic of MAGIC) {
    if (magic.bytes.every((b, i) => bytes[i] === b)) throw binaryError(`it starts like ${magic.name}`);
  }
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) throw binaryError('it contains NUL bytes');
    if (isControl(bytes[i])) controls++;
  }
  if (n > 0 && controls / n > MAX_CONTROL_SHARE) throw binaryError('it is full of control characters');
}

/** The same checks on text that arrived as a string (e.g. pasted). */
function checkTextNotBinary(text: string): void {
  const n = Math.min(text.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) throw binaryError('it contains NUL characters');
    if (isControl(code)) controls++;
  }
  if (n > 0 && controls / n > MAX_CONTROL_SHARE) throw binaryError('it is full of control characters');
}

function lineOfIndex(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    // \r\n counts once: count the \r, and \n only when not preceded by \r.
    if (c === 0x0d || (c === 0x0a && text.charCodeAt(i - 1) !== 0x0d)) line++;
  }
  return line;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Decode again leniently only to say where the first bad byte is; a genuine
    // U+FFFD earlier in the file would make the line number too early, which is rare.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const line = lineOfIndex(lenient, Math.max(0, lenient.indexOf('\uFFFD')));
    throw new CsvError({
      code: 'not-utf8',
      line,
      message:
        `This file is not UTF-8 text (the first character that is not valid UTF-8 is on line ${line}). ` +
        'It was probably saved in an older encoding such as Latin-1 or Windows-1252. ' +
        'Open it in a spreadsheet or text editor and save it as "CSV UTF-8", then upload it again.',
    });
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The text of a CSV input, checked and without a byte-order mark. Strings are
 * measured by their length in UTF-16 units, which never exceeds their UTF-8 size.
 */
export function decodeInput(input: string | ArrayBuffer | Uint8Array, maxBytes: number): string {
  if (typeof input === 'string') {
    checkSize(input.length, maxBytes);
    checkTextNotBinary(input);
    return stripBom(input);
  }
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  checkSize(bytes.byteLength, maxBytes);
  checkNotBinary(bytes);
  // TextDecoder strips a UTF-8 BOM itself (ignoreBOM: false).
  return decodeUtf8(bytes);
}
