// The engine's input shape: a plain column-major matrix of float64 columns.
// Column arrays match the Table's storage (numeric columns are Float64Array),
// so a design matrix built from a table shares or copies whole columns, and
// the solvers work column by column (Householder QR is column-oriented).

export interface Matrix {
  rows: number;
  cols: number;
  /** columns[j][i] is row i of column j; every column has length `rows`. */
  columns: Float64Array[];
}

export function matrixFromColumns(columns: ArrayLike<number>[]): Matrix {
  const rows = columns.length === 0 ? 0 : columns[0].length;
  const cols = columns.map((c, j) => {
    if (c.length !== rows) throw new Error(`Column ${j} has ${c.length} values; expected ${rows}.`);
    return c instanceof Float64Array ? c : Float64Array.from(c);
  });
  return { rows, cols: cols.length, columns: cols };
}

/** Builds a matrix from an array of rows (convenient in tests and small examples). */
export function matrixFromRows(rows: ArrayLike<number>[]): Matrix {
  const n = rows.length;
  const p = n === 0 ? 0 : rows[0].length;
  const columns = Array.from({ length: p }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    if (rows[i].length !== p) throw new Error(`Row ${i} has ${rows[i].length} values; expected ${p}.`);
    for (let j = 0; j < p; j++) columns[j][i] = rows[i][j];
  }
  return { rows: n, cols: p, columns };
}

/** Rows of a matrix, e.g. for display or for row-oriented callers. */
export function matrixToRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(m.columns.map((c) => c[i]));
  return out;
}

/** Row-major float32 copy (the layout tf.tensor2d expects), optionally standardised column by column. */
export function toRowMajorFloat32(m: Matrix, mean?: ArrayLike<number>, scale?: ArrayLike<number>): Float32Array {
  const out = new Float32Array(m.rows * m.cols);
  for (let j = 0; j < m.cols; j++) {
    const c = m.columns[j];
    const mu = mean ? mean[j] : 0;
    const s = scale ? scale[j] : 1;
    for (let i = 0; i < m.rows; i++) out[i * m.cols + j] = (c[i] - mu) / s;
  }
  return out;
}

/** The rows of m at the given indices (a new matrix). */
export function takeMatrixRows(m: Matrix, rows: ArrayLike<number>): Matrix {
  const columns = m.columns.map((c) => {
    const out = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = c[rows[i]];
    return out;
  });
  return { rows: rows.length, cols: m.cols, columns };
}
