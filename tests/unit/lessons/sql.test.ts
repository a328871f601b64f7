// "Querying a CSV with SQL" runs in Node (DuckDB's WebAssembly build) with no
// cell in error; its group summary equals pandas' groupby on the same CSV and
// its query-fed regression equals numpy least squares on the filtered rows.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getColumn, type NumericColumn, type Table } from '../../../src/lib/data/table';
import { noPythonReason, python, runPythonJson } from '../../python-reference';
import { runNotebook } from './run-notebook';

if (!python) console.log(`Skipping the pandas check of the SQL lesson: ${noPythonReason}.`);

describe('Querying a CSV with SQL', () => {
  it.skipIf(!python)('summaries equal pandas groupby; the model on the query equals numpy lstsq on the same rows', async () => {
    const { outputs, errors } = await runNotebook('notebooks/sql.md');
    expect(errors).toEqual({});
    const summary = (outputs['by-river'] as { table: Table }).table;
    const column = (name: string) => Array.from((getColumn(summary, name) as NumericColumn).values);
    const coefficients = (outputs['calm-value'] as { coefficients: { estimate: number }[] }).coefficients.map((c) => c.estimate);
    const ref = runPythonJson<{ districts: number[]; mean_value: number[]; coef: number[]; rows: number }>(
      `import json, numpy as np, pandas as pd
d = pd.read_csv(json.load(open("case.json"))["csv"])
g = d.groupby("CHAS")
calm = d[d.CRIM < 1]
X = np.column_stack([np.ones(len(calm)), calm.RM, calm.RM ** 2, calm.LSTAT])
coef, *_ = np.linalg.lstsq(X, calm.MEDV, rcond=None)
print(json.dumps({"districts": g.size().tolist(), "mean_value": g.MEDV.mean().round(2).tolist(), "coef": coef.tolist(), "rows": len(calm)}))`,
      { csv: resolve('datasets/boston-housing.csv') },
    );
    expect(column('districts')).toEqual(ref.districts);
    column('mean_value').forEach((v, i) => expect(v).toBeCloseTo(ref.mean_value[i], 9));
    expect((outputs.calm as { table: Table }).table.rowCount).toBe(ref.rows);
    coefficients.forEach((c, i) => expect(c).toBeCloseTo(ref.coef[i], 8));
  });
});
