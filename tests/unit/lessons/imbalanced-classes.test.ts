// The fraud notebook (SYNTHETIC data), run cell by cell, checked against
// scikit-learn on the same rows: the class counts of the stratified split
// and of the resampled training part, the resampled fit itself, and the
// cheapest threshold by cost (brute force over sklearn confusion matrices).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SplitCellOutput } from '../../../src/cells/split/run';
import type { ClassifierOutput } from '../../../src/cells/classifier/run';
import type { BaselineOutput } from '../../../src/cells/baseline/run';
import type { ClassificationEvaluation } from '../../../src/cells/evaluate/run';
import { fittedRows } from '../../../src/cells/classifier/spec';
import { labelTarget } from '../../../src/cells/shared/design';
import { resampleRows } from '../../../src/lib/validation/resample';
import { noPythonReason, python, runPythonScript } from '../../python-reference';
import { runNotebook } from './run-notebook';
import type { CellResults } from '../run-cells';

if (!python) console.log(`Skipping the scikit-learn checks of the fraud notebook: ${noPythonReason}.`);

let run: CellResults;
beforeAll(async () => {
  run = await runNotebook('notebooks/imbalanced-classes.md');
});
const out = <T>(id: string) => run.outputs[id] as T;

describe('random over- and under-sampling', () => {
  const labels = ['a', 'b', 'a', 'a', 'c', 'a', 'b', 'a'];
  it('over-sampling keeps every row and draws extras of the smaller classes from those classes only', () => {
    const rows = resampleRows(labels, 'over', 3);
    for (const label of ['a', 'b', 'c']) expect(rows.filter((i) => labels[i] === label)).toHaveLength(5);
    for (let i = 0; i < labels.length; i++) expect(rows).toContain(i);
  });
  it('under-sampling keeps distinct rows, as many per class as the smallest class has', () => {
    const rows = resampleRows(labels, 'under', 3);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((i) => labels[i]))).toEqual(new Set(['a', 'b', 'c']));
  });
  it('is seeded', () => {
    expect(resampleRows(labels, 'over', 9)).toEqual(resampleRows(labels, 'over', 9));
    expect(resampleRows(labels, 'none', 9)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('the fraud notebook', () => {
  it('runs with no cell in error', () => {
    expect(run.errors).toEqual({});
  });

  it('tells its story: the majority baseline is 99 % accurate and catches nothing; weights and resampling raise recall', () => {
    const baseline = out<BaselineOutput>('never-fraud').metrics.test as { accuracy: number; recall: number };
    expect(baseline.accuracy).toBeGreaterThan(0.99);
    expect(baseline.recall).toBe(0);
    const recall = (id: string) => out<ClassifierOutput>(id).metrics.test!.recall;
    expect(recall('detector')).toBeLessThan(0.5);
    expect(recall('weighted')).toBeGreaterThan(recall('detector') + 0.3);
    expect(recall('rebalanced')).toBeGreaterThan(recall('detector') + 0.3);
    const evaluation = out<ClassificationEvaluation>('cost');
    // The ROC area flatters; the average precision does not.
    expect(evaluation.curves[0].curves.auc).toBeGreaterThan(0.9);
    expect(evaluation.curves[0].curves.averagePrecision).toBeLessThan(0.6);
    expect(evaluation.cost!.curve.cost[evaluation.cost!.curve.best]).toBeLessThan(evaluation.cost!.current.cost);
  });

  it('resamples the training part only, leaving the test part as it is', () => {
    const split = out<SplitCellOutput>('holdout');
    const model = out<ClassifierOutput>('rebalanced');
    expect(model.parts.test!.rowCount).toBe(split.test.rowCount);
    const fitted = fittedRows(model.spec, model.parts.train);
    const counts = (table: typeof fitted) => {
      const labels = labelTarget(table, 'fraud');
      return ['no', 'yes'].map((c) => labels.filter((l) => l === c).length);
    };
    const [no, yes] = counts(model.parts.train);
    expect(counts(fitted)).toEqual([no, no]);
    expect(yes).toBeLessThan(no / 50);
  });

  describe.skipIf(!python)('against scikit-learn', () => {
    it('same class counts in the stratified parts, same coefficients on the same over-sampled rows, same cheapest threshold', () => {
      const split = out<SplitCellOutput>('holdout');
      const model = out<ClassifierOutput>('rebalanced');
      const evaluation = out<ClassificationEvaluation>('cost');
      const detector = out<ClassifierOutput>('detector');
      const trainLabels = labelTarget(model.parts.train, 'fraud');
      const dir = mkdtempSync(join(tmpdir(), 'fitbook-fraud-'));
      writeFileSync(
        join(dir, 'input.json'),
        JSON.stringify({
          csv: join(process.cwd(), 'datasets/fraud-synthetic.csv'),
          features: model.spec.features,
          trainRows: Array.from(split.rows.train),
          // The resample, as row numbers of the training part, so sklearn fits the very same rows.
          resampled: resampleRows(trainLabels, 'over', model.spec.seed!),
          testActual: detector.scores.test!.actual,
          testScores: Array.from(detector.scores.test!.byClass[1]),
          costs: evaluation.cost!.costs,
        }),
      );
      writeFileSync(
        join(dir, 'check.py'),
        `
import json
import numpy as np, pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix
from sklearn.model_selection import train_test_split
i = json.load(open("input.json"))
data = pd.read_csv(i["csv"])
y = data["fraud"].to_numpy()
train, test = train_test_split(np.arange(len(y)), test_size=0.25, stratify=y, random_state=0)
train_counts = [int((y[train] == c).sum()) for c in ["no", "yes"]]
rows = np.array(i["trainRows"])[np.array(i["resampled"])]
X = data[i["features"]].to_numpy()[rows]
model = LogisticRegression(penalty=None, solver="newton-cg", tol=1e-10, max_iter=1000).fit(X, y[rows])
resampled_counts = [int((y[rows] == c).sum()) for c in ["no", "yes"]]
actual = np.array(i["testActual"]) == "yes"
scores = np.array(i["testScores"])
best = None
for t in sorted(set(scores)) + [np.inf]:
    tn, fp, fn, tp = confusion_matrix(actual, scores >= t, labels=[False, True]).ravel()
    cost = i["costs"]["missed"] * fn + i["costs"]["falseAlarm"] * fp
    if best is None or cost < best[1] or (cost == best[1] and t > best[0]):
        best = (t, cost)
print(json.dumps({"trainCounts": train_counts, "resampledCounts": resampled_counts,
  "coef": model.coef_[0].tolist(), "intercept": float(model.intercept_[0]),
  "bestThreshold": None if np.isinf(best[0]) else float(best[0]), "bestCost": float(best[1])}))
`,
      );
      const ref = JSON.parse(runPythonScript('check.py', dir));
      // sklearn's stratified split allocates the same number of each class to each part.
      expect(split.classCounts).toBeDefined();
      expect(['no', 'yes'].map((c) => trainLabels.filter((l) => l === c).length)).toEqual(ref.trainCounts);
      const fitted = labelTarget(fittedRows(model.spec, model.parts.train), 'fraud');
      expect(['no', 'yes'].map((c) => fitted.filter((l) => l === c).length)).toEqual(ref.resampledCounts);
      const rows = model.coefficients!;
      expect(rows[0].name).toBe('Intercept');
      expect(rows[0].estimate).toBeCloseTo(ref.intercept, 5);
      rows.slice(1).forEach((row, k) => expect(row.estimate, row.name).toBeCloseTo(ref.coef[k], 5));
      const curve = evaluation.cost!.curve;
      expect(curve.cost[curve.best]).toBe(ref.bestCost);
      expect(curve.thresholds[curve.best]).toBe(ref.bestThreshold ?? Infinity);
    });
  });
});
