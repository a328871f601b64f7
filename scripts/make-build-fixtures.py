#!/usr/bin/python3
"""Writes the CSV files and scikit-learn references for "Build a notebook".

Run from the repo root with Debian's Python (scikit-learn 1.2.1, pandas):
    /usr/bin/python3 scripts/make-build-fixtures.py

For each file it
  1. writes the CSV (seeded, so always the same file) under tests/fixtures/build/;
  2. asks the planner what it builds (scripts/build-plan.ts, run with tsx):
     the preparation steps, the model's features and the split's rows;
  3. prepares the same rows as scikit-learn does it (SimpleImputer(median,
     add_indicator=True), one-hot with the training categories, a missing
     category as all zeros, StandardScaler) and fits LinearRegression, or
     Ridge(alpha = l2 * n) (the engine's objective divides the squared error
     by 2n, see docs/engine.md), or LogisticRegression(C = 1 / (n * lambda));
  4. writes the coefficients and the test metrics to <name>.json.
The Vitest test tests/unit/build/fixtures.test.ts runs the planned notebook
through the cells in Node and compares to 1e-8.
"""
import json
import os
import subprocess

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, log_loss, mean_squared_error, r2_score
from sklearn.preprocessing import StandardScaler

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "build")
TSX = os.path.join(ROOT, "node_modules", ".bin", "tsx")
MISSING = ["", "NA", "?"]


def patients(path):
    """Gaps in two numeric columns, a yes/no column, a category with gaps, free-text notes, an identifier and a few rows without a target."""
    rng = np.random.default_rng(8)
    n = 240
    age = rng.normal(50, 12, n).round(0)
    bmi = rng.normal(27, 4, n).round(1)
    bp = rng.normal(80, 10, n).round(0)
    smoker = rng.random(n) < 0.3
    region = rng.choice(["north", "south", "east", "west"], n)
    effect = {"north": 0.0, "south": 4.0, "east": -3.0, "west": 1.5}
    outcome = (20 + 0.8 * age + 2.5 * bmi + 0.3 * bp + 9 * smoker + np.vectorize(effect.get)(region) + rng.normal(0, 6, n)).round(1)
    words = ["follow-up", "fasting", "referred", "no complaints", "on medication", "new patient", "missed visit", "repeat test"]
    notes = [f"{rng.choice(words)}; {rng.choice(words)} ({rng.integers(1, 40)})" for _ in range(n)]
    frame = pd.DataFrame({
        "Sample ID": [f"P-{1000 + i}" for i in range(n)],
        "age": age, "bmi": bmi, "bp": bp,
        "smoker": np.where(smoker, "yes", "no"),
        "region": region, "notes": notes, "outcome": outcome,
    }).astype(object)
    for column, share in [("age", 0.05), ("bmi", 0.08), ("region", 0.04), ("outcome", 0.02)]:
        frame.loc[rng.random(n) < share, column] = "NA"
    frame.to_csv(path, index=False)


def plain(path):
    """Two numeric features, no gaps: least squares with a degree sweep."""
    rng = np.random.default_rng(3)
    n = 150
    x1 = rng.uniform(0, 10, n).round(2)
    x2 = rng.normal(5, 2, n).round(2)
    price = (12 + 3.1 * x1 - 1.7 * x2 + 0.2 * x1 ** 2 + rng.normal(0, 2, n)).round(2)
    pd.DataFrame({"x1": x1, "x2": x2, "price": price}).to_csv(path, index=False)


def plan(path):
    out = subprocess.run([TSX, os.path.join(ROOT, "scripts", "build-plan.ts"), path], check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout)


def prepare(frame, train, design):
    """The features of every row, prepared with what is learned from the training rows only, as named columns."""
    columns = {}
    fitted = frame.iloc[train]
    for name in design["features"]:
        if name in design["encode"]:
            levels = sorted(fitted[name].dropna().astype(str).unique())
            if design["dropFirst"]:
                levels = levels[1:]
            values = frame[name].astype(object)
            for level in levels:
                columns[f"{name}_{level}"] = np.where(values.isna(), 0.0, (values.astype(str) == level).astype(float))
            continue
        values = frame[[name]].astype(float)
        if name in design["impute"]:
            imputer = SimpleImputer(strategy="median", add_indicator=True).fit(values.iloc[train])
            done = imputer.transform(values)
            values = pd.DataFrame({name: done[:, 0]})
            if done.shape[1] > 1:
                columns[f"{name}_missing"] = done[:, 1]
        column = values[name].to_numpy(dtype=float)
        if name in design["scale"]:
            scaler = StandardScaler().fit(column[train].reshape(-1, 1))
            column = scaler.transform(column.reshape(-1, 1)).ravel()
        columns[name] = column
    return np.column_stack([columns[f] for f in design["modelFeatures"]])


def reference(name, make, path=None):
    path = path or os.path.join(OUT, f"{name}.csv")
    if make:
        make(path)
    planned = plan(os.path.relpath(path, ROOT))
    design, train, test = planned["design"], planned["train"], planned["test"]
    frame = pd.read_csv(path, na_values=MISSING, keep_default_na=False)
    frame = frame[frame[design["target"]].notna()].reset_index(drop=True)
    if "smoker" in frame:
        frame["smoker"] = (frame["smoker"] == "yes").astype(float)
    X = prepare(frame, train, design)
    result = {"file": os.path.relpath(path, ROOT), "target": design["target"], "task": design["task"], "features": design["modelFeatures"],
              "penalty": design["penalty"], "trainRows": len(train), "testRows": len(test)}
    if design["task"] == "regression":
        y = frame[design["target"]].to_numpy(dtype=float)
        l2 = 0.01
        model = LinearRegression() if design["penalty"] == "none" else Ridge(alpha=l2 * len(train), tol=1e-12, solver="cholesky")
        model.fit(X[train], y[train])
        predicted = model.predict(X[test])
        result.update(intercept=float(model.intercept_), coefficients=model.coef_.tolist(), alpha=l2 if design["penalty"] == "l2" else 0,
                      test={"r2": r2_score(y[test], predicted), "mse": mean_squared_error(y[test], predicted)},
                      baseline={"mean": float(y[train].mean()), "testMse": mean_squared_error(y[test], np.full(len(test), y[train].mean()))})
    else:
        y = frame[design["target"]].astype(str).to_numpy()
        lam = 0.01
        # newton-cg reaches the optimum to about 1e-12 (as in make-sklearn-fixtures.py); lbfgs stops near 1e-5.
        model = LogisticRegression(C=1 / (len(train) * lam), solver="newton-cg", tol=1e-10, max_iter=300).fit(X[train], y[train])
        proba = model.predict_proba(X[test])
        dummy = DummyClassifier(strategy="prior").fit(X[train], y[train])
        result.update(classes=model.classes_.tolist(), intercepts=model.intercept_.tolist(), coefficients=model.coef_.tolist(),
                      test={"accuracy": accuracy_score(y[test], model.predict(X[test])), "logLoss": log_loss(y[test], proba, labels=model.classes_)},
                      baseline={"prediction": str(dummy.predict(X[test][:1])[0]), "testAccuracy": accuracy_score(y[test], dummy.predict(X[test])),
                                "testLogLoss": log_loss(y[test], dummy.predict_proba(X[test]), labels=dummy.classes_)})
    with open(os.path.join(OUT, f"{name}.json"), "w") as f:
        json.dump(result, f, indent=1)
    print("wrote", name, design["penalty"], len(design["modelFeatures"]), "features")


os.makedirs(OUT, exist_ok=True)
reference("patients", patients)
reference("plain", plain)
reference("iris", None, os.path.join(ROOT, "datasets", "iris.csv"))
