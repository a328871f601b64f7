// Feature crosses for a two-input network (TensorFlow Playground's extra inputs): x1², x2², x1·x2,
// sin x1, sin x2, appended after x1 and x2. The network cell first standardises x1 and x2 with the
// training rows' column statistics (rowScaling + standardiseRows, which reuse ml/stats'
// columnScaling), then crosses them, so that sin of a large-valued feature is not noise; the
// boundary grid goes through the same two steps, so it reaches the network exactly as the data did.
import { columnScaling } from '../ml/stats';

export const CROSSES = ['x1^2', 'x2^2', 'x1*x2', 'sin x1', 'sin x2'] as const;
export type Cross = (typeof CROSSES)[number];

/** How each cross is written for a reader. */
export const CROSS_LABELS: Record<Cross, string> = {
  'x1^2': 'x₁²',
  'x2^2': 'x₂²',
  'x1*x2': 'x₁x₂',
  'sin x1': 'sin x₁',
  'sin x2': 'sin x₂',
};

const CROSS_VALUE: Record<Cross, (a: number, b: number) => number> = {
  'x1^2': (a) => a * a,
  'x2^2': (_, b) => b * b,
  'x1*x2': (a, b) => a * b,
  'sin x1': (a) => Math.sin(a),
  'sin x2': (_, b) => Math.sin(b),
};

/** Column names after expansion: the two inputs' names, then the chosen crosses in the order given. */
export function crossedNames(inputs: readonly [string, string], crosses: readonly Cross[]): string[] {
  return [...inputs, ...crosses.map((c) => CROSS_LABELS[c].replace('x₁', inputs[0]).replace('x₂', inputs[1]))];
}

/** Row-major [rows × 2] points to row-major [rows × (2 + crosses)]: x1, x2, then each cross. */
export function expandCrosses(X: Float32Array, rows: number, crosses: readonly Cross[]): Float32Array {
  if (X.length !== rows * 2) throw new Error(`Feature crosses need exactly two inputs per row (got ${X.length} numbers for ${rows} rows).`);
  for (const c of crosses) if (!(c in CROSS_VALUE)) throw new Error(`Unknown feature cross '${String(c)}'; choose from ${CROSSES.join(', ')}.`);
  const width = 2 + crosses.length;
  const out = new Float32Array(rows * width);
  const fns = crosses.map((c) => CROSS_VALUE[c]);
  for (let i = 0; i < rows; i++) {
    const a = X[2 * i];
    const b = X[2 * i + 1];
    const o = i * width;
    out[o] = a;
    out[o + 1] = b;
    for (let k = 0; k < fns.length; k++) out[o + 2 + k] = fns[k](a, b);
  }
  return out;
}

/** Mean and standard deviation of each column of row-major rows (a constant column gets scale 1). */
export function rowScaling(X: Float32Array, rows: number, cols: number): { mean: Float64Array; scale: Float64Array } {
  const columns = Array.from({ length: cols }, (_, j) => {
    const c = new Float64Array(rows);
    for (let i = 0; i < rows; i++) c[i] = X[i * cols + j];
    return c;
  });
  return columnScaling(columns, true);
}

/** (x − mean) / scale, column by column, into a new row-major array. */
export function standardiseRows(X: Float32Array, rows: number, cols: number, scaling: { mean: ArrayLike<number>; scale: ArrayLike<number> }): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[i * cols + j] = (X[i * cols + j] - scaling.mean[j]) / scaling.scale[j];
  }
  return out;
}
