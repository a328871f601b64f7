#!/usr/bin/python3
"""Reference timings for `npm run bench`: numpy and scikit-learn on the benchmark's data (a binary
file written by scripts/bench/python.ts), run on request so that the bench can alternate them with
fitbook's own fits (load on a shared machine then hits both alike).

Usage: reference.py FILE ROWS FEATURES
Reads one task per line on stdin and answers each with one JSON line on stdout:
  lstsq                       numpy.linalg.lstsq with an intercept column (LAPACK gelsd)
  lbfgs | newton-cholesky     LogisticRegression(penalty=None) with that solver, on X as given
  lbfgs-scaled                StandardScaler, then LogisticRegression(lbfgs) (scaling timed too)
  gd EPOCHS BATCH LR SEED     the gradient-descent fit fitbook runs on TensorFlow.js, in numpy:
                              standardised float32 features, W = 0, b = 0, Adam (beta1 0.9,
                              beta2 0.999, epsilon 1e-7 as tfjs), one shuffle per epoch, mean log
                              loss per mini-batch; the training log loss read once at the end
Each answer has "ms" (wall clock) and "cpuMs" (CPU time of all threads; includes the loss
evaluation after the fit, which is small). The first line printed is {"ready": true, "sklearn": version or null}."""
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

try:
    import sklearn
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    version = sklearn.__version__
except ImportError:
    version = None


def lstsq():
    t = time.perf_counter()
    A = np.column_stack([np.ones(rows), X])
    coef, *_ = np.linalg.lstsq(A, y, rcond=None)
    ms = 1000 * (time.perf_counter() - t)
    return {"ms": ms, "loss": float(np.mean((y - A @ coef) ** 2))}


def logistic(solver, scaled):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = time.perf_counter()
        model = LogisticRegression(penalty=None, solver=solver, max_iter=1000)
        if scaled:
            model = make_pipeline(StandardScaler(), model)
        model.fit(X, labels)
        ms = 1000 * (time.perf_counter() - t)
    last = model[-1] if scaled else model
    return {"ms": ms, "loss": float(log_loss(labels, model.predict_proba(X))),
            "iterations": int(np.max(last.n_iter_)),
            "warnings": sorted({str(w.message).split("\n")[0] for w in caught})}


def gd(epochs, batch, lr, seed):
    t = time.perf_counter()
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1
    Z = ((X - mean) / scale).astype(np.float32)
    target = labels.astype(np.float32)
    w = np.zeros(features, np.float32)
    b = np.float32(0)
    m_w = np.zeros_like(w)
    v_w = np.zeros_like(w)
    m_b = v_b = np.float32(0)
    b1, b2, eps, lr = np.float32(0.9), np.float32(0.999), np.float32(1e-7), np.float32(lr)
    rng = np.random.default_rng(seed)
    step = 0
    for _ in range(epochs):
        order = rng.permutation(rows)
        for start in range(0, rows, batch):
            idx = order[start:start + batch]
            xb = Z[idx]
            p = 1 / (1 + np.exp(-(xb @ w + b)))
            r = (p - target[idx]) / np.float32(len(idx))
            gw = xb.T @ r
            gb = r.sum()
            step += 1
            m_w = b1 * m_w + (1 - b1) * gw
            v_w = b2 * v_w + (1 - b2) * gw * gw
            m_b = b1 * m_b + (1 - b1) * gb
            v_b = b2 * v_b + (1 - b2) * gb * gb
            # tfjs's Adam: lr * m_hat / (sqrt(v_hat) + eps), both moments bias-corrected
            c1, c2 = 1 - b1 ** step, 1 - b2 ** step
            w = w - lr * (m_w / c1) / (np.sqrt(v_w / c2) + eps)
            b = b - lr * (m_b / c1) / (np.sqrt(v_b / c2) + eps)
    z = Z @ w + b
    loss = float(np.mean(np.logaddexp(0, z) - target * z))
    return {"ms": 1000 * (time.perf_counter() - t), "loss": loss, "iterations": step}


print(json.dumps({"ready": True, "sklearn": version}), flush=True)
for line in sys.stdin:
    words = line.split()
    if not words:
        continue
    cpu = time.process_time()  # all threads (numpy's BLAS may use several): compared with fitbook's one
    try:
        task = words[0]
        if task == "lstsq":
            out = lstsq()
        elif task in ("lbfgs", "newton-cholesky"):
            out = logistic(task, False)
        elif task == "lbfgs-scaled":
            out = logistic("lbfgs", True)
        elif task == "gd":
            out = gd(int(words[1]), int(words[2]), float(words[3]), int(words[4]))
        else:
            out = {"error": f"unknown task {task}"}
    except Exception as e:  # report, keep serving
        out = {"error": f"{type(e).__name__}: {e}"}
    if "ms" in out:
        out["cpuMs"] = 1000 * (time.process_time() - cpu)
    print(json.dumps(out), flush=True)
