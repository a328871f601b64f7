#!/usr/bin/env python3
"""Write datasets/fraud-synthetic.csv: made-up card transactions, about 1 % fraud.

SYNTHETIC: no row describes a real person, card or shop. The file exists to
teach imbalanced classification (the fraud notebook). Run with /usr/bin/python3
from the repository root; it is seeded, so it always writes the same file:

    /usr/bin/python3 scripts/make-fraud-dataset.py

How a row is drawn. First the label: fraud with probability FRAUD_RATE. Then
the features, from distributions that differ between the two classes but
overlap, so no threshold separates them cleanly:
  * amount: log-normal; frauds are larger on average;
  * hour of the day: genuine purchases follow the waking day, frauds are
    spread more evenly, so a larger share falls at night;
  * distance_from_home (km): log-normal; frauds happen further away;
  * merchant_risk (0-1): a score of the shop's past trouble, beta-distributed;
  * online (0/1) and foreign (0/1): how and where the card was used.
"""
import csv
from pathlib import Path

import numpy as np

SEED = 20261202
ROWS = 8000
FRAUD_RATE = 0.01
TARGET = Path("datasets/fraud-synthetic.csv")


def draw(rng: np.random.Generator, fraud: np.ndarray) -> dict:
    n = fraud.size
    f = fraud.astype(bool)
    amount = np.where(f, rng.lognormal(4.3, 1.0, n), rng.lognormal(3.4, 0.9, n))
    day_hour = np.clip(rng.normal(14, 4, n), 0, 23.99)
    any_hour = rng.uniform(0, 24, n)
    hour = np.floor(np.where(f & (rng.random(n) < 0.6), any_hour, day_hour)).astype(int)
    distance = np.where(f, rng.lognormal(3.0, 1.3, n), rng.lognormal(1.8, 1.0, n))
    merchant_risk = np.where(f, rng.beta(3, 4, n), rng.beta(2, 6, n))
    online = rng.random(n) < np.where(f, 0.65, 0.35)
    foreign = rng.random(n) < np.where(f, 0.25, 0.04)
    return {
        "amount": np.round(amount, 2),
        "hour": hour,
        "distance_from_home": np.round(distance, 1),
        "merchant_risk": np.round(merchant_risk, 3),
        "online": online.astype(int),
        "foreign": foreign.astype(int),
        "fraud": np.where(f, "yes", "no"),
    }


def main() -> None:
    rng = np.random.default_rng(SEED)
    fraud = rng.random(ROWS) < FRAUD_RATE
    columns = draw(rng, fraud)
    names = list(columns)
    with TARGET.open("w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        for row in zip(*(columns[name] for name in names)):
            writer.writerow(row)
    print(f"{TARGET}: {ROWS} rows, {int(fraud.sum())} fraud ({fraud.mean():.2%})")


if __name__ == "__main__":
    main()
