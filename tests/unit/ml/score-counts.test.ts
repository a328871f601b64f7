import { describe, expect, it } from 'vitest';
import { countsAtDistinctScores } from '../../../src/lib/ml/score-counts';
import { rocAuc } from '../../../src/lib/ml/metrics';

/** The definition, by brute force: for each distinct score, highest first, the rows scoring at least it. */
function bruteForce(isPositive: number[], scores: number[]) {
  const distinct = [...new Set(scores.filter((s) => !Number.isNaN(s)).map((s) => (s === 0 ? 0 : s)))].sort((a, b) => b - a);
  const at = (t: number) => scores.map((s, r) => [s >= t, isPositive[r]] as const);
  const tps = distinct.map((t) => at(t).filter(([flag, p]) => flag && p).length);
  const fps = distinct.map((t) => at(t).filter(([flag, p]) => flag && !p).length);
  return { thresholds: distinct, tps, fps };
}

describe('countsAtDistinctScores', () => {
  it('matches the definition on random scores with many ties', () => {
    let seed = 99;
    const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + Math.floor(rand() * 300);
      const levels = 1 + Math.floor(rand() * 20);
      const scores = Array.from({ length: n }, () => Math.floor(rand() * levels) / levels);
      if (trial % 5 === 0) scores[0] = -0;
      const isPositive = Array.from({ length: n }, () => (rand() < 0.3 ? 1 : 0));
      expect(countsAtDistinctScores(isPositive, scores)).toEqual(bruteForce(isPositive, scores));
    }
  });

  it('handles one class only, a single row, and no rows', () => {
    expect(countsAtDistinctScores([1, 1, 1], [0.2, 0.9, 0.2])).toEqual({ thresholds: [0.9, 0.2], tps: [1, 3], fps: [0, 0] });
    expect(countsAtDistinctScores([0, 0], [0.5, 0.5])).toEqual({ thresholds: [0.5], tps: [0], fps: [2] });
    expect(countsAtDistinctScores([true], [0.3])).toEqual({ thresholds: [0.3], tps: [1], fps: [0] });
    expect(countsAtDistinctScores([], [])).toEqual({ thresholds: [], tps: [], fps: [] });
  });

  it('ranks NaN scores last, as one group, so the totals still count every row', () => {
    const counts = countsAtDistinctScores([1, 0, 1, 0, 1], [NaN, 0.4, 0.8, NaN, 0.4]);
    expect(counts.thresholds.slice(0, 2)).toEqual([0.8, 0.4]);
    expect(counts.thresholds[2]).toBeNaN();
    expect(counts.tps).toEqual([1, 2, 3]);
    expect(counts.fps).toEqual([0, 1, 2]);
  });
});

describe('ranking metrics that share one count of the same scores', () => {
  it('answer for the labels and positive class they are given, not for an earlier call on the same scores', () => {
    const scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4];
    const a = ['p', 'p', 'n', 'p', 'n', 'n'];
    const b = ['n', 'n', 'p', 'n', 'p', 'p'];
    // AUC by its definition: the share of (positive, negative) pairs ranked the right way.
    const pairwise = (labels: string[], positive: string) => {
      const pos = scores.filter((_, i) => labels[i] === positive);
      const neg = scores.filter((_, i) => labels[i] !== positive);
      return pos.flatMap((p) => neg.map((q) => (p > q ? 1 : p === q ? 0.5 : 0))).reduce((s: number, v) => s + v, 0) / (pos.length * neg.length);
    };
    expect(rocAuc(a, scores, 'p')).toBeCloseTo(pairwise(a, 'p'), 15);
    expect(rocAuc(b, scores, 'p')).toBeCloseTo(pairwise(b, 'p'), 15);
    expect(rocAuc(a, scores, 'n')).toBeCloseTo(pairwise(a, 'n'), 15);
    expect(rocAuc(a, scores, 'p')).toBeCloseTo(8 / 9, 15);
  });
});
