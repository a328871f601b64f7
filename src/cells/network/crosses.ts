// The feature crosses of two standardised features, as extra columns.
// (Kept to one place; the engine's lib/nn/crosses.ts takes this job once merged.)
import type { CrossName } from './schema';

const CROSS: Record<CrossName, (a: number, b: number) => number> = {
  'x1^2': (a) => a * a,
  'x2^2': (_a, b) => b * b,
  'x1*x2': (a, b) => a * b,
  'sin(x1)': (a) => Math.sin(a),
  'sin(x2)': (_a, b) => Math.sin(b),
};

export function crossColumns(columns: ArrayLike<number>[], crosses: readonly CrossName[]): Float64Array[] {
  if (!crosses.length) return [];
  const [a, b] = columns;
  return crosses.map((name) => Float64Array.from({ length: a.length }, (_, i) => CROSS[name](a[i], b[i])));
}
