// Every shipped lesson, run in Node with its default options, checked against
// references no one here wrote: pandas, numpy and scikit-learn (Debian's
// python3-sklearn), each given the notebook's own rows (split and fold
// indices) so that both sides fit the same data. Each notebook also runs with
// no cell in error. The Python checks are skipped, with the reason printed,
// where no Python with scikit-learn is found.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ColumnSummary } from '../../../src/lib/data/summary';
import { kFold } from '../../../src/lib/validation/kfold';
import { noPythonReason, python, runPythonJson } from '../../python-reference';
import { runNotebook } from './run-notebook';

if (!python) console.log(`Skipping the scikit-learn checks of the shipped lessons: ${noPythonReason}.`);

type Outputs = Record<string, Record<string, unknown>>;
type Parts = { train: Int32Array; test: Int32Array; validation?: Int32Array };
const rowsOf = (outputs: Outputs, split: string) => (outputs[split] as { rows: Parts }).rows;
const csv = (name: string) => resolve('datasets', name);

/** Expects each number in `ours` to equal the reference's to `digits` decimals, naming it on failure. */
function expectClose(ours: Record<string, number>, reference: Record<string, number>, digits: number) {
  for (const [name, value] of Object.entries(reference)) expect(ours[name], name).toBeCloseTo(value, digits);
}

async function lesson(file: string): Promise<Outputs> {
  const { outputs, errors } = await runNotebook(`notebooks/${file}`);
  expect(errors).toEqual({});
  return outputs as Outputs;
}

describe('Exploring a dataset', () => {
  it.skipIf(!python)("the dataset's column summary equals pandas' describe()", async () => {
    const outputs = await lesson('exploring-a-dataset.md');
    const summaries = (outputs.iris as { summaries: ColumnSummary[] }).summaries.filter((s) => s.mean !== null);
    const pandas = runPythonJson<Record<string, Record<string, number>>>(
      `import json, pandas as pd
d = pd.read_csv(json.load(open("case.json"))["csv"]).describe()
print(json.dumps({c: {k: float(d[c][k]) for k in ("count", "mean", "std", "min", "max")} for c in d.columns}))`,
      { csv: csv('iris.csv') },
    );
    expect(summaries.map((s) => s.name)).toEqual(Object.keys(pandas));
    for (const s of summaries) expectClose({ count: s.count, mean: s.mean!, std: s.std!, min: s.min!, max: s.max! }, pandas[s.name], 12);
  });
});

describe('Preparing data', () => {
  it.skipIf(!python)('median fills and IQR fences equal numpy on the same columns', async () => {
    const outputs = await lesson('preparing-data.md');
    type Step = { step: string; params: { fills?: { column: string; value: number }[]; fences?: { column: string; q1: number; q3: number }[] } };
    const steps = (outputs.clean as { fitted: { steps: Step[] } }).fitted.steps;
    const fills = steps.find((s) => s.step === 'impute')!.params.fills!;
    const fences = steps.find((s) => s.step === 'outliers')!.params.fences!;
    const numpy = runPythonJson<{ fills: Record<string, number>; quartiles: Record<string, number[]> }>(
      `import json, numpy as np, pandas as pd
case = json.load(open("case.json"))
d = pd.read_csv(case["csv"], na_values=["NA", "?"])
fills = {c: float(np.nanmedian(d[c])) for c in case["filled"]}
# The outlier step runs after imputation, so its quartiles see the filled columns.
quartiles = {c: [float(q) for q in np.percentile(d[c].fillna(d[c].median()), [25, 75])] for c in case["fenced"]}
print(json.dumps({"fills": fills, "quartiles": quartiles}))`,
      { csv: csv('boston-housing-gaps.csv'), filled: fills.map((f) => f.column), fenced: fences.map((f) => f.column) },
    );
    expectClose(Object.fromEntries(fills.map((f) => [f.column, f.value])), numpy.fills, 12);
    for (const f of fences) expectClose({ q1: f.q1, q3: f.q3 }, { q1: numpy.quartiles[f.column][0], q3: numpy.quartiles[f.column][1] }, 12);
  });
});

describe('Linear regression', () => {
  it.skipIf(!python)('coefficients, standard errors and VIFs equal numpy least squares on the training rows', async () => {
    const outputs = await lesson('linear-regression.md');
    type Coefficient = { name: string; estimate: number; standardError: number; vif?: number };
    const coefficients = (outputs.several as { coefficients: Coefficient[] }).coefficients;
    const features = coefficients.slice(1).map((c) => c.name);
    const numpy = runPythonJson<{ estimate: number[]; se: number[]; vif: number[] }>(
      `import json, numpy as np, pandas as pd
case = json.load(open("case.json"))
train = pd.read_csv(case["csv"]).iloc[case["train"]]
X = np.column_stack([np.ones(len(train))] + [train[f].to_numpy() for f in case["features"]])
y = train["MEDV"].to_numpy()
w, *_ = np.linalg.lstsq(X, y, rcond=None)
sigma2 = np.sum((y - X @ w) ** 2) / (len(y) - X.shape[1])
se = np.sqrt(np.diag(sigma2 * np.linalg.inv(X.T @ X)))
def vif(j):  # 1 / (1 - R²) of feature j regressed on the others
    others = np.delete(X, j, axis=1)
    fit, *_ = np.linalg.lstsq(others, X[:, j], rcond=None)
    r = X[:, j] - others @ fit
    return float(np.sum((X[:, j] - X[:, j].mean()) ** 2) / np.sum(r ** 2))
print(json.dumps({"estimate": w.tolist(), "se": se.tolist(), "vif": [vif(j) for j in range(1, X.shape[1])]}))`,
      { csv: csv('boston-housing.csv'), train: rowsOf(outputs, 'holdout').train, features },
    );
    coefficients.forEach((c, i) => {
      expect(c.estimate, c.name).toBeCloseTo(numpy.estimate[i], 9);
      expect(c.standardError, c.name).toBeCloseTo(numpy.se[i], 9);
      if (i > 0) expect(c.vif, c.name).toBeCloseTo(numpy.vif[i - 1], 9);
    });
  });
});

describe('Logistic regression', () => {
  it.skipIf(!python)("the one-feature model equals scikit-learn's unpenalised LogisticRegression; its test AUC equals roc_auc_score", async () => {
    const outputs = await lesson('logistic-regression.md');
    const radius = outputs.radius as { coefficients: { estimate: number }[]; metrics: { test: { auc: number; logLoss: number } } };
    const sklearn = runPythonJson<{ coef: number[]; auc: number; logLoss: number }>(
      `import json, numpy as np, pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
case = json.load(open("case.json"))
d = pd.read_csv(case["csv"])
train, test = d.iloc[case["train"]], d.iloc[case["test"]]
m = LogisticRegression(penalty=None, solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(train[["mean_radius"]], train["diagnosis"] == "malignant")
p = m.predict_proba(test[["mean_radius"]])[:, 1]
y = test["diagnosis"] == "malignant"
print(json.dumps({"coef": [float(m.intercept_[0]), float(m.coef_[0, 0])], "auc": roc_auc_score(y, p), "logLoss": log_loss(y, p)}))`,
      { csv: csv('breast-cancer.csv'), ...rowsOf(outputs, 'holdout') },
    );
    radius.coefficients.forEach((c, i) => expect(c.estimate).toBeCloseTo(sklearn.coef[i], 8));
    expect(radius.metrics.test.auc).toBeCloseTo(sklearn.auc, 12);
    expect(radius.metrics.test.logLoss).toBeCloseTo(sklearn.logLoss, 10);
  });
});

describe('Evaluating models', () => {
  it.skipIf(!python)("the regression and classifier checks equal scikit-learn's metrics for the same models on the same test rows", async () => {
    const outputs = await lesson('evaluating-models.md');
    type Check = { metrics: Record<string, number> & { confusion?: { matrix: number[][] } } };
    const value = (outputs['value-check'] as Check).metrics;
    const diagnose = (outputs['diagnose-check'] as Check).metrics;
    const sklearn = runPythonJson<{ rmse: number; r2: number; accuracy: number; precision: number; recall: number; auc: number; confusion: number[][] }>(
      `import json, numpy as np, pandas as pd
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn import metrics
case = json.load(open("case.json"))
h = pd.read_csv(case["houses"])
htrain, htest = h.iloc[case["homes"]["train"]], h.iloc[case["homes"]["test"]]
f = ["RM", "LSTAT", "PTRATIO"]
pred = LinearRegression().fit(htrain[f], htrain["MEDV"]).predict(htest[f])
c = pd.read_csv(case["cancer"])
ctrain, ctest = c.iloc[case["cancer_rows"]["train"]], c.iloc[case["cancer_rows"]["test"]]
g = ["mean_radius", "mean_texture", "mean_smoothness"]
m = LogisticRegression(penalty=None, solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(ctrain[g], ctrain["diagnosis"] == "malignant")
p = m.predict_proba(ctest[g])[:, 1]
y = (ctest["diagnosis"] == "malignant").to_numpy()
yhat = p >= 0.5
print(json.dumps({"rmse": float(np.sqrt(metrics.mean_squared_error(htest["MEDV"], pred))), "r2": metrics.r2_score(htest["MEDV"], pred),
  "accuracy": metrics.accuracy_score(y, yhat), "precision": metrics.precision_score(y, yhat), "recall": metrics.recall_score(y, yhat),
  "auc": metrics.roc_auc_score(y, p), "confusion": metrics.confusion_matrix(y, yhat).tolist()}))`,
      { houses: csv('boston-housing.csv'), homes: rowsOf(outputs, 'homes'), cancer: csv('breast-cancer.csv'), cancer_rows: rowsOf(outputs, 'holdout') },
    );
    expectClose({ rmse: value.rmse, r2: value.r2 }, { rmse: sklearn.rmse, r2: sklearn.r2 }, 9);
    expectClose(diagnose, { accuracy: sklearn.accuracy, precision: sklearn.precision, recall: sklearn.recall }, 12);
    expect(diagnose.auc).toBeCloseTo(sklearn.auc, 12);
    expect(diagnose.confusion!.matrix).toEqual(sklearn.confusion);
  });
});

describe('Validation and overfitting', () => {
  it.skipIf(!python)("5-fold scores equal scikit-learn's cross_val_score of the same polynomial on the same folds", async () => {
    const outputs = await lesson('validation-and-overfitting.md');
    const compare = outputs.compare as { rows: number; methods: { method: string; scores: number[] }[] };
    const folds = kFold(compare.rows, 5, { shuffle: true, seed: 42 }); // the crossval cell's k and seed
    const scores = compare.methods.find((m) => m.method === 'kfold')!.scores;
    const sklearn = runPythonJson<number[]>(
      `import json, pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures
case = json.load(open("case.json"))
d = pd.read_csv(case["csv"])
model = make_pipeline(PolynomialFeatures(4, include_bias=False), LinearRegression())
folds = [(f["train"], f["test"]) for f in case["folds"]]
print(json.dumps((-cross_val_score(model, d[["LSTAT"]], d["MEDV"], cv=folds, scoring="neg_mean_squared_error")).tolist()))`,
      { csv: csv('boston-housing.csv'), folds },
    );
    scores.forEach((s, i) => expect(s, `fold ${i + 1}`).toBeCloseTo(sklearn[i], 6));
  });
});

describe('Your data', () => {
  it.skipIf(!python)('an uploaded file shows its first rows as pandas reads them', async () => {
    const { readCsvText } = await import('../../../src/lib/data/csv/read');
    const { readFileSync } = await import('node:fs');
    const file = resolve('tests/fixtures/build/patients.csv');
    const { table } = readCsvText(readFileSync(file));
    const { outputs, errors } = await runNotebook('notebooks/your-data.md', undefined, { data: { table } });
    expect(errors).toEqual({});
    const shown = outputs.rows as { columns: string[]; rows: unknown[][] };
    const pandas = runPythonJson<{ columns: string[]; age: number[] }>(
      `import json, pandas as pd
case = json.load(open("case.json"))
d = pd.read_csv(case["csv"])
print(json.dumps({"columns": list(d.columns), "age": d["age"].head(case["n"]).tolist()}))`,
      { csv: file, n: shown.rows.length },
    );
    expect(shown.columns).toEqual(pandas.columns);
    expect(shown.rows.map((r) => Number(r[shown.columns.indexOf('age')]))).toEqual(pandas.age);
  });
});
