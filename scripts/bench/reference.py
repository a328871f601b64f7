#!/usr/bin/python3
"""Reference timings for `npm run bench`: numpy lstsq and scikit-learn LogisticRegression
on the benchmark's data (a binary file written by scripts/bench/python.ts).
Usage: reference.py FILE ROWS FEATURES   -> prints one JSON object on stdout."""
import json
import sys
import time
import warnings

import numpy as np

path, rows, features = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
raw = np.fromfile(path, dtype="<f8")
X = raw[: rows * features].reshape(features, rows).T.copy()  # written column by column
y = raw[rows * features: rows * (features + 1)]
labels = raw[rows * (features + 1):].astype(int)
out = {}

t = time.perf_counter()
A = np.column_stack([np.ones(rows), X])
coef, *_ = np.linalg.lstsq(A, y, rcond=None)
out["lstsq"] = {"ms": 1000 * (time.perf_counter() - t), "loss": float(np.mean((y - A @ coef) ** 2))}

try:
    import sklearn
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss

    out["sklearn"] = sklearn.__version__
    for name, kw in [("lbfgs", dict(solver="lbfgs", max_iter=1000)), ("newton-cholesky", dict(solver="newton-cholesky"))]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            t = time.perf_counter()
            model = LogisticRegression(penalty=None, **kw).fit(X, labels)
            ms = 1000 * (time.perf_counter() - t)
        out["logistic-" + name] = {"ms": ms, "loss": log_loss(labels, model.predict_proba(X)),
                                   "iterations": int(np.max(model.n_iter_)),
                                   "warnings": sorted({str(w.message).split("\n")[0] for w in caught})}
except ImportError as e:
    out["sklearn"] = None
    out["error"] = str(e)
print(json.dumps(out))
