#!/usr/bin/python3
"""Writes float64 references for the neural-network engine's unit tests (tests/unit/nn).

Run with Debian's Python (numpy 1.24, scikit-learn 1.2.1):  /usr/bin/python3 scripts/make-nn-fixtures.py
Outputs tests/fixtures/nn/*.json, which are committed.

  * forward.json: small dense networks with fixed weights (kernel row-major [inputs x units], as
    tf.layers stores it), their inputs, every hidden layer's output, the network's output (sigmoid
    probability, softmax probabilities or value) and the mean data loss (log loss or MSE), all
    computed here in float64.
  * linear-models.json: the optimum a network without hidden layers must reach: scikit-learn's
    unpenalised LogisticRegression log loss on three standardised breast-cancer features, and the
    numpy least-squares (with intercept) mean squared error on a synthetic regression problem.
"""
import csv
import json
import os

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "nn")

ACT = {
    "relu": lambda z: np.maximum(z, 0),
    "tanh": np.tanh,
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "linear": lambda z: z,
}


def forward_case(rng, task, inputs, hidden, outputs, rows):
    widths = [inputs] + [units for units, _ in hidden] + [outputs]
    layers = []
    for i in range(len(widths) - 1):
        layers.append({
            "kernel": rng.normal(0, 0.8, (widths[i], widths[i + 1])),
            "bias": rng.normal(0, 0.3, widths[i + 1]),
        })
    X = rng.normal(0, 1.2, (rows, inputs))
    h = X
    hidden_out = []
    for (units, act), layer in zip(hidden, layers[:-1]):
        h = ACT[act](h @ layer["kernel"] + layer["bias"])
        hidden_out.append(h)
    z = h @ layers[-1]["kernel"] + layers[-1]["bias"]
    if task == "binary":
        y = rng.integers(0, 2, rows).astype(float)
        p = 1 / (1 + np.exp(-z[:, 0]))
        output = p[:, None]
        loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    elif task == "multiclass":
        y = rng.integers(0, outputs, rows).astype(float)
        e = np.exp(z - z.max(axis=1, keepdims=True))
        output = e / e.sum(axis=1, keepdims=True)
        loss = -np.mean(np.log(output[np.arange(rows), y.astype(int)]))
    else:
        y = rng.normal(0, 1, rows)
        output = z
        loss = np.mean((z[:, 0] - y) ** 2)
    return {
        "task": task,
        "inputs": inputs,
        "outputs": outputs,
        "hidden": [{"units": u, "activation": a} for u, a in hidden],
        "layers": [{"kernel": l["kernel"].ravel().tolist(), "bias": l["bias"].tolist()} for l in layers],
        "rows": rows,
        "X": X.ravel().tolist(),
        "y": y.tolist(),
        "hiddenOutputs": [o.ravel().tolist() for o in hidden_out],
        "output": output.ravel().tolist(),
        "loss": float(loss),
    }


def forward_cases():
    rng = np.random.default_rng(13)
    return [
        forward_case(rng, "binary", 3, [(5, "tanh"), (4, "relu")], 1, 7),
        forward_case(rng, "multiclass", 2, [(4, "sigmoid"), (3, "linear"), (6, "tanh")], 3, 9),
        forward_case(rng, "regression", 4, [(6, "relu")], 1, 8),
        forward_case(rng, "binary", 2, [], 1, 5),
    ]


def standardise(X):
    return (X - X.mean(axis=0)) / X.std(axis=0)


def logistic_case():
    with open(os.path.join(ROOT, "datasets", "breast-cancer.csv")) as f:
        rows = list(csv.DictReader(f))
    features = ["mean_radius", "mean_texture", "mean_smoothness"]
    X = standardise(np.array([[float(r[c]) for c in features] for r in rows]))
    y = np.array([1.0 if r["diagnosis"] == "malignant" else 0.0 for r in rows])
    model = LogisticRegression(penalty=None, tol=1e-12, max_iter=100000).fit(X, y)
    loss = log_loss(y, model.predict_proba(X)[:, 1])
    return {"features": features, "rows": len(y), "X": X.ravel().tolist(), "y": y.tolist(), "logLoss": float(loss)}


def regression_case():
    rng = np.random.default_rng(7)
    n = 300
    X = rng.normal(0, 1, (n, 3))
    y = 0.5 + X @ np.array([0.8, -0.5, 0.3]) + 0.4 * rng.normal(0, 1, n)
    A = np.hstack([np.ones((n, 1)), X])
    beta, *_ = np.linalg.lstsq(A, y, rcond=None)
    mse = np.mean((A @ beta - y) ** 2)
    return {"rows": n, "X": X.ravel().tolist(), "y": y.tolist(), "mse": float(mse)}


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "forward.json"), "w") as f:
        json.dump(forward_cases(), f)
    with open(os.path.join(OUT, "linear-models.json"), "w") as f:
        json.dump({"logistic": logistic_case(), "regression": regression_case()}, f)


if __name__ == "__main__":
    main()
