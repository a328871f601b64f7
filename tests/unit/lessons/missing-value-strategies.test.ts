// The missing-value notebook: every strategy's model, fitted on the split's
// training rows, against scikit-learn's SimpleImputer (+ indicators) and
// LinearRegression (or dropna) on the very same rows.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SplitCellOutput } from '../../../src/cells/split/run';
import type { ImputationOutput } from '../../../src/cells/imputation/run';
import { noPythonReason, python, runPythonScript } from '../../python-reference';
import { readNotebook, runNotebook } from './run-notebook';
import { cellsOf } from '../../../src/lib/notebook/model';
import type { CellResults } from '../run-cells';

const PATH = 'notebooks/missing-value-strategies.md';

if (!python) console.log(`Skipping the scikit-learn checks of the missing-value notebook: ${noPythonReason}.`);

describe('the missing-value strategies notebook', () => {
  let run: CellResults;
  beforeAll(async () => {
    run = await runNotebook(PATH);
  });
  const result = () => run.outputs.strategies as ImputationOutput;
  const score = (strategy: string) => result().scores.find((s) => s.strategy === strategy)!;

  it('runs with no cell in error and tells its story', () => {
    expect(run.errors).toEqual({});
    const split = run.outputs.holdout as SplitCellOutput;
    // Dropping learns from fewer rows and cannot score the test rows with gaps.
    expect(score('drop').trainRows).toBeLessThan(split.train.rowCount);
    expect(score('drop').testRowsLeftOut).toBeGreaterThan(0);
    expect(score('median').testRows).toBe(split.test.rowCount);
    expect(score('median').test.rmse).toBeLessThan(score('mean').test.rmse);
    // With an indicator, the fill value no longer matters to a linear model.
    expect(score('mean-indicator').test.rmse).toBeCloseTo(score('median-indicator').test.rmse, 9);
    expect(score('mean-indicator').columns).toContain('RM_missing');
  });

  describe.skipIf(!python)('against scikit-learn on the same split', () => {
    it('gives the same row counts, coefficients and errors for every strategy', () => {
      const split = run.outputs.holdout as SplitCellOutput;
      const cell = cellsOf(readNotebook(PATH)).find((c) => c.id === 'strategies')!.options as { target: string; features: string[] };
      const dir = mkdtempSync(join(tmpdir(), 'fitbook-missing-'));
      writeFileSync(
        join(dir, 'input.json'),
        JSON.stringify({
          csv: join(process.cwd(), 'datasets/boston-housing-gaps.csv'),
          train: Array.from(split.rows.train),
          test: Array.from(split.rows.test),
          ...cell,
        }),
      );
      writeFileSync(
        join(dir, 'check.py'),
        `
import json
import numpy as np, pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_squared_error, r2_score
i = json.load(open("input.json"))
data = pd.read_csv(i["csv"], na_values=["NA", "?"])
train, test = data.iloc[i["train"]], data.iloc[i["test"]]
f, t = i["features"], i["target"]
out = {}
for name in ["drop", "mean", "median", "mean-indicator", "median-indicator"]:
    if name == "drop":
        a, b = train.dropna(subset=f), test.dropna(subset=f)
        Xa, Xb = a[f].to_numpy(), b[f].to_numpy()
    else:
        imp = SimpleImputer(strategy=name.split("-")[0], add_indicator=name.endswith("indicator")).fit(train[f])
        a, b = train, test
        Xa, Xb = imp.transform(train[f]), imp.transform(test[f])
    model = LinearRegression().fit(Xa, a[t])
    pa, pb = model.predict(Xa), model.predict(Xb)
    out[name] = {"trainRows": len(a), "testRows": len(b), "coef": model.coef_.tolist(), "intercept": float(model.intercept_),
                 "trainRmse": mean_squared_error(a[t], pa) ** 0.5, "testRmse": mean_squared_error(b[t], pb) ** 0.5, "testR2": r2_score(b[t], pb)}
print(json.dumps(out))
`,
      );
      const ref = JSON.parse(runPythonScript('check.py', dir));
      const close = (a: number, b: number, what: string) => expect(Math.abs(a - b), what).toBeLessThan(1e-8 * Math.max(1, Math.abs(b)));
      for (const s of result().scores) {
        const r = ref[s.strategy];
        expect([s.trainRows, s.testRows], s.strategy).toEqual([r.trainRows, r.testRows]);
        close(s.intercept, r.intercept, `${s.strategy} intercept`);
        expect(s.coefficients).toHaveLength(r.coef.length);
        s.coefficients.forEach((c, k) => close(c, r.coef[k], `${s.strategy} ${s.columns[k]}`));
        close(s.train.rmse, r.trainRmse, `${s.strategy} train RMSE`);
        close(s.test.rmse, r.testRmse, `${s.strategy} test RMSE`);
        close(s.test.r2, r.testR2, `${s.strategy} test R²`);
      }
    });
  });
});
