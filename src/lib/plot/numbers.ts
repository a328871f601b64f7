// Small numeric helpers shared by the builders.

/** A plain array copy (typed arrays do not serialise as JSON arrays). */
export function toArray<T>(values: ArrayLike<T>): T[] {
  return Array.from(values);
}

/** Smallest and largest finite values; [0, 1] when there are none. */
export function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

/** The extent widened by `fraction` of its span on each side (a degenerate span gets ±0.5). */
export function padded([lo, hi]: [number, number], fraction: number): [number, number] {
  const pad = hi > lo ? (hi - lo) * fraction : 0.5;
  return [lo - pad, hi + pad];
}

/** `n` evenly spaced values from `lo` to `hi`, both included. */
export function linspace(lo: number, hi: number, n: number): number[] {
  if (n < 2) return [lo];
  const step = (hi - lo) / (n - 1);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? hi : lo + i * step));
}

/** Numbers as people read them: four significant digits, no trailing zeros. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3)) return v.toExponential(3).replace(/\.?0+e/, 'e');
  return String(Number(v.toPrecision(4)));
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/** "1 point" / "150 points"; "3 classes" with `many` given. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "degree 3 fit" → "Degree 3 fit", to start a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
