// Behaviour of the exact logistic solver beyond the scikit-learn comparisons.
import { describe, expect, it } from 'vitest';
import { decisionFunction, fitLogistic, logit, predictClasses, predictProba, rowWeights, sigmoid } from '../../../src/lib/ml/logistic';
import { matrixFromColumns } from '../../../src/lib/ml/matrix';
import { readDataset, standardiseMatrix } from './datasets';

const data = readDataset('breast-cancer.csv');
const X = standardiseMatrix(data.matrix(['mean_texture', 'mean_smoothness']));
const labels = data.labels('diagnosis');

describe('exact logistic regression', () => {
  it('sigmoid and logit are inverses and stable at extremes', () => {
    expect(logit(sigmoid(1.234))).toBeCloseTo(1.234, 12);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
  });
  it('decision function is the logit of the positive-class probability', () => {
    const { model } = fitLogistic(X, labels);
    const z = decisionFunction(model, X);
    const p = predictProba(model, X);
    for (let i = 0; i < 20; i++) {
      expect(p[i][0] + p[i][1]).toBeCloseTo(1, 15);
      expect(logit(p[i][1])).toBeCloseTo(z[i][0], 8);
    }
  });
  it('the threshold moves predictions toward the positive class', () => {
    const { model } = fitLogistic(X, labels);
    const count = (t: number) => predictClasses(model, X, t).filter((l) => l === 'malignant').length;
    expect(count(0.2)).toBeGreaterThan(count(0.5));
    expect(count(0.5)).toBeGreaterThan(count(0.8));
    expect(fitLogistic(X, labels, { threshold: 0.2 }).model.threshold).toBe(0.2);
    expect(predictClasses({ ...model, threshold: 0.2 }, X).filter((l) => l === 'malignant').length).toBe(count(0.2));
  });
  it('class weight 2 equals duplicating that class’s rows', () => {
    const rows = labels.flatMap((l, i) => (l === 'malignant' ? [i, i] : [i]));
    const dup = matrixFromColumns(X.columns.map((c) => rows.map((i) => c[i])));
    const dupLabels = rows.map((i) => labels[i]);
    const a = fitLogistic(X, labels, { classWeight: { malignant: 2 } }).model;
    const b = fitLogistic(dup, dupLabels).model;
    [a.intercept[0], ...a.coefficients[0]].forEach((v, j) => expect(v).toBeCloseTo([b.intercept[0], ...b.coefficients[0]][j], 8));
    expect(Array.from(rowWeights(Int32Array.of(0, 1, 1, 1), ['a', 'b'], 'balanced'))).toEqual([2, 2 / 3, 2 / 3, 2 / 3]);
  });
  it('softmax on two classes gives the same probabilities as the sigmoid', () => {
    const bin = fitLogistic(X, labels).model;
    const soft = fitLogistic(X, labels, { multinomial: true }).model;
    expect(soft.coefficients).toHaveLength(2);
    const pb = predictProba(bin, X);
    const ps = predictProba(soft, X);
    for (let i = 0; i < 30; i++) expect(ps[i][1]).toBeCloseTo(pb[i][1], 9);
    // sum-to-zero convention across classes
    expect(soft.intercept[0] + soft.intercept[1]).toBeCloseTo(0, 12);
  });
  it('warns when the classes are perfectly separable', () => {
    const x = matrixFromColumns([[1, 2, 3, 4, 5, 6]]);
    const fit = fitLogistic(x, ['a', 'a', 'a', 'b', 'b', 'b']);
    expect(fit.separable).toBe(true);
    expect(fit.warnings.join()).toMatch(/perfectly separable/);
    expect(Number.isFinite(fit.model.coefficients[0][0])).toBe(true);
    const ridge = fitLogistic(x, ['a', 'a', 'a', 'b', 'b', 'b'], { l2: 0.1 });
    expect(ridge.separable).toBe(false);
    expect(ridge.converged).toBe(true);
  });
  it('numeric labels, multiclass argmax, and errors', () => {
    const iris = readDataset('iris.csv');
    const Xi = standardiseMatrix(iris.matrix(['petal_length', 'petal_width']));
    const fit = fitLogistic(Xi, iris.labels('species'), { l2: 0.01 });
    const pred = predictClasses(fit.model, Xi);
    const acc = pred.filter((p, i) => p === iris.labels('species')[i]).length / pred.length;
    expect(acc).toBeGreaterThan(0.9);
    expect(fitLogistic(matrixFromColumns([[1, 2, 3, 4]]), [0, 1, 0, 1]).model.classes).toEqual([0, 1]);
    expect(() => fitLogistic(matrixFromColumns([[1, 2]]), ['a', 'a'])).toThrow(/two classes/);
    expect(() => fitLogistic(Xi, iris.labels('species'), { multinomial: false })).toThrow(/exactly two/);
  });
});
