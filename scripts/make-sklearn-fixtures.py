#!/usr/bin/python3
"""Writes scikit-learn reference results for the engine's unit tests.

Run with Debian's Python (scikit-learn 1.2.1):  /usr/bin/python3 scripts/make-sklearn-fixtures.py [edge.json]
(with edge.json, only the n < p fixtures are written; the others take a while)
Outputs JSON files in tests/fixtures/sklearn/, which are committed.

Conventions (see docs/engine.md):
  * Linear: ours minimises (1/(2n))||y - Xw - b||^2 + l1 ||w||_1 + (l2/2)||w||^2.
    Ridge(alpha) -> l2 = alpha / n;  Lasso(alpha) -> l1 = alpha;
    ElasticNet(alpha, l1_ratio) -> l1 = alpha * l1_ratio, l2 = alpha * (1 - l1_ratio).
  * Logistic: ours minimises (1/n) sum w_i loss_i + (l2/2)||W||^2 + l1 ||W||_1,
    so sklearn's C = 1 / (n * lambda).
  * "standardised" problems use (x - mean) / population std, computed here and in the tests.
"""
import json
import os
import sys

import numpy as np
from sklearn.linear_model import ElasticNet, Lasso, LinearRegression, LogisticRegression, Ridge
from sklearn.metrics import (accuracy_score, average_precision_score, confusion_matrix, f1_score, log_loss,
                             precision_recall_curve, precision_score, r2_score, recall_score, roc_auc_score,
                             roc_curve, mean_absolute_error, mean_squared_error)
from sklearn.preprocessing import PolynomialFeatures

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "sklearn")


def read_csv(name):
    with open(os.path.join(ROOT, "datasets", name)) as f:
        header = f.readline().strip().split(",")
        rows = [line.strip().split(",") for line in f if line.strip()]
    cols = {}
    for j, h in enumerate(header):
        vals = [r[j] for r in rows]
        try:
            cols[h] = np.array([float(v) for v in vals])
        except ValueError:
            cols[h] = np.array(vals)
    return header, cols


def standardise(X):
    return (X - X.mean(axis=0)) / X.std(axis=0)


def lst(a):
    return np.asarray(a, dtype=float).tolist()


def ols_summary(X, y, intercept=True):
    """Standard errors, t values and VIF by textbook formulas (numpy, float64)."""
    n, p = X.shape
    Z = np.column_stack([np.ones(n), X]) if intercept else X
    b, *_ = np.linalg.lstsq(Z, y, rcond=None)
    r = y - Z @ b
    df = n - Z.shape[1]
    s2 = r @ r / df
    cov = s2 * np.linalg.inv(Z.T @ Z)
    se = np.sqrt(np.diag(cov))
    vif = []
    for j in range(p):
        others = np.delete(X, j, axis=1)
        A = np.column_stack([np.ones(n), others]) if intercept else others
        if A.shape[1] == 0:
            vif.append(1.0)
            continue
        c, *_ = np.linalg.lstsq(A, X[:, j], rcond=None)
        res = X[:, j] - A @ c
        tss = ((X[:, j] - X[:, j].mean()) ** 2).sum() if intercept else (X[:, j] ** 2).sum()
        vif.append(tss / (res @ res))
    tss = ((y - y.mean()) ** 2).sum() if intercept else (y ** 2).sum()
    r2 = 1 - (r @ r) / tss
    adj = 1 - (1 - r2) * ((n - 1) if intercept else n) / df
    return {"se": lst(se), "t": lst(b / se), "vif": vif, "r2": r2, "adjustedR2": adj,
            "residualStd": float(np.sqrt(s2)), "rss": float(r @ r)}


def linear_fixtures():
    out = []
    for file, target in [("boston-housing.csv", "MEDV"), ("diabetes.csv", "progression")]:
        header, cols = read_csv(file)
        features = [h for h in header if h != target]
        X = np.column_stack([cols[h] for h in features])
        y = cols[target]
        n = len(y)

        def add(name, model, l1=0.0, l2=0.0, intercept=True, Xfit=X, degree=1, feats=features, summary=None):
            model.fit(Xfit, y)
            pred = model.predict(Xfit)
            case = {"dataset": file, "target": target, "features": feats, "name": name, "degree": degree,
                    "intercept": intercept, "l1": l1, "l2": l2,
                    "coef": lst(np.ravel(model.coef_)), "interceptValue": float(model.intercept_) if intercept else 0.0,
                    "metrics": {"mse": mean_squared_error(y, pred), "mae": mean_absolute_error(y, pred),
                                "r2": r2_score(y, pred)}}
            if summary is not None:
                case["summary"] = summary
            out.append(case)

        add("ols", LinearRegression(), summary=ols_summary(X, y))
        add("ols-no-intercept", LinearRegression(fit_intercept=False), intercept=False,
            summary=ols_summary(X, y, intercept=False))
        add("ridge-alpha-10", Ridge(alpha=10.0, tol=1e-14, solver="cholesky"), l2=10.0 / n)
        add("lasso-alpha-0.1", Lasso(alpha=0.1, tol=1e-14, max_iter=10_000_000), l1=0.1)
        add("elasticnet-0.2-0.5", ElasticNet(alpha=0.2, l1_ratio=0.5, tol=1e-14, max_iter=10_000_000),
            l1=0.1, l2=0.1)
        # Polynomial of degree 3 in one feature
        one = "RM" if target == "MEDV" else "bmi"
        x1 = cols[one].reshape(-1, 1)
        P = PolynomialFeatures(degree=3, include_bias=False).fit_transform(x1)
        add("poly3-" + one, LinearRegression(), Xfit=P, degree=3, feats=[one],
            summary=ols_summary(P, y))
    return out


def logistic_case(file, target, features, name, C=None, penalty=None, class_weight=None, standardised=False,
                  multinomial=None):
    header, cols = read_csv(file)
    X = np.column_stack([cols[h] for h in features])
    y = cols[target]
    n = len(y)
    Xs = standardise(X)
    binary = len(np.unique(y)) == 2
    # Newton solvers reach the optimum to ~1e-12. newton-cholesky (binary only in 1.2) stops on
    # its own; newton-cg cannot meet tol=1e-10 in float64, so it runs to max_iter, long converged.
    if penalty == "l1":
        model = LogisticRegression(penalty="l1", C=C, solver="saga", tol=1e-12, max_iter=1_000_000, random_state=0,
                                   class_weight=class_weight)
    else:
        kw = dict(penalty=penalty, class_weight=class_weight)
        if penalty == "l2":
            kw["C"] = C
        if binary:
            model = LogisticRegression(solver="newton-cholesky", tol=1e-12, max_iter=1000, **kw)
        else:
            model = LogisticRegression(solver="newton-cg", tol=1e-10, max_iter=300, **kw)
    model.fit(Xs, y)
    classes = [str(c) for c in model.classes_]
    coef = model.coef_
    icpt = model.intercept_
    if not standardised:
        # Same optimum in raw units (valid only without a penalty): w / s, b - sum w m / s.
        m, s = X.mean(axis=0), X.std(axis=0)
        coef = coef / s
        icpt = icpt - coef @ m
    proba = model.predict_proba(Xs)
    lam = 0.0 if C is None else 1.0 / (n * C)
    return {"dataset": file, "target": target, "features": features, "name": name, "standardised": standardised,
            "l1": lam if penalty == "l1" else 0.0, "l2": lam if penalty == "l2" else 0.0,
            "classWeight": class_weight, "classes": classes, "nIter": int(np.max(model.n_iter_)),
            "coef": [lst(r) for r in coef], "intercept": lst(icpt),
            "logLoss": log_loss(y, proba), "proba": [lst(r) for r in proba]}


def logistic_fixtures():
    bc = "breast-cancer.csv"
    _, bcols = read_csv(bc)
    all_bc = [h for h in bcols if h != "diagnosis"]
    cases = [
        logistic_case(bc, "diagnosis", ["mean_radius", "mean_texture", "mean_smoothness"], "binary-unpenalised"),
        logistic_case(bc, "diagnosis", all_bc, "binary-l2-C0.5", C=0.5, penalty="l2", standardised=True),
        # saga converges slowly on the full, highly collinear set: use five less correlated features.
        logistic_case(bc, "diagnosis", ["mean_texture", "mean_smoothness", "mean_symmetry", "worst_concave_points",
                                        "area_error"], "binary-l1-C0.5", C=0.5, penalty="l1", standardised=True),
        logistic_case(bc, "diagnosis", all_bc[:10], "binary-l2-balanced", C=1.0, penalty="l2",
                      class_weight="balanced", standardised=True),
        # Every iris pair but one nearly separates setosa (no finite optimum); sepal width alone overlaps.
        logistic_case("iris.csv", "species", ["sepal_width"], "multinomial-unpenalised"),
        logistic_case("iris.csv", "species", ["sepal_length", "sepal_width", "petal_length", "petal_width"],
                      "multinomial-l2-C1", C=1.0, penalty="l2", standardised=True),
        logistic_case("iris.csv", "species", ["sepal_length", "sepal_width", "petal_length", "petal_width"],
                      "multinomial-l1-C1", C=1.0, penalty="l1", standardised=True),
        logistic_case("wine.csv", "cultivar", ["alcohol", "malic_acid", "ash"], "wine-unpenalised"),
        logistic_case("wine.csv", "cultivar", [h for h in read_csv("wine.csv")[0] if h != "cultivar"],
                      "wine-l2-C0.1", C=0.1, penalty="l2", standardised=True),
    ]
    for c in cases:
        print(f"  {c['name']}: n_iter={c['nIter']} log_loss={c['logLoss']:.6f}", file=sys.stderr)
    return cases


def metric_fixtures(logistic):
    out = {}
    # Binary: breast cancer, L2 model's probabilities (inputs to the metrics, not outputs of ours).
    b = next(c for c in logistic if c["name"] == "binary-l2-C0.5")
    _, cols = read_csv(b["dataset"])
    y = cols[b["target"]]
    proba = np.array(b["proba"])
    pos = b["classes"][1]
    score = proba[:, 1]
    # A coarser score with ties, to exercise tie handling.
    tied = np.round(score, 1)
    pred = np.where(score >= 0.5, pos, b["classes"][0])
    fpr, tpr, thr = roc_curve(y, score, pos_label=pos)
    fpr_all, tpr_all, thr_all = roc_curve(y, tied, pos_label=pos, drop_intermediate=False)
    fpr_t, tpr_t, thr_t = roc_curve(y, tied, pos_label=pos)
    prec, rec, pthr = precision_recall_curve(y, tied, pos_label=pos)
    out["binary"] = {
        "yTrue": y.tolist(), "score": lst(score), "tied": lst(tied), "yPred": pred.tolist(), "classes": b["classes"],
        "accuracy": accuracy_score(y, pred),
        "precision": precision_score(y, pred, pos_label=pos), "recall": recall_score(y, pred, pos_label=pos),
        "f1": f1_score(y, pred, pos_label=pos),
        "precisionMacro": precision_score(y, pred, average="macro"), "f1Weighted": f1_score(y, pred, average="weighted"),
        "confusion": confusion_matrix(y, pred, labels=b["classes"]).tolist(),
        "logLoss": log_loss(y, proba),
        "roc": {"fpr": lst(fpr), "tpr": lst(tpr), "thresholds": lst(thr)},
        "rocTiedAll": {"fpr": lst(fpr_all), "tpr": lst(tpr_all), "thresholds": lst(thr_all)},
        "rocTied": {"fpr": lst(fpr_t), "tpr": lst(tpr_t), "thresholds": lst(thr_t)},
        "auc": roc_auc_score(y, score), "aucTied": roc_auc_score(y, tied),
        "prTied": {"precision": lst(prec), "recall": lst(rec), "thresholds": lst(pthr)},
        "averagePrecision": average_precision_score(y, score, pos_label=pos),
        "averagePrecisionTied": average_precision_score(y, tied, pos_label=pos),
    }
    m = next(c for c in logistic if c["name"] == "wine-l2-C0.1")
    _, cols = read_csv(m["dataset"])
    y = cols[m["target"]]
    proba = np.array(m["proba"])
    # Deliberately imperfect predictions: the second most probable class for every 7th row.
    order = np.argsort(-proba, axis=1)
    idx = np.where(np.arange(len(y)) % 7 == 0, order[:, 1], order[:, 0])
    pred = np.array(m["classes"])[idx]
    out["multiclass"] = {
        "yTrue": y.tolist(), "yPred": pred.tolist(), "proba": m["proba"], "classes": m["classes"],
        "accuracy": accuracy_score(y, pred),
        "precisionMacro": precision_score(y, pred, average="macro"),
        "recallMacro": recall_score(y, pred, average="macro"),
        "f1Macro": f1_score(y, pred, average="macro"),
        "precisionWeighted": precision_score(y, pred, average="weighted"),
        "recallWeighted": recall_score(y, pred, average="weighted"),
        "f1Weighted": f1_score(y, pred, average="weighted"),
        "f1Micro": f1_score(y, pred, average="micro"),
        "confusion": confusion_matrix(y, pred, labels=m["classes"]).tolist(),
        "logLoss": log_loss(y, proba),
        "aucOvrMacro": roc_auc_score(y, proba, multi_class="ovr", average="macro"),
        "aucOvrWeighted": roc_auc_score(y, proba, multi_class="ovr", average="weighted"),
    }
    return out


def edge_fixtures():
    """Fewer rows than parameters (n < p), well posed with a penalty: ridge, lasso, elastic net
    on the first 8 rows of diabetes (10 features + intercept = 11 parameters)."""
    header, cols = read_csv("diabetes.csv")
    target = "progression"
    features = [h for h in header if h != target]
    rows = 8
    X = np.column_stack([cols[h] for h in features])[:rows]
    y = cols[target][:rows]
    out = []
    for name, model, l1, l2 in [
        ("n<p ridge-alpha-0.5", Ridge(alpha=0.5, tol=1e-14, solver="svd"), 0.0, 0.5 / rows),
        ("n<p lasso-alpha-0.5", Lasso(alpha=0.5, tol=1e-14, max_iter=10_000_000), 0.5, 0.0),
        ("n<p elasticnet-1-0.5", ElasticNet(alpha=1.0, l1_ratio=0.5, tol=1e-14, max_iter=10_000_000), 0.5, 0.5),
    ]:
        model.fit(X, y)
        out.append({"dataset": "diabetes.csv", "target": target, "features": features, "rows": rows, "name": name,
                    "l1": l1, "l2": l2, "coef": lst(model.coef_), "interceptValue": float(model.intercept_)})
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    import sklearn
    meta = {"sklearn": sklearn.__version__, "numpy": np.__version__}
    only = sys.argv[1:]  # e.g. edge.json: write only the named files
    if only == ["edge.json"]:
        outputs = [("edge.json", edge_fixtures())]
    else:
        lin = linear_fixtures()
        logi = logistic_fixtures()
        met = metric_fixtures(logi)
        outputs = [("linear.json", lin), ("logistic.json", logi), ("metrics.json", met), ("edge.json", edge_fixtures())]
    for name, data in outputs:
        with open(os.path.join(OUT, name), "w") as f:
            json.dump({"meta": meta, "cases" if name != "metrics.json" else "data": data}, f)
        print("wrote", os.path.join(OUT, name), file=sys.stderr)


if __name__ == "__main__":
    main()
