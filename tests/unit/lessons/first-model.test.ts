// "Your first model" against scikit-learn: on the notebook's own split rows,
// DummyRegressor (the baseline) and LinearRegression (the two models) give
// the test RMSEs the cells report, and the story the prose tells holds.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noPythonReason, python, runPythonJson } from '../../python-reference';
import { runNotebook } from './run-notebook';

interface Metrics {
  rmse: number;
}
type Parts = Record<'train' | 'test', Metrics>;

const SCRIPT = `
import json, sys
import numpy as np, pandas as pd
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import LinearRegression
case = json.load(open("case.json"))
data = pd.read_csv(case["csv"])
train, test = data.iloc[case["train"]], data.iloc[case["test"]]
def rmse(model, features):
    model.fit(train[features], train["progression"])
    return {part: float(np.sqrt(np.mean((rows["progression"] - model.predict(rows[features])) ** 2)))
            for part, rows in (("train", train), ("test", test))}
features = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
print(json.dumps({"average": rmse(DummyRegressor(), features), "bmi": rmse(LinearRegression(), ["bmi"]),
                  "all": rmse(LinearRegression(), features)}))
`;

describe('Your first model', async () => {
  const { outputs, errors } = await runNotebook('notebooks/first-model.md');
  const metrics = (id: string) => (outputs[id] as { metrics: Parts }).metrics;

  it('runs with no cell in error', () => {
    expect(errors).toEqual({});
  });

  it('tells its story: each step beats the last on the test rows, and the training error is the lower one', () => {
    const [average, bmi, all] = ['average', 'bmi-line', 'all-features'].map((id) => metrics(id).test.rmse);
    expect(bmi).toBeLessThan(average * 0.9);
    expect(all).toBeLessThan(bmi);
    expect(metrics('all-features').train.rmse).toBeLessThan(all);
  });

  it.skipIf(!python)('matches scikit-learn on the same rows', () => {
    const rows = (outputs.holdout as { rows: Record<'train' | 'test', Int32Array> }).rows;
    const sklearn = runPythonJson<Record<string, Record<'train' | 'test', number>>>(SCRIPT, { csv: resolve('datasets/diabetes.csv'), ...rows });
    const ours: Record<string, Parts> = { average: metrics('average'), bmi: metrics('bmi-line'), all: metrics('all-features') };
    for (const model of Object.keys(sklearn)) {
      for (const part of ['train', 'test'] as const) {
        expect(ours[model][part].rmse, `${model} ${part}`).toBeCloseTo(sklearn[model][part], 8);
      }
    }
  });
});

if (!python) console.log(`Skipping the scikit-learn check of "Your first model": ${noPythonReason}.`);
