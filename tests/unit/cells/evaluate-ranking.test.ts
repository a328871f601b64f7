// The evaluate cell's engine tasks (evaluate.rank, evaluate.cost): checked
// against scikit-learn's roc_curve / precision_recall_curve fixtures, and on a
// part too long to draw whole against counts made here row by row. Each runs
// through the worker protocol (a MessageChannel: arguments and tables cloned)
// and in-process, with identical results.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { engineTasks } from '../../../src/cells/engine/tasks';
import { partCostCurve, rankPart, scoresTable, type PartRanking } from '../../../src/cells/evaluate/ranking';
import type { PartScores } from '../../../src/cells/classifier/spec';
import type { CostCurve } from '../../../src/lib/ml/cost';
import { MAX_CURVE_POINTS } from '../../../src/lib/ml/curve-points';
import { floatStream } from '../../../src/lib/data/random';
import { createTaskRunner } from '../../../src/lib/worker/client';
import type { Label } from '../../../src/lib/ml/labels';
import { channelWorker } from '../worker/channel';

const inWorker = createTaskRunner({ tasks: engineTasks, createWorker: channelWorker(engineTasks) });
const inProcess = createTaskRunner({ tasks: engineTasks });
afterAll(() => inWorker.dispose());

async function both<R>(name: string, args: unknown, scores: PartScores, classes: Label[]): Promise<R> {
  const tables = { scores: scoresTable(scores, classes) };
  const there = await inWorker.run<R>(name, args, { tables, where: 'worker' });
  const here = await inProcess.run<R>(name, args, { tables, where: 'inline' });
  expect(there).toEqual(here);
  return there;
}

type Curve = { fpr: number[]; tpr: number[]; thresholds: number[] };
const fixture = JSON.parse(readFileSync('tests/fixtures/sklearn/metrics.json', 'utf8')).data as {
  binary: {
    yTrue: string[];
    score: number[];
    tied: number[];
    classes: string[];
    logLoss: number;
    roc: Curve;
    auc: number;
    averagePrecision: number;
    rocTied: Curve;
    aucTied: number;
    prTied: { precision: number[]; recall: number[]; thresholds: number[] };
    averagePrecisionTied: number;
  };
  multiclass: { yTrue: string[]; proba: number[][]; classes: string[]; logLoss: number; aucOvrMacro: number };
};

const binaryScores = (actual: Label[], positive: number[]): PartScores => ({
  actual,
  byClass: [Float64Array.from(positive, (p) => 1 - p), Float64Array.from(positive)],
});
const close = (a: number, b: number, tol = 1e-12) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
const closeAll = (a: readonly number[], b: readonly number[], tol = 1e-12) => {
  expect(a).toHaveLength(b.length);
  a.forEach((v, i) => close(v, b[i], tol));
};

describe('evaluate.rank', () => {
  const b = fixture.binary;

  it("gives scikit-learn's ROC curve, AUC, average precision and log loss", async () => {
    const ranking = await both<PartRanking>('evaluate.rank', { classes: b.classes }, binaryScores(b.yTrue, b.score), b.classes);
    expect(ranking.curves.map((c) => c.label)).toEqual(['malignant']);
    const { curves } = ranking.curves[0];
    closeAll(curves.roc.fpr, b.roc.fpr);
    closeAll(curves.roc.tpr, b.roc.tpr);
    close(curves.auc, b.auc);
    close(ranking.probability.auc, b.auc);
    close(curves.averagePrecision, b.averagePrecision);
    close(ranking.probability.logLoss, b.logLoss, 1e-9);
    close(curves.prevalence, b.yTrue.filter((y) => y === 'malignant').length / b.yTrue.length);
  });

  it("with tied scores: scikit-learn's ROC and precision–recall curves", async () => {
    const { curves } = (await both<PartRanking>('evaluate.rank', { classes: b.classes }, binaryScores(b.yTrue, b.tied), b.classes)).curves[0];
    closeAll(curves.roc.fpr, b.rocTied.fpr);
    closeAll(curves.roc.tpr, b.rocTied.tpr);
    close(curves.auc, b.aucTied);
    closeAll(curves.precisionRecall.precision, b.prTied.precision);
    closeAll(curves.precisionRecall.recall, b.prTied.recall);
    closeAll(curves.precisionRecall.thresholds, b.prTied.thresholds);
    close(curves.averagePrecision, b.averagePrecisionTied);
  });

  it("several classes: one-vs-rest curves per class, scikit-learn's macro AUC and log loss", async () => {
    const m = fixture.multiclass;
    const scores: PartScores = { actual: m.yTrue, byClass: m.classes.map((_, k) => Float64Array.from(m.proba, (row) => row[k])) };
    const ranking = await both<PartRanking>('evaluate.rank', { classes: m.classes }, scores, m.classes);
    expect(ranking.curves.map((c) => c.label)).toEqual(m.classes);
    close(ranking.probability.auc, m.aucOvrMacro);
    close(ranking.probability.logLoss, m.logLoss, 1e-9);
  });
});

// A part with more distinct scores than a plot draws: 6,000 rows, noisy scores.
function longPart(rows: number, seed: number) {
  const random = floatStream(seed);
  const actual: Label[] = [];
  const positive: number[] = [];
  for (let i = 0; i < rows; i++) {
    const isPositive = random() < 0.3;
    actual.push(isPositive ? 'yes' : 'no');
    positive.push(Math.min(1, Math.max(0, (isPositive ? 0.35 : 0) + 0.65 * random())));
  }
  return { actual, positive, scores: binaryScores(actual, positive) };
}

describe('a part longer than a plot draws', () => {
  const classes = ['no', 'yes'];
  const { actual, positive, scores } = longPart(6_000, 11);
  const isPositive = actual.map((y) => y === 'yes');
  const P = isPositive.filter(Boolean).length;
  const N = actual.length - P;
  /** Rows flagged at threshold t (score ≥ t), counted row by row. */
  const counts = (t: number) => {
    let tp = 0;
    let fp = 0;
    positive.forEach((s, i) => {
      if (s < t) return;
      if (isPositive[i]) tp++;
      else fp++;
    });
    return { tp, fp };
  };

  it('draws at most a plot’s worth of points, each on the curve, with the AUC of every pair of rows', async () => {
    const { curves } = (await both<PartRanking>('evaluate.rank', { classes }, scores, classes)).curves[0];
    expect(curves.roc.fpr.length).toBeLessThanOrEqual(MAX_CURVE_POINTS + 2);
    expect(curves.precisionRecall.precision.length).toBeLessThanOrEqual(MAX_CURVE_POINTS + 2);
    expect(curves.precisionRecall.precision.length).toBeGreaterThan(MAX_CURVE_POINTS / 2);
    curves.roc.thresholds.slice(1).forEach((t, j) => {
      const { tp, fp } = counts(t);
      close(curves.roc.tpr[j + 1], tp / P);
      close(curves.roc.fpr[j + 1], fp / N);
    });
    curves.precisionRecall.thresholds.forEach((t, j) => {
      const { tp, fp } = counts(t);
      close(curves.precisionRecall.precision[j], tp / (tp + fp));
      close(curves.precisionRecall.recall[j], tp / P);
    });
    // AUC: the chance that a positive row outscores a negative one (ties count half), over every pair.
    let wins = 0;
    positive.forEach((sp, i) => {
      if (!isPositive[i]) return;
      positive.forEach((sn, j) => {
        if (!isPositive[j]) wins += sp > sn ? 1 : sp === sn ? 0.5 : 0;
      });
    });
    close(curves.auc, wins / (P * N), 1e-9);
  });

  it('evaluate.cost: the cheapest threshold of every distinct score, kept among the drawn points', async () => {
    const costs = { missed: 5, falseAlarm: 1 };
    const curve = await both<CostCurve>('evaluate.cost', { classes, costs }, scores, classes);
    expect(curve.thresholds.length).toBeLessThanOrEqual(MAX_CURVE_POINTS + 3);
    const costAt = (t: number) => {
      const { tp, fp } = counts(t);
      return { fn: P - tp, fp, cost: costs.missed * (P - tp) + costs.falseAlarm * fp };
    };
    curve.thresholds.forEach((t, j) => {
      const at = costAt(t);
      expect([curve.falseNegatives[j], curve.falsePositives[j], curve.cost[j]]).toEqual([at.fn, at.fp, at.cost]);
    });
    const cheapest = Math.min(costAt(Infinity).cost, ...positive.map((t) => costAt(t).cost));
    expect(curve.cost[curve.best]).toBe(cheapest);
    expect(curve).toEqual(partCostCurve(scores, classes, costs));
  });

  it('the same ranking as the in-page function, and the scores table is made once per part', () => {
    expect(scoresTable(scores, classes)).toBe(scoresTable(scores, classes));
    expect(rankPart(scores, classes).curves[0].curves.roc.fpr.length).toBeLessThanOrEqual(MAX_CURVE_POINTS + 2);
  });
});
