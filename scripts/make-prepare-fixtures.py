#!/usr/bin/python3
"""Writes numpy / scikit-learn reference results for the preparation and validation tests.

Run with Debian's Python (scikit-learn 1.2.1, numpy 1.24):
    /usr/bin/python3 scripts/make-prepare-fixtures.py
Outputs JSON files in tests/fixtures/prepare/, which are committed.
NaN is written as null (JSON has no NaN); the tests read null back as NaN.
"""
import json
import math
import os
import warnings

import numpy as np
from sklearn.impute import SimpleImputer
from sklearn.model_selection import KFold, StratifiedKFold, train_test_split
from sklearn.model_selection._validation import _translate_train_sizes
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder, StandardScaler

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "prepare")


def clean(x):
    """numpy values -> JSON values, NaN -> None."""
    if isinstance(x, np.ndarray):
        return clean(x.tolist())
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    if isinstance(x, (np.floating, float)):
        return None if math.isnan(x) else float(x)
    if isinstance(x, (np.integer,)):
        return int(x)
    return x


def write(name, data):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(clean(data), f, indent=1)
        f.write("\n")


nan = np.nan

# ---------------------------------------------------------------- imputation
# Each numeric column has at least one missing value, so SimpleImputer's
# add_indicator (features='missing-only') adds one indicator per column, in order.
num = np.array([
    [1.0, 10.0, 5.0],
    [nan, 20.0, 5.0],
    [3.0, nan, 7.0],
    [4.0, 40.0, nan],
    [10.0, 20.0, 7.0],
    [nan, 30.0, 1.0],
])
num_test = np.array([[nan, nan, nan], [2.0, 5.0, 9.0]])
impute = {"columns": ["a", "b", "c"], "train": num, "test": num_test, "cases": []}
for strategy, fill in [("mean", None), ("median", None), ("most_frequent", None), ("constant", -1.0)]:
    imp = SimpleImputer(strategy=strategy, fill_value=fill, add_indicator=True).fit(num)
    impute["cases"].append({
        "strategy": strategy, "fill": fill, "statistics": imp.statistics_,
        "train_out": imp.transform(num), "test_out": imp.transform(num_test),
    })
# Strings: ties in most_frequent go to the smallest value ("blue" < "red", both twice).
strings = np.array([["red"], [None], ["blue"], ["red"], ["blue"], [None], ["green"]], dtype=object)
str_cases = []
for strategy, fill in [("most_frequent", None), ("constant", "unknown")]:
    imp = SimpleImputer(strategy=strategy, missing_values=None, fill_value=fill).fit(strings)
    str_cases.append({"strategy": strategy, "fill": fill, "statistic": imp.statistics_[0],
                      "out": imp.transform(strings)[:, 0].tolist()})
impute["strings"] = {"values": strings[:, 0].tolist(), "cases": str_cases}
write("impute.json", impute)

# ---------------------------------------------------------------- scaling
rng = np.random.default_rng(7)
# "near": 1e9 plus a few units in the last place. StandardScaler counts a variance that small
# compared with the mean as rounding noise (_is_constant_feature) and does not divide by it.
train = np.column_stack([rng.normal(50, 12, 40), rng.uniform(-3, 3, 40), np.full(40, 4.2),
                         1e9 + rng.integers(-2, 3, 40) * 2.0 ** -23])
train[[3, 17], 0] = nan  # sklearn's scalers ignore NaN when fitting and keep it when transforming
test = np.column_stack([rng.normal(50, 12, 10), rng.uniform(-5, 5, 10), np.linspace(0, 9, 10),
                        1e9 + np.arange(10) * 2.0 ** -23])
std = StandardScaler().fit(train)
mm = MinMaxScaler().fit(train)
write("scale.json", {
    "columns": ["x", "y", "const", "near"], "train": train, "test": test,
    "standard": {"mean": std.mean_, "scale": std.scale_, "var": std.var_,
                 "train_out": std.transform(train), "test_out": std.transform(test)},
    "minmax": {"min": mm.data_min_, "max": mm.data_max_,
               "train_out": mm.transform(train), "test_out": mm.transform(test)},
})

# ---------------------------------------------------------------- one-hot
cat_train = np.array([["b", "x"], ["a", "y"], ["c", "x"], ["a", "x"], ["B", "z"], ["b", "y"]], dtype=object)
cat_test = np.array([["a", "z"], ["d", "x"], ["c", "w"]], dtype=object)  # "d" and "w" are unseen
onehot = {"columns": ["letter", "code"], "train": cat_train, "test": cat_test, "cases": []}
for drop in [None, "first"]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # drop='first' with handle_unknown='ignore' warns that unknowns become zeros
        enc = OneHotEncoder(drop=drop, handle_unknown="ignore", sparse_output=False).fit(cat_train)
        onehot["cases"].append({
            "drop": drop, "categories": [c.tolist() for c in enc.categories_],
            "names": enc.get_feature_names_out(["letter", "code"]).tolist(),
            "train_out": enc.transform(cat_train), "test_out": enc.transform(cat_test),
        })
write("onehot.json", onehot)

# ---------------------------------------------------------------- quantiles and outliers
vectors = [
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 100],
    [3.5, -2, 7, 7, 7, 1, 0.25],
    [10, 12, 11, 13, 12, 11, 10, 55, -40, 12, 11],
    [5],
    [2, 2, 2, 2],
    list(np.random.default_rng(3).standard_t(3, 57)),
    # The two middle values' mean differs in the last bit from linear interpolation at q = 0.5.
    [-1.0, -9.217244028061788e-05, 0.0002880577992460738, 1.0],
]
quant = []
for v in vectors:
    a = np.array(v, dtype=float)
    q1, q3 = np.percentile(a, [25, 75])
    qs = np.quantile(a, [0, 0.1, 0.25, 0.5, 0.9, 1])
    entry = {"values": a, "q": [0, 0.1, 0.25, 0.5, 0.9, 1], "quantiles": qs, "q1": q1, "q3": q3,
             "median": np.median(a), "iqr": {}, "z": None}
    for k in [1.5, 3]:
        lo, hi = q1 - k * (q3 - q1), q3 + k * (q3 - q1)
        entry["iqr"][str(k)] = {"low": lo, "high": hi, "outliers": ((a < lo) | (a > hi)).astype(int),
                                "clipped": np.clip(a, lo, hi)}
    if len(a) > 1 and a.std() > 0:
        mean, sd = a.mean(), a.std(ddof=1)
        entry["z"] = {"mean": mean, "std": sd, "outliers_2": (np.abs((a - mean) / sd) > 2).astype(int)}
    quant.append(entry)
write("quantiles.json", quant)

# ---------------------------------------------------------------- splits
sizes = []
for n in [2, 3, 5, 7, 10, 11, 33, 99, 100, 101, 150, 1001]:
    for t in [0.1, 0.2, 0.25, 0.3, 0.33, 0.5, 0.9]:
        try:
            tr, te = train_test_split(np.arange(n), test_size=t, random_state=0)
            sizes.append({"n": n, "test": t, "train_size": len(tr), "test_size": len(te)})
        except ValueError as e:
            sizes.append({"n": n, "test": t, "error": str(e)})


def labels(counts):
    """A label vector with the given class counts, interleaved so classes are not in blocks."""
    y = []
    for name, c in counts:
        y += [name] * c
    return np.random.default_rng(11).permutation(np.array(y, dtype=object)).tolist()


label_sets = {
    "balanced": labels([("a", 10), ("b", 10), ("c", 10)]),
    "skewed": labels([("no", 90), ("yes", 10)]),
    "three_uneven": labels([("x", 7), ("y", 13), ("z", 5)]),
    "pairs": labels([("p", 2), ("q", 2), ("r", 2), ("s", 3)]),
    "iris_like": labels([("setosa", 50), ("versicolor", 50), ("virginica", 50)]),
    "rare": labels([("common", 97), ("rare", 2), ("mid", 8)]),
}
stratified = []
for name, y in label_sets.items():
    classes = sorted(set(y))
    for t in [0.2, 0.3, 0.25]:
        seen = set()
        error = None
        for seed in range(40):  # ties are broken at random, so record every outcome sklearn gives
            try:
                tr, te = train_test_split(np.array(y, dtype=object), test_size=t, random_state=seed, stratify=y)
            except ValueError as e:  # fewer test (or train) rows than classes
                error = str(e)
                break
            seen.add(tuple(int((np.array(tr) == c).sum()) for c in classes))
        stratified.append({"name": name, "labels": y, "classes": classes, "test": t,
                           "train_counts": sorted(list(s) for s in seen), "error": error})
single = ["a", "a", "b", "a", "c", "c"]
try:
    train_test_split(np.arange(6), test_size=0.5, stratify=single)
    single_error = None
except ValueError as e:
    single_error = str(e)

kfold = []
for n in [2, 5, 10, 11, 17, 100, 103]:
    for k in [2, 3, 5, 10]:
        if k > n:
            continue
        folds = [te.tolist() for _, te in KFold(n_splits=k).split(np.arange(n))]
        kfold.append({"n": n, "k": k, "test_folds": folds})

skfold = []
for name, y in label_sets.items():
    classes = sorted(set(y))
    for k in [2, 3, 5]:
        if k > max(y.count(c) for c in classes):
            continue  # sklearn refuses: more folds than members in every class
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # fewer members than folds in some class
            folds = list(StratifiedKFold(n_splits=k).split(np.zeros(len(y)), y))
            counts_by_seed = set()
            for seed in range(5):
                sh = list(StratifiedKFold(n_splits=k, shuffle=True, random_state=seed).split(np.zeros(len(y)), y))
                counts_by_seed.add(tuple(tuple(int((np.array(y, dtype=object)[te] == c).sum()) for c in classes) for _, te in sh))
        counts = [[int((np.array(y, dtype=object)[te] == c).sum()) for c in classes] for _, te in folds]
        assert len(counts_by_seed) == 1 and list(map(list, counts_by_seed.pop())) == counts  # counts do not depend on shuffling
        skfold.append({"name": name, "labels": y, "classes": classes, "k": k,
                       "test_folds": [te.tolist() for _, te in folds], "test_counts": counts})

curves = []
for n in [10, 57, 100, 1000]:
    for steps in [2, 5, 10]:
        sizes_abs = _translate_train_sizes(np.linspace(0.1, 1.0, steps), n)
        curves.append({"n": n, "steps": steps, "sizes": sizes_abs})

write("splits.json", {"holdout_sizes": sizes, "stratified": stratified, "single_member_error": single_error,
                      "kfold": kfold, "stratified_kfold": skfold, "learning_curve": curves})


# ---------------------------------------------------------------- mulberry32
def mulberry32(seed):
    """Tommy Ettinger's mulberry32 (public domain), transcribed from its C source with 32-bit masks."""
    state = seed & 0xFFFFFFFF

    def nxt():
        nonlocal state
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        z = state
        z = ((z ^ (z >> 15)) * (z | 1)) & 0xFFFFFFFF
        z ^= (z + (((z ^ (z >> 7)) * (z | 61)) & 0xFFFFFFFF)) & 0xFFFFFFFF
        return (z ^ (z >> 14)) & 0xFFFFFFFF
    return nxt


streams = {}
for seed in [0, 1, 42, 123456789, 4294967295]:
    g = mulberry32(seed)
    streams[str(seed)] = [g() for _ in range(8)]
write("mulberry32.json", streams)
print("wrote", sorted(os.listdir(OUT)))
