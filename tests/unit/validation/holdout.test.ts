import { describe, expect, it } from 'vitest';
import { holdoutSizes, holdoutSplit, stratifiedHoldoutSplit, TEST_FRACTION_PRESETS } from '../../../src/lib/validation';
import { classCounts, expectPartition, splits } from './fixtures';

describe('holdout sizes like train_test_split', () => {
  for (const c of splits.holdout_sizes) {
    it(`n=${c.n}, test=${c.test}`, () => {
      if ('error' in c) {
        expect(() => holdoutSizes(c.n, c.test)).toThrow(/leave no rows to train on/);
        return;
      }
      const s = holdoutSplit(c.n, { test: c.test, seed: 0 });
      expect([s.train.length, s.test.length]).toEqual([c.train_size, c.test_size]);
    });
  }

  it('offers the guide’s 80/20 and 70/30 presets', () => {
    expect(TEST_FRACTION_PRESETS).toEqual([0.2, 0.3]);
  });
});

describe('holdout split', () => {
  it('partitions the rows, with a validation part when asked', () => {
    const s = holdoutSplit(101, { test: 0.2, validation: 0.1, seed: 3 });
    expect([s.train.length, s.validation.length, s.test.length]).toEqual([101 - 21 - 11, 11, 21]);
    expectPartition(101, s.train, s.validation, s.test);
  });

  it('is the same for the same seed and different for another', () => {
    const a = holdoutSplit(50, { test: 0.3, seed: 9 });
    expect(holdoutSplit(50, { test: 0.3, seed: 9 })).toEqual(a);
    expect(holdoutSplit(50, { test: 0.3, seed: 10 }).test).not.toEqual(a.test);
  });

  it('keeps table order without shuffling: train first, test last', () => {
    const s = holdoutSplit(10, { test: 0.3, seed: 1, shuffle: false });
    expect(Array.from(s.train)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(Array.from(s.test)).toEqual([7, 8, 9]);
  });

  it('explains bad fractions and empty tables', () => {
    for (const test of [0, 1, -0.2, 1.5, NaN]) expect(() => holdoutSplit(10, { test, seed: 0 })).toThrow(/test fraction must be more than 0 and less than 1/);
    expect(() => holdoutSplit(10, { test: 0.2, validation: 1, seed: 0 })).toThrow(/validation fraction/);
    expect(() => holdoutSplit(10, { test: 0.5, validation: 0.5, seed: 0 })).toThrow(/no rows to train on/);
    expect(() => holdoutSplit(0, { test: 0.2, seed: 0 })).toThrow(/no rows/);
  });
});

describe('stratified holdout: class counts like train_test_split(stratify=y)', () => {
  for (const c of splits.stratified) {
    it(`${c.name}, test=${c.test}`, () => {
      if (c.error) {
        expect(() => stratifiedHoldoutSplit(c.labels, { test: c.test, seed: 0 })).toThrow(/fewer than the \d+ classes/);
        return;
      }
      // With tied remainders sklearn picks at random; our counts must be among its outcomes.
      const outcomes = new Set(c.train_counts.map((x) => x.join()));
      const ours = new Set<string>();
      for (let seed = 0; seed < 30; seed++) {
        const s = stratifiedHoldoutSplit(c.labels, { test: c.test, seed });
        expectPartition(c.labels.length, s.train, s.test);
        const counts = classCounts(c.labels, s.train, c.classes).join();
        expect(outcomes).toContain(counts);
        ours.add(counts);
      }
      if (outcomes.size > 1) expect(ours.size).toBeGreaterThan(1); // ties are not always broken the same way
    });
  }

  it('refuses a class with a single row, as sklearn does', () => {
    expect(splits.single_member_error).toMatch(/only 1 member/);
    expect(() => stratifiedHoldoutSplit(['a', 'a', 'b', 'a', 'c', 'c'], { test: 0.5, seed: 0 })).toThrow(/class "b" has only 1 row/);
  });

  it('refuses to stratify without shuffling, as sklearn does', () => {
    expect(() => stratifiedHoldoutSplit(['a', 'a', 'b', 'b'], { test: 0.5, seed: 0, shuffle: false })).toThrow(/always shuffles/);
  });

  it('refuses missing labels', () => {
    expect(() => stratifiedHoldoutSplit(['a', null, 'a', 'b', 'b'], { test: 0.4, seed: 0 })).toThrow(/row 2 has no label/);
  });

  it('keeps every class with 2 or more rows in the training part, where sklearn would not', () => {
    const labels = [...Array(200).fill('big'), 'tiny', 'tiny'];
    const s = stratifiedHoldoutSplit(labels, { test: 0.9, seed: 0 });
    expect(s.train.length).toBe(20);
    expect(classCounts(labels, s.train, ['big', 'tiny'])).toEqual([19, 1]);
  });

  it('splits three ways in proportion, and is reproducible', () => {
    const labels = [...Array(60).fill('a'), ...Array(30).fill('b'), ...Array(10).fill('c')];
    const s = stratifiedHoldoutSplit(labels, { test: 0.2, validation: 0.2, seed: 4 });
    expectPartition(100, s.train, s.validation, s.test);
    expect(classCounts(labels, s.train, ['a', 'b', 'c'])).toEqual([36, 18, 6]);
    expect(classCounts(labels, s.validation, ['a', 'b', 'c'])).toEqual([12, 6, 2]);
    expect(classCounts(labels, s.test, ['a', 'b', 'c'])).toEqual([12, 6, 2]);
    expect(stratifiedHoldoutSplit(labels, { test: 0.2, validation: 0.2, seed: 4 })).toEqual(s);
    expect(stratifiedHoldoutSplit(labels, { test: 0.2, validation: 0.2, seed: 5 }).test).not.toEqual(s.test);
  });

  it('accepts numeric labels', () => {
    const s = stratifiedHoldoutSplit([0, 1, 0, 1, 0, 1, 0, 1, 0, 1], { test: 0.2, seed: 0 });
    expect(s.test.length).toBe(2);
  });
});
