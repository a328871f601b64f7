// Class labels: any strings or numbers, kept as a sorted class list the way
// scikit-learn's np.unique sorts them (numbers numerically, strings by code point),
// and encoded as integer codes 0..K-1 for the solvers.

export type Label = string | number;

export interface EncodedLabels {
  classes: Label[];
  codes: Int32Array;
}

export function compareLabels(a: Label, b: Label): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** The sorted distinct labels. */
export function uniqueLabels(values: ArrayLike<Label>): Label[] {
  const set = new Set<Label>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) {
      throw new Error(`Label at row ${i} is missing.`);
    }
    set.add(v);
  }
  return [...set].sort(compareLabels);
}

/** Codes of the values against a class list (the sorted unique labels by default). */
export function encodeLabels(values: ArrayLike<Label>, classes: Label[] = uniqueLabels(values)): EncodedLabels {
  const index = new Map<Label, number>();
  classes.forEach((c, k) => index.set(c, k));
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const k = index.get(values[i]);
    if (k === undefined) throw new Error(`Label ${String(values[i])} (row ${i}) is not one of ${classes.join(', ')}.`);
    codes[i] = k;
  }
  return { classes, codes };
}

export function decodeLabels(codes: ArrayLike<number>, classes: Label[]): Label[] {
  return Array.from(codes as ArrayLike<number>, (k) => classes[k]);
}
