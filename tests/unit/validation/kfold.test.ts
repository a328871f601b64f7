import { describe, expect, it } from 'vitest';
import { foldSizes, kFold, leaveOneOut, stratifiedKFold } from '../../../src/lib/validation';
import { classCounts, expectPartition, splits } from './fixtures';

describe('k-fold against KFold', () => {
  for (const c of splits.kfold) {
    it(`n=${c.n}, k=${c.k}: the same folds without shuffling, the same sizes with`, () => {
      const folds = kFold(c.n, c.k);
      expect(folds.map((f) => Array.from(f.test))).toEqual(c.test_folds);
      const shuffled = kFold(c.n, c.k, { shuffle: true, seed: 1 });
      expect(shuffled.map((f) => f.test.length)).toEqual(c.test_folds.map((f) => f.length));
      expect(foldSizes(c.n, c.k)).toEqual(c.test_folds.map((f) => f.length));
    });
  }
});

describe('k-fold properties', () => {
  it('test parts partition the rows; train is the complement of test', () => {
    const folds = kFold(23, 4, { shuffle: true, seed: 5 });
    expectPartition(23, ...folds.map((f) => f.test));
    for (const f of folds) expectPartition(23, f.train, f.test);
  });

  it('same seed → same folds, different seed → different folds', () => {
    const a = kFold(30, 5, { shuffle: true, seed: 1 });
    expect(kFold(30, 5, { shuffle: true, seed: 1 })).toEqual(a);
    expect(kFold(30, 5, { shuffle: true, seed: 2 })).not.toEqual(a);
    expect(kFold(30, 5, { shuffle: true, seed: 1 })).not.toEqual(kFold(30, 5));
  });

  it('explains bad k', () => {
    expect(() => kFold(10, 1)).toThrow(/at least 2/);
    expect(() => kFold(10, 2.5)).toThrow(/whole number/);
    expect(() => kFold(3, 4)).toThrow(/4 folds need at least 4 rows, but the table has 3/);
    expect(() => kFold(0, 2)).toThrow(/no rows/);
  });
});

describe('stratified k-fold against StratifiedKFold', () => {
  for (const c of splits.stratified_kfold) {
    it(`${c.name}, k=${c.k}: the same folds without shuffling, the same class counts with`, () => {
      expect(stratifiedKFold(c.labels, c.k).map((f) => Array.from(f.test))).toEqual(c.test_folds);
      for (const seed of [0, 1, 2]) {
        const folds = stratifiedKFold(c.labels, c.k, { shuffle: true, seed });
        expect(folds.map((f) => classCounts(c.labels, f.test, c.classes))).toEqual(c.test_counts);
        expectPartition(c.labels.length, ...folds.map((f) => f.test));
        for (const f of folds) expectPartition(c.labels.length, f.train, f.test);
      }
    });
  }

  it('shuffles differently with different seeds', () => {
    const labels = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 'a' : 'b'));
    const a = stratifiedKFold(labels, 4, { shuffle: true, seed: 1 });
    expect(stratifiedKFold(labels, 4, { shuffle: true, seed: 1 })).toEqual(a);
    expect(stratifiedKFold(labels, 4, { shuffle: true, seed: 2 })).not.toEqual(a);
  });

  it('refuses more folds than rows in every class', () => {
    expect(() => stratifiedKFold(['a', 'a', 'b', 'b', 'c', 'c'], 3)).toThrow(/largest class has 2/);
  });
});

describe('leave-one-out', () => {
  it('tests each row once, training on all the others', () => {
    const folds = leaveOneOut(5);
    expect(folds.length).toBe(5);
    const all = [...folds];
    expect(all.map((f) => Array.from(f.test))).toEqual([[0], [1], [2], [3], [4]]);
    expect(Array.from(folds.at(2)!.train)).toEqual([0, 1, 3, 4]);
    expect(folds.at(5)).toBeUndefined();
    expect(Array.from(folds.at(-1)!.test)).toEqual([4]);
  });

  it('needs two rows', () => {
    expect(() => leaveOneOut(1)).toThrow(/at least 2/);
  });
});
