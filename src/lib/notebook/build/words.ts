// Numbers in the built notebook's prose, written as a reader would say them:
// "6 missing values", "1.4 % of rows", "r = −0.74", "crim, zn and age".

/** "1 row", "6 rows". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** A number with up to `digits` significant digits, without exponent or trailing zeros. */
export function plain(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  const decimals = Math.max(0, digits - 1 - magnitude);
  const text = x.toFixed(Math.min(decimals, 10)).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return text.replace(/^-/, '−');
}

/** A share as a percentage: "1.4 %", "50 %", "under 0.1 %". */
export function percent(share: number): string {
  const p = 100 * share;
  if (p > 0 && p < 0.1) return 'under 0.1 %';
  return `${plain(p, p >= 10 ? 3 : 2)} %`;
}

/** A column name in code style. */
export const code = (name: string) => `\`${name.replace(/`/g, "'")}\``;

/** "a", "a and b", "a, b and c"; long lists end with "and 7 more". */
export function list(items: string[], most = 8): string {
  const shown = items.length > most ? [...items.slice(0, most - 1), `${items.length - most + 1} more`] : items;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}
