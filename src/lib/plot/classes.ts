// Splitting rows by class, shared by every figure that colours points by class.

export type ClassLabel = string | number;

export interface ClassGroups {
  /** The distinct labels, in display (and colour) order. */
  labels: ClassLabel[];
  /** rows[k]: the row indices whose label is labels[k]. */
  rows: number[][];
}

/** Distinct labels sorted numerically when all are numbers, else alphabetically: stable colours across fits. */
export function sortedLabels(values: ArrayLike<ClassLabel>): ClassLabel[] {
  const distinct = [...new Set(Array.from(values))];
  return distinct.every((v) => typeof v === 'number')
    ? (distinct as number[]).sort((a, b) => a - b)
    : distinct.sort((a, b) => String(a).localeCompare(String(b)));
}

/** Groups row indices by class; `order` fixes the label order (labels not in it are added after). */
export function groupByClass(values: ArrayLike<ClassLabel>, order?: readonly ClassLabel[]): ClassGroups {
  const labels = order ? [...order, ...sortedLabels(values).filter((l) => !order.includes(l))] : sortedLabels(values);
  const index = new Map(labels.map((l, k) => [l, k]));
  const rows = labels.map((): number[] => []);
  for (let i = 0; i < values.length; i += 1) rows[index.get(values[i])!].push(i);
  return { labels, rows };
}
