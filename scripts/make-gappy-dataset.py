#!/usr/bin/env python3
"""Derive datasets/boston-housing-gaps.csv from datasets/boston-housing.csv.

The gaps and outliers are made up for teaching data preparation; the real
Boston housing data has neither. Run with /usr/bin/python3 from the repo root:

    /usr/bin/python3 scripts/make-gappy-dataset.py

What it does (seeded, so it always writes the same file):
  * blanks a few percent of the values of some feature columns, written as
    an empty field, NA or ? (mixed, as messy files do);
  * multiplies a few other values by 10, like a slipped decimal point when
    the data was typed in.
The label MEDV is left untouched, and no cell is both blanked and inflated.
"""
import csv
import random
from pathlib import Path

SEED = 20240607
SOURCE = Path("datasets/boston-housing.csv")
TARGET = Path("datasets/boston-housing-gaps.csv")

# column -> number of values to blank (of 506 rows: about 5%, 4%, 3%, 2%)
BLANKS = {"RM": 25, "AGE": 20, "LSTAT": 15, "CRIM": 10}
# column -> number of values multiplied by 10
INFLATED = {"RM": 3, "AGE": 2, "TAX": 2}
MISSING_SPELLINGS = ["", "NA", "?"]


def times_ten(text):
    """The value ×10, written with as many decimals as the original had."""
    decimals = len(text.split(".")[1]) if "." in text else 0
    return f"{float(text) * 10:.{decimals}f}"


def main():
    rng = random.Random(SEED)
    with SOURCE.open(newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    used = set()  # (row, column) cells already changed

    def pick(column, count):
        j = header.index(column)
        free = [i for i in range(len(body)) if (i, j) not in used]
        chosen = sorted(rng.sample(free, count))
        used.update((i, j) for i in chosen)
        return j, chosen

    for column, count in BLANKS.items():
        j, chosen = pick(column, count)
        for k, i in enumerate(chosen):
            body[i][j] = MISSING_SPELLINGS[k % len(MISSING_SPELLINGS)]
    for column, count in INFLATED.items():
        j, chosen = pick(column, count)
        for i in chosen:
            body[i][j] = times_ten(body[i][j])
            print(f"{column} row {i + 1}: {body[i][j]}")

    with TARGET.open("w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([header] + body)
    print(f"wrote {TARGET}: {len(body)} rows, blanks {BLANKS}, ×10 {INFLATED}")


if __name__ == "__main__":
    main()
