import { describe, expect, it } from 'vitest';
import { createRng, permutation, shuffleInPlace } from '../../../src/lib/data/random';
import { loadFixture } from './helpers';

describe('mulberry32', () => {
  const streams = loadFixture<Record<string, number[]>>('mulberry32.json');
  for (const [seed, expected] of Object.entries(streams)) {
    it(`seed ${seed}: the reference C code's first 8 outputs`, () => {
      const rng = createRng(Number(seed));
      expect(Array.from({ length: 8 }, () => rng.nextUint32())).toEqual(expected);
    });
  }

  it('maps seeds to 32 bits and refuses fractional ones', () => {
    expect(createRng(-1).nextUint32()).toBe(createRng(4294967295).nextUint32());
    expect(() => createRng(0.5)).toThrow(/whole number/);
  });

  it('draws floats in [0, 1) and unbiased integers', () => {
    const rng = createRng(1);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      counts[rng.int(3)]++;
    }
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(400); // ~4.9 standard deviations
  });
});

describe('Fisher–Yates', () => {
  it('gives a permutation, the same for the same seed, another for another seed', () => {
    const p = permutation(1000, 42);
    expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(permutation(1000, 42)).toEqual(p);
    expect(permutation(1000, 43)).not.toEqual(p);
  });

  it('makes all 6 orders of 3 items about equally likely (chi-square)', () => {
    const rng = createRng(7);
    const counts = new Map<string, number>();
    const trials = 60000;
    for (let t = 0; t < trials; t++) {
      const key = shuffleInPlace(['a', 'b', 'c'], rng).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const expected = trials / 6;
    const chi2 = [...counts.values()].reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(20.5); // p ≈ 0.001 for 5 degrees of freedom
  });
});
