// Metrics against scikit-learn 1.2.1 on stored predictions and probabilities
// (the inputs come from the fixture, so these tests do not depend on our models).
import { describe, expect, it } from 'vitest';
import * as m from '../../../src/lib/ml/metrics';
import { readFixture } from './datasets';

interface Curve {
  fpr: number[];
  tpr: number[];
  thresholds: number[];
}
interface Fixture {
  data: {
    binary: {
      yTrue: string[];
      score: number[];
      tied: number[];
      yPred: string[];
      classes: string[];
      accuracy: number;
      precision: number;
      recall: number;
      f1: number;
      precisionMacro: number;
      f1Weighted: number;
      confusion: number[][];
      logLoss: number;
      roc: Curve;
      rocTiedAll: Curve;
      rocTied: Curve;
      auc: number;
      aucTied: number;
      prTied: { precision: number[]; recall: number[]; thresholds: number[] };
      averagePrecision: number;
      averagePrecisionTied: number;
    };
    multiclass: {
      yTrue: string[];
      yPred: string[];
      proba: number[][];
      classes: string[];
      accuracy: number;
      precisionMacro: number;
      recallMacro: number;
      f1Macro: number;
      precisionWeighted: number;
      recallWeighted: number;
      f1Weighted: number;
      f1Micro: number;
      confusion: number[][];
      logLoss: number;
      aucOvrMacro: number;
      aucOvrWeighted: number;
    };
  };
}

const { binary: b, multiclass: mc } = readFixture<Fixture>('metrics.json').data;
const close = (a: number[], e: number[]) => {
  expect(a.length).toBe(e.length);
  a.forEach((v, i) => expect(v).toBeCloseTo(e[i], 12));
};

describe('regression metrics', () => {
  const y = [3, -0.5, 2, 7];
  const p = [2.5, 0.0, 2, 8];
  it('match hand-computed values (sklearn docs example)', () => {
    expect(m.sse(y, p)).toBeCloseTo(1.5, 14);
    expect(m.mse(y, p)).toBeCloseTo(0.375, 14);
    expect(m.rmse(y, p)).toBeCloseTo(Math.sqrt(0.375), 14);
    expect(m.mae(y, p)).toBeCloseTo(0.5, 14);
    expect(m.r2Score(y, p)).toBeCloseTo(0.9486081370449679, 14);
    expect(m.regressionMetrics(y, p).r2).toBeCloseTo(0.9486081370449679, 14);
  });
  it('r2 of constant targets follows sklearn (1 if perfect, else 0)', () => {
    expect(m.r2Score([1, 1], [1, 1])).toBe(1);
    expect(m.r2Score([1, 1], [1, 2])).toBe(0);
  });
  it('rejects mismatched lengths', () => {
    expect(() => m.mse([1, 2], [1])).toThrow(/Length mismatch/);
  });
});

describe('binary classification metrics', () => {
  it('accuracy, error rate, precision, recall, F1, confusion matrix', () => {
    expect(m.accuracy(b.yTrue, b.yPred)).toBeCloseTo(b.accuracy, 14);
    expect(m.errorRate(b.yTrue, b.yPred)).toBeCloseTo(1 - b.accuracy, 14);
    expect(m.precision(b.yTrue, b.yPred)).toBeCloseTo(b.precision, 14);
    expect(m.recall(b.yTrue, b.yPred)).toBeCloseTo(b.recall, 14);
    expect(m.f1Score(b.yTrue, b.yPred)).toBeCloseTo(b.f1, 14);
    expect(m.precision(b.yTrue, b.yPred, { average: 'macro' })).toBeCloseTo(b.precisionMacro, 14);
    expect(m.f1Score(b.yTrue, b.yPred, { average: 'weighted' })).toBeCloseTo(b.f1Weighted, 14);
    expect(m.confusionMatrix(b.yTrue, b.yPred, b.classes).matrix).toEqual(b.confusion);
  });
  it('log loss from the positive-class probability', () => {
    expect(m.logLoss(b.yTrue, b.score)).toBeCloseTo(b.logLoss, 12);
  });
  it('ROC curve (drop_intermediate both ways) and AUC', () => {
    for (const [ours, theirs] of [
      [m.rocCurve(b.yTrue, b.score), b.roc],
      [m.rocCurve(b.yTrue, b.tied, { dropIntermediate: false }), b.rocTiedAll],
      [m.rocCurve(b.yTrue, b.tied), b.rocTied],
    ] as const) {
      close(ours.fpr, theirs.fpr);
      close(ours.tpr, theirs.tpr);
      close(ours.thresholds, theirs.thresholds);
    }
    expect(m.rocAuc(b.yTrue, b.score)).toBeCloseTo(b.auc, 12);
    expect(m.rocAuc(b.yTrue, b.tied)).toBeCloseTo(b.aucTied, 12);
  });
  it('precision-recall curve and step-wise average precision', () => {
    const pr = m.precisionRecallCurve(b.yTrue, b.tied);
    close(pr.precision, b.prTied.precision);
    close(pr.recall, b.prTied.recall);
    close(pr.thresholds, b.prTied.thresholds);
    expect(m.averagePrecision(b.yTrue, b.score)).toBeCloseTo(b.averagePrecision, 12);
    expect(m.averagePrecision(b.yTrue, b.tied)).toBeCloseTo(b.averagePrecisionTied, 12);
  });
  it('auc() integrates a known triangle', () => {
    expect(m.auc([0, 0.5, 1], [0, 1, 1])).toBeCloseTo(0.75, 14);
  });
});

describe('multiclass metrics', () => {
  it('macro, weighted and micro averages', () => {
    expect(m.accuracy(mc.yTrue, mc.yPred)).toBeCloseTo(mc.accuracy, 14);
    const macro = m.precisionRecallF1(mc.yTrue, mc.yPred, { average: 'macro' });
    expect(macro.precision).toBeCloseTo(mc.precisionMacro, 14);
    expect(macro.recall).toBeCloseTo(mc.recallMacro, 14);
    expect(macro.f1).toBeCloseTo(mc.f1Macro, 14);
    const weighted = m.precisionRecallF1(mc.yTrue, mc.yPred, { average: 'weighted' });
    expect(weighted.precision).toBeCloseTo(mc.precisionWeighted, 14);
    expect(weighted.recall).toBeCloseTo(mc.recallWeighted, 14);
    expect(weighted.f1).toBeCloseTo(mc.f1Weighted, 14);
    expect(m.f1Score(mc.yTrue, mc.yPred, { average: 'micro' })).toBeCloseTo(mc.f1Micro, 14);
    expect(() => m.f1Score(mc.yTrue, mc.yPred)).toThrow(/binary/);
  });
  it('confusion matrix, log loss and one-vs-rest AUC', () => {
    expect(m.confusionMatrix(mc.yTrue, mc.yPred, mc.classes).matrix).toEqual(mc.confusion);
    expect(m.logLoss(mc.yTrue, mc.proba, mc.classes)).toBeCloseTo(mc.logLoss, 12);
    expect(m.rocAucOvr(mc.yTrue, mc.proba, mc.classes)).toBeCloseTo(mc.aucOvrMacro, 12);
    expect(m.rocAucOvr(mc.yTrue, mc.proba, mc.classes, 'weighted')).toBeCloseTo(mc.aucOvrWeighted, 12);
  });
  it('classificationMetrics assembles the table', () => {
    const t = m.classificationMetrics(mc.yTrue, mc.yPred, { classes: mc.classes, proba: mc.proba });
    expect(t.average).toBe('macro');
    expect(t.f1).toBeCloseTo(mc.f1Macro, 14);
    expect(t.logLoss).toBeCloseTo(mc.logLoss, 12);
    expect(t.auc).toBeCloseTo(mc.aucOvrMacro, 12);
    const tb = m.classificationMetrics(b.yTrue, b.yPred, { classes: b.classes, proba: b.score.map((p) => [1 - p, p]) });
    expect(tb.precision).toBeCloseTo(b.precision, 14);
    expect(tb.auc).toBeCloseTo(b.auc, 12);
    expect(tb.averagePrecision).toBeCloseTo(b.averagePrecision, 12);
  });
});
