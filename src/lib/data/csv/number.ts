// Decimal bytes → float64 without making a string: the CSV fast path's number
// reader (see fast.ts). It reads only the plain form of inference rule 1
// ([+-]digits[.digits][e[+-]digits], no spaces), and only when the result is
// certain to equal Number(text) bit for bit; for anything else it returns NaN
// and the caller reads the field's text the ordinary way.
//
// Why the result is exact (Clinger's fast path): with at most 15 significant
// digits the digits form an integer m < 10^15 < 2^53, so m is an exact double;
// 10^k for k ≤ 22 is an exact double too. IEEE 754 rounds a single
// multiplication or division correctly, so m × 10^k and m / 10^k are the
// doubles nearest the exact decimal value, which is what Number() returns.

export const POW10 = Float64Array.of(1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22);
export const MAX_DIGITS = 15;
export const MAX_POW = 22;

/** Set by readDecimal: whether the text had a decimal point. */
export const lastParse = { dot: false };

/** Where readDecimal puts the number (an array slot, so that no double is boxed per call). */
export const parsed = new Float64Array(1);

/**
 * The number written in the ASCII bytes [start, end), or NaN when they are
 * not in the plain form or the fast path cannot guarantee the same double as
 * Number(). Never NaN for a number it accepts; an empty range gives NaN.
 */
export function parseDecimal(bytes: Uint8Array, start: number, end: number): number {
  return readDecimal(bytes, start, end) ? parsed[0] : NaN;
}

/** parseDecimal for the scanner: true with the number in parsed[0], or false. */
export function readDecimal(bytes: Uint8Array, start: number, end: number): boolean {
  let i = start;
  let c = i < end ? bytes[i] : -1;
  const negative = c === 45; // '-'
  if (negative || c === 43) c = ++i < end ? bytes[i] : -1; // '+'
  let m = 0;
  let significant = 0; // digits after any leading zeros
  let digits = 0;
  let scale = 0; // digits after the point
  while (c >= 48 && c <= 57) {
    if (m !== 0 || c !== 48) significant++;
    m = m * 10 + (c - 48);
    digits++;
    c = ++i < end ? bytes[i] : -1;
  }
  lastParse.dot = c === 46;
  if (c === 46) {
    c = ++i < end ? bytes[i] : -1;
    while (c >= 48 && c <= 57) {
      if (m !== 0 || c !== 48) significant++;
      m = m * 10 + (c - 48);
      digits++;
      scale++;
      c = ++i < end ? bytes[i] : -1;
    }
  }
  if (digits === 0 || significant > MAX_DIGITS) return false;
  let exponent = 0;
  if (c === 101 || c === 69) {
    // 'e' or 'E'
    c = ++i < end ? bytes[i] : -1;
    const negativeExponent = c === 45;
    if (negativeExponent || c === 43) c = ++i < end ? bytes[i] : -1;
    let expDigits = 0;
    while (c >= 48 && c <= 57 && expDigits < 5) {
      exponent = exponent * 10 + (c - 48);
      expDigits++;
      c = ++i < end ? bytes[i] : -1;
    }
    if (expDigits === 0) return false;
    if (negativeExponent) exponent = -exponent;
  }
  if (i !== end) return false; // other characters, or an exponent too long to bother with
  const power = exponent - scale;
  let value: number;
  if (power === 0 || m === 0) value = m;
  else if (power > 0 && power <= MAX_POW) value = m * POW10[power];
  else if (power < 0 && power >= -MAX_POW) value = m / POW10[-power];
  else return false;
  parsed[0] = negative ? -value : value;
  return true;
}
