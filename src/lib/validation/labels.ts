// Class labels for stratification: any column's values (numbers, booleans
// as 0/1, strings), encoded as small integers.

import { inSteps, runSteps, type Steps } from '../data/slices';
import { getColumn, type Table } from '../data/table';

export type Label = string | number | null;

export interface EncodedLabels {
  /** Distinct labels, in the order the codes refer to. */
  classes: (string | number)[];
  /** codes[row] indexes classes. */
  codes: Int32Array;
  /** Rows per class. */
  counts: number[];
}

/**
 * Encodes labels with classes sorted (numbers ascending, strings by code
 * point; as numpy's unique) or in order of first appearance (as
 * StratifiedKFold orders them). Missing labels (null or NaN) are an error:
 * a row without a class cannot be stratified.
 */
export function encodeLabels(labels: ArrayLike<Label>, order: 'sorted' | 'first-seen', what: string): EncodedLabels {
  return runSteps(encodeLabelsSteps(labels, order, what));
}

/** encodeLabels as steps (lib/data/slices.ts). */
export function* encodeLabelsSteps(labels: ArrayLike<Label>, order: 'sorted' | 'first-seen', what: string): Steps<EncodedLabels> {
  const firstSeen = new Map<string | number, number>();
  yield* inSteps(labels.length, (start, end) => {
    for (let row = start; row < end; row++) {
      const label = labels[row];
      if (label === null || (typeof label === 'number' && Number.isNaN(label))) {
        throw new Error(`${what}: row ${row + 1} has no label. Drop or fill the rows with missing labels before stratifying.`);
      }
      if (!firstSeen.has(label)) firstSeen.set(label, firstSeen.size);
    }
  });
  const classes = [...firstSeen.keys()];
  if (order === 'sorted') classes.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const codeOf = new Map(classes.map((c, i) => [c, i]));
  const codes = new Int32Array(labels.length);
  const counts = new Array<number>(classes.length).fill(0);
  yield* inSteps(labels.length, (start, end) => {
    for (let row = start; row < end; row++) {
      const code = codeOf.get(labels[row] as string | number)!;
      codes[row] = code;
      counts[code]++;
    }
  });
  return { classes, codes, counts };
}

/** A table column's values as labels (numbers or strings, null where missing). */
export function labelsOf(table: Table, name: string): Label[] {
  const column = getColumn(table, name);
  if (!column) throw new Error(`Stratify: there is no column "${name}" in this table.`);
  return Array.from(column.values as ArrayLike<Label>, (v) => (typeof v === 'number' && Number.isNaN(v) ? null : v));
}
