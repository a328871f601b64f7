// The correlated-features notebook: each bootstrap refit, and so each
// coefficient's spread, against numpy's least squares and scikit-learn's
// Ridge on the SAME resamples (the row indices are handed to Python).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RegressionOutput } from '../../../src/cells/regression/run';
import type { BootstrapOutput } from '../../../src/cells/bootstrap/run';
import { getColumn, type NumericColumn } from '../../../src/lib/data/table';
import { bootstrapSamples, bootstrapSpread } from '../../../src/lib/validation/bootstrap';
import { noPythonReason, python, runPythonScript } from '../../python-reference';
import { readNotebook, runNotebook } from './run-notebook';
import { cellsOf } from '../../../src/lib/notebook/model';
import type { CellResults } from '../run-cells';

const PATH = 'notebooks/correlated-features.md';

if (!python) console.log(`Skipping the numpy checks of the correlated-features notebook: ${noPythonReason}.`);

describe('bootstrap resamples', () => {
  it('draw n rows with replacement from n, seeded', () => {
    const samples = bootstrapSamples(50, 30, 7);
    expect(samples).toHaveLength(30);
    for (const rows of samples) {
      expect(rows).toHaveLength(50);
      for (const r of rows) expect(r >= 0 && r < 50).toBe(true);
    }
    // With replacement: some row repeats in almost every resample (the chance that none does is about 1e-21).
    expect(samples.some((rows) => new Set(rows).size < 50)).toBe(true);
    expect(bootstrapSamples(50, 30, 7)).toEqual(samples);
    expect(bootstrapSamples(50, 30, 8)).not.toEqual(samples);
  });

  it('summarise each estimate by its mean and sample standard deviation', async () => {
    const samples = [Int32Array.of(0), Int32Array.of(1), Int32Array.of(2), Int32Array.of(3)];
    const values = [1, 2, 4, 7];
    const spread = await bootstrapSpread(samples, (rows) => [values[rows[0]], 2 * values[rows[0]]]);
    // mean 3.5, squares of deviations 6.25 + 2.25 + 0.25 + 12.25 = 21, / 3 = 7.
    expect(spread.mean[0]).toBe(3.5);
    expect(spread.sd[0]).toBeCloseTo(Math.sqrt(7), 14);
    expect(spread.sd[1]).toBeCloseTo(2 * Math.sqrt(7), 14);
  });
});

describe('the correlated-features notebook', () => {
  let run: CellResults;
  beforeAll(async () => {
    run = await runNotebook(PATH);
  });
  const spread = (id: string) => run.outputs[id] as BootstrapOutput;
  const sdOf = (id: string, name: string) => spread(id).terms.find((t) => t.name === name)!.sd;

  it('runs with no cell in error; the penalty narrows the high-VIF coefficients most', () => {
    expect(run.errors).toEqual({});
    const vif = (name: string) => spread('ols-spread').terms.find((t) => t.name === name)!.vif!;
    expect(vif('TAX')).toBeGreaterThan(5);
    expect(vif('RM')).toBeLessThan(2);
    const shrink = (name: string) => sdOf('ridge-spread', name) / sdOf('ols-spread', name);
    expect(shrink('TAX')).toBeLessThan(0.6);
    expect(shrink('RAD')).toBeLessThan(0.6);
    expect(shrink('RM')).toBeGreaterThan(shrink('TAX'));
  });

  describe.skipIf(!python)('against numpy and scikit-learn on the same resamples', () => {
    it('gives the same coefficient spreads', () => {
      const ols = run.outputs.ols as RegressionOutput;
      const ridge = run.outputs.ridge as RegressionOutput;
      const train = ols.parts.train;
      const column = (name: string) => Array.from((getColumn(train, name) as NumericColumn).values);
      const options = cellsOf(readNotebook(PATH)).find((c) => c.id === 'ols-spread')!.options as { resamples: { value: number }; seed: number };
      const samples = bootstrapSamples(train.rowCount, options.resamples.value, options.seed);
      const dir = mkdtempSync(join(tmpdir(), 'fitbook-bootstrap-'));
      writeFileSync(
        join(dir, 'input.json'),
        JSON.stringify({
          X: ols.spec.features.map(column),
          y: column('MEDV'),
          samples: samples.map((s) => Array.from(s)),
          alpha: ridge.spec.alpha,
        }),
      );
      writeFileSync(
        join(dir, 'check.py'),
        `
import json
import numpy as np
from sklearn.linear_model import Ridge
i = json.load(open("input.json"))
X = np.array(i["X"]).T
y = np.array(i["y"])
ols, ridge = [], []
for rows in i["samples"]:
    Xb, yb = X[rows], y[rows]
    A = np.column_stack([np.ones(len(rows)), Xb])
    ols.append(np.linalg.lstsq(A, yb, rcond=None)[0])
    # fitbook's alpha is scikit-learn's Ridge alpha divided by the number of rows.
    r = Ridge(alpha=i["alpha"] * len(rows)).fit(Xb, yb)
    ridge.append(np.concatenate([[r.intercept_], r.coef_]))
print(json.dumps({"ols": np.std(ols, axis=0, ddof=1).tolist(), "ridge": np.std(ridge, axis=0, ddof=1).tolist()}))
`,
      );
      const ref = JSON.parse(runPythonScript('check.py', dir));
      for (const [id, expected] of [['ols-spread', ref.ols], ['ridge-spread', ref.ridge]] as const) {
        const terms = spread(id).terms;
        expect(terms.map((t) => t.name)).toEqual(['Intercept', ...ols.spec.features]);
        terms.forEach((t, k) => expect(Math.abs(t.sd - expected[k]), `${id} ${t.name}`).toBeLessThan(1e-8 * Math.max(1, expected[k])));
      }
    });
  });
});
