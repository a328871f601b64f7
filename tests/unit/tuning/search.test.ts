// Hyperparameter search. Grid search through the search cell equals
// scikit-learn's GridSearchCV on the same folds (mean scores to 1e-8, the same
// best setting); random search stays in its ranges and repeats with its seed;
// Bayesian optimisation finds the minimum of a smooth score with few trials;
// early stopping ends hopeless trials after a fold.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../../src/lib/data/csv/read';
import { search } from '../../../src/lib/tuning/search';
import type { ParameterRange } from '../../../src/lib/tuning/space';
import { runRegressionCell } from '../../../src/cells/regression/run';
import { regressionSchema } from '../../../src/cells/regression/schema';
import { runSearch, type SearchOutput } from '../../../src/cells/search/run';
import { searchSchema } from '../../../src/cells/search/schema';
import { noPythonReason, python, runPythonJson } from '../../python-reference';
import { runContext } from '../cells/context';

if (!python) console.log(`Skipping the GridSearchCV check: ${noPythonReason}.`);

const houses = { table: readCsvText(readFileSync('datasets/boston-housing.csv')).table };
const alpha: ParameterRange = { name: 'alpha', min: 0.001, max: 100, scale: 'log', integer: false, steps: 5 };
const degree: ParameterRange = { name: 'degree', min: 1, max: 6, scale: 'linear', integer: true, steps: 5 };
// A smooth score with its minimum at alpha = 10^0.5 and degree 3.
const bowl = async (p: Record<string, number>) => [(Math.log10(p.alpha) - 0.5) ** 2 + 0.1 * ((p.degree ?? 3) - 3) ** 2];

async function gridSearch(): Promise<SearchOutput> {
  const model = await runRegressionCell(runContext(regressionSchema.parse({ input: 'houses', target: 'MEDV', features: ['LSTAT'], penalty: 'l2' }), { houses }));
  const options = searchSchema.parse({ model: 'value', degree: { from: 1, to: 3 }, alpha: { from: 0.001, to: 10 }, steps: 5, k: 5, seed: 7 });
  return (await runSearch(runContext(options, { value: model }))) as SearchOutput;
}

describe('hyperparameter search', () => {
  it.skipIf(!python)("grid search equals GridSearchCV's mean scores and best setting on the same folds", async () => {
    const ours = await gridSearch();
    expect(ours.trials).toHaveLength(15);
    const sklearn = runPythonJson<{ means: number[]; points: Record<string, number>[]; best: Record<string, number> }>(
      `import json, numpy as np, pandas as pd
from sklearn.base import BaseEstimator, RegressorMixin
from sklearn.linear_model import Ridge
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import PolynomialFeatures
case = json.load(open("case.json"))
class ScaledRidge(BaseEstimator, RegressorMixin):
    """Ridge with fitbook's alpha: the penalty per row (scikit-learn's alpha = n · alpha)."""
    def __init__(self, alpha=1.0):
        self.alpha = alpha
    def fit(self, X, y):
        self.ridge_ = Ridge(alpha=self.alpha * len(X)).fit(X, y)
        return self
    def predict(self, X):
        return self.ridge_.predict(X)
d = pd.read_csv(case["csv"])
pipe = Pipeline([("poly", PolynomialFeatures(include_bias=False)), ("ridge", ScaledRidge())])
grid = {"poly__degree": sorted({p["degree"] for p in case["points"]}), "ridge__alpha": sorted({p["alpha"] for p in case["points"]})}
folds = [(f["train"], f["test"]) for f in case["folds"]]
gs = GridSearchCV(pipe, grid, cv=folds, scoring="neg_mean_squared_error").fit(d[["LSTAT"]], d["MEDV"])
r = gs.cv_results_
points = [{"degree": int(p["poly__degree"]), "alpha": float(p["ridge__alpha"])} for p in r["params"]]
print(json.dumps({"means": (-r["mean_test_score"]).tolist(), "points": points,
                  "best": {"degree": int(gs.best_params_["poly__degree"]), "alpha": float(gs.best_params_["ridge__alpha"])}}))`,
      { csv: resolve('datasets/boston-housing.csv'), folds: ours.folds, points: ours.trials.map((t) => t.point) },
    );
    for (const trial of ours.trials) {
      const j = sklearn.points.findIndex((p) => p.degree === trial.point.degree && p.alpha === trial.point.alpha);
      expect(Math.abs(trial.mean - sklearn.means[j]) / sklearn.means[j], JSON.stringify(trial.point)).toBeLessThan(1e-8);
    }
    expect(ours.trials[ours.best].point).toEqual(sklearn.best);
  });

  it('random search stays in its ranges, takes whole degrees, and repeats with its seed', async () => {
    const run = (seed: number) => search({ method: 'random', params: [alpha, degree], budget: 20, seed, earlyStop: false, evaluate: bowl });
    const trials = await run(3);
    expect(trials).toHaveLength(20);
    for (const { point } of trials) {
      expect(point.alpha).toBeGreaterThanOrEqual(0.001);
      expect(point.alpha).toBeLessThanOrEqual(100);
      expect(Number.isInteger(point.degree) && point.degree >= 1 && point.degree <= 6).toBe(true);
    }
    expect((await run(3)).map((t) => t.point)).toEqual(trials.map((t) => t.point));
    expect((await run(4)).map((t) => t.point)).not.toEqual(trials.map((t) => t.point));
  });

  it('Bayesian optimisation gets close to the minimum with 15 trials, closer than random search with the same budget', async () => {
    const best = async (method: 'random' | 'bayesian', seed: number) =>
      Math.min(...(await search({ method, params: [alpha], budget: 15, seed, earlyStop: false, evaluate: bowl })).map((t) => t.mean));
    const seeds = [1, 2, 3, 4, 5];
    const bayes = await Promise.all(seeds.map((s) => best('bayesian', s)));
    const random = await Promise.all(seeds.map((s) => best('random', s)));
    expect(Math.max(...bayes)).toBeLessThan(0.005);
    expect(bayes.reduce((a, b) => a + b)).toBeLessThan(random.reduce((a, b) => a + b));
  });

  it('early stopping ends trials worse than the median after a fold, and never the first three', async () => {
    const evaluate = async (p: Record<string, number>, keepGoing: (mean: number, folds: number) => boolean) => {
      const scores: number[] = [];
      for (let f = 0; f < 5; f++) {
        scores.push((await bowl(p))[0]);
        if (!keepGoing(scores.reduce((a, b) => a + b) / scores.length, scores.length)) break;
      }
      return scores;
    };
    const trials = await search({ method: 'grid', params: [{ ...alpha, steps: 9 }], budget: 0, seed: 1, earlyStop: true, evaluate });
    expect(trials.slice(0, 3).every((t) => !t.stoppedEarly)).toBe(true);
    expect(trials.some((t) => t.stoppedEarly && t.scores.length === 1)).toBe(true);
    const best = trials.reduce((a, b) => (b.mean < a.mean ? b : a));
    expect(best.stoppedEarly).toBe(false);
    expect(best.point.alpha).toBeCloseTo(10 ** 0.75, 4); // the grid value nearest the minimum at 10^0.5
  });
});
