// k-means against scikit-learn: from the same initial centres (our
// k-means++ draw), KMeans(algorithm="lloyd") must give the same labels, and
// centres and inertia to 1e-8; the silhouette and the adjusted Rand index
// must equal silhouette_score and adjusted_rand_score. Skipped, with the
// reason printed, where no Python with scikit-learn is found.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../../src/lib/data/csv/read';
import { getColumn, isNumeric, type Table } from '../../../src/lib/data/table';
import { kMeans, kMeansPlusPlus, silhouetteScore } from '../../../src/lib/ml/kmeans';
import { matrixFromColumns, matrixFromRows, type Matrix } from '../../../src/lib/ml/matrix';
import { crossTabulate } from '../../../src/cells/kmeans/compare';
import { noPythonReason, python, runPythonJson } from '../../python-reference';

if (!python) console.log(`Skipping the scikit-learn k-means checks: ${noPythonReason}.`);

function standardised(table: Table, names: string[]): Matrix {
  return matrixFromColumns(
    names.map((name) => {
      const column = getColumn(table, name)!;
      if (!isNumeric(column)) throw new Error(name);
      const v = column.values;
      const mean = v.reduce((s, x) => s + x, 0) / v.length;
      const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length);
      return v.map((x) => (x - mean) / sd);
    }),
  );
}

const SCRIPT = `
import json, numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_score
case = json.load(open("case.json"))
X = np.array(case["X"]).T
out = []
for run in case["runs"]:
    km = KMeans(n_clusters=len(run["init"]), init=np.array(run["init"]), n_init=1, algorithm="lloyd", tol=0, max_iter=300).fit(X)
    out.append({"labels": km.labels_.tolist(), "centres": km.cluster_centers_.tolist(), "inertia": float(km.inertia_),
                "silhouette": float(silhouette_score(X, km.labels_)) if len(run["init"]) > 1 else None,
                "ari": float(adjusted_rand_score(case["species"], km.labels_))})
print(json.dumps(out))
`;

describe('k-means', () => {
  const table = readCsvText(readFileSync('datasets/iris.csv')).table;
  const X = standardised(table, ['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
  const species = (getColumn(table, 'species')!.values as string[]).map(String);

  it('k-means++ picks distinct rows of the data, the same ones for the same seed', () => {
    const a = kMeansPlusPlus(X, 5, 7);
    expect(kMeansPlusPlus(X, 5, 7)).toEqual(a);
    expect(new Set(a.map((c) => c.join())).size).toBe(5);
    for (const c of a) expect(Array.from({ length: X.rows }, (_, i) => X.columns.every((col, j) => col[i] === c[j])).some(Boolean)).toBe(true);
  });

  it('keeps k clusters when one empties, and stops with settled labels', () => {
    // Two tight groups, and a third centre far away that no point is nearest to.
    const Y = matrixFromRows([[0, 0], [0, 1], [1, 0], [10, 10], [10, 11], [11, 10]]);
    const result = kMeans(Y, { k: 3, seed: 1, initialCentres: [Float64Array.of(0, 0), Float64Array.of(10, 10), Float64Array.of(100, 100)] });
    expect(result.sizes.every((s) => s > 0)).toBe(true);
    expect(result.converged).toBe(true);
  });

  it('refuses k larger than the rows, with the numbers', () => {
    expect(() => kMeans(matrixFromRows([[1], [2]]), { k: 3, seed: 1 })).toThrow('at least k = 3 rows; the data has 2');
  });

  it.skipIf(!python)("equals scikit-learn's KMeans from the same initial centres, and its silhouette and ARI", () => {
    const runs = [1, 2, 3, 4, 6, 8].map((k, i) => ({ k, init: kMeansPlusPlus(X, k, 40 + i).map((c) => Array.from(c)) }));
    const sklearn = runPythonJson<{ labels: number[]; centres: number[][]; inertia: number; silhouette: number | null; ari: number }[]>(SCRIPT, {
      X: X.columns,
      runs,
      species,
    });
    runs.forEach((run, r) => {
      const ours = kMeans(X, { k: run.k, seed: 0, initialCentres: run.init.map((c) => Float64Array.from(c)) });
      const ref = sklearn[r];
      expect(Array.from(ours.labels), `k = ${run.k}`).toEqual(ref.labels);
      expect(ours.inertia).toBeCloseTo(ref.inertia, 8);
      ours.centres.forEach((c, i) => c.forEach((v, j) => expect(v).toBeCloseTo(ref.centres[i][j], 8)));
      if (ref.silhouette !== null) expect(silhouetteScore(X, ours.labels, run.k)).toBeCloseTo(ref.silhouette, 10);
      expect(crossTabulate(ours.labels, run.k, species, 'species').adjustedRand).toBeCloseTo(ref.ari, 10);
    });
  });
});
