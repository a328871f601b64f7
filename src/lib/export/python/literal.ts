// Python literals for generated code: strings, numbers and lists written so
// that Python reads back exactly the value fitbook holds (numbers to the
// last bit, any text safely quoted).

/** A Python string literal (JSON's escapes are valid Python escapes). */
export function pyString(text: string): string {
  return JSON.stringify(text);
}

/** A Python float or int literal that round-trips the double exactly. */
export function pyNumber(x: number): string {
  if (Number.isNaN(x)) return 'float("nan")';
  if (x === Infinity) return 'float("inf")';
  if (x === -Infinity) return '-float("inf")';
  // JavaScript's shortest round-trip form is also valid Python.
  return String(x);
}

export function pyValue(value: number | string | boolean | null): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return typeof value === 'number' ? pyNumber(value) : pyString(value);
}

/** A list literal, wrapped at about 100 characters a line so long lists stay readable. */
export function pyList(values: readonly (number | string)[], indent = '    '): string {
  const items = values.map((v) => (typeof v === 'number' ? pyNumber(v) : pyString(v)));
  const oneLine = `[${items.join(', ')}]`;
  if (oneLine.length <= 100) return oneLine;
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line && line.length + item.length + 2 > 96) {
      lines.push(line);
      line = '';
    }
    line += (line ? ' ' : '') + item + ',';
  }
  if (line) lines.push(line);
  return `[\n${lines.map((l) => indent + l).join('\n')}\n]`;
}

/** A Python identifier-safe suffix for a step number. */
export function stepName(prefix: string, index: number): string {
  return `${prefix}_${index + 1}`;
}
