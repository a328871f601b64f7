import { describe, expect, it } from 'vitest';
import { applyPipeline, fitAndApplyPipeline, fitPipeline, type Pipeline } from '../../../src/lib/data/prepare';
import { moments } from '../../../src/lib/data/summary';
import { takeRows } from '../../../src/lib/data/table';
import { holdoutSplit } from '../../../src/lib/validation';
import { cat, num, table, values } from './helpers';

// 40 rows; the last 10 have much larger x, so the full-table mean differs clearly from the training mean.
const n = 40;
const data = table(
  num('x', Array.from({ length: n }, (_, i) => (i % 7 === 3 ? null : i < 30 ? i : 100 + i))),
  cat('colour', Array.from({ length: n }, (_, i) => (i === 35 ? 'purple' : ['red', 'green', 'blue'][i % 3]))),
  num('y', Array.from({ length: n }, (_, i) => 2 * i + 1)),
);

const steps: Pipeline = [
  { step: 'impute', columns: ['x'], strategy: 'median', indicator: true },
  { step: 'one-hot', columns: ['colour'], dropFirst: false },
  { step: 'scale', columns: ['x', 'y'], method: 'standard' },
];

describe('pipeline: fit on training rows, apply anywhere', () => {
  const train = takeRows(data, Array.from({ length: 30 }, (_, i) => i));
  const test = takeRows(data, Array.from({ length: 10 }, (_, i) => 30 + i));

  it('learns the scaler from the training part only (no leakage)', () => {
    const fitted = fitPipeline(train, steps);
    const scaler = fitted.steps[2];
    if (scaler.step !== 'scale') throw new Error('expected the scale step third');
    const trainY = moments(values(train, 'y') as Float64Array).mean;
    const fullY = moments(values(data, 'y') as Float64Array).mean;
    expect(scaler.params.parameters[1].shift).toBeCloseTo(trainY, 12);
    expect(scaler.params.parameters[1].shift).not.toBeCloseTo(fullY, 3);
    // The imputer's median is the training median of x too.
    const imputer = fitted.steps[0];
    if (imputer.step !== 'impute') throw new Error('expected the impute step first');
    expect(imputer.params.fills[0].value).toBe(14.5);
  });

  it('gives the training table a mean of 0 and the test table not', () => {
    const fitted = fitPipeline(train, steps);
    const tr = applyPipeline(train, fitted).table;
    const te = applyPipeline(test, fitted).table;
    expect(moments(values(tr, 'y') as Float64Array).mean).toBeCloseTo(0, 12);
    expect(moments(values(te, 'y') as Float64Array).mean).toBeGreaterThan(1.5);
    expect(tr.columns.map((c) => c.name)).toEqual(te.columns.map((c) => c.name));
    expect(tr.columns.map((c) => c.name)).toEqual(['x', 'x_missing', 'colour_blue', 'colour_green', 'colour_red', 'y']);
  });

  it('reports per step, counting the unseen level in the test part', () => {
    const fitted = fitPipeline(train, steps);
    const { reports } = applyPipeline(test, fitted);
    expect(reports.map((r) => r.step)).toEqual(['impute', 'one-hot', 'scale']);
    expect(reports[0].valuesFilled).toBe(2); // rows 31 and 38 (i % 7 === 3)
    expect(reports[1].unseenLevels).toBe(1); // "purple"
  });

  it('fitAndApplyPipeline gives the same training table and parameters', () => {
    const both = fitAndApplyPipeline(train, steps);
    expect(both.fitted).toEqual(fitPipeline(train, steps));
    expect(both.table).toEqual(applyPipeline(train, both.fitted).table);
  });

  it('survives a JSON round trip (a notebook can store the fitted pipeline)', () => {
    const fitted = fitPipeline(train, [...steps, { step: 'outliers', method: 'iqr', action: 'flag', columns: ['y'] }, { step: 'shuffle', seed: 3 }]);
    const copy = JSON.parse(JSON.stringify(fitted));
    expect(copy).toEqual(fitted);
    expect(applyPipeline(test, copy).table).toEqual(applyPipeline(test, fitted).table);
  });

  it('works with a real split', () => {
    const split = holdoutSplit(n, { test: 0.25, seed: 1 });
    const fitted = fitPipeline(takeRows(data, split.train), steps);
    expect(applyPipeline(takeRows(data, split.test), fitted).table.rowCount).toBe(10);
  });

  it('says which step failed', () => {
    expect(() => fitPipeline(train, [steps[0], { step: 'scale', columns: ['colour'], method: 'minmax' }])).toThrow(/^Step 2: Scaling: column "colour"/);
    expect(() => fitPipeline(train, [{ step: 'wash' } as never])).toThrow(/Step 1: Unknown preparation step "wash"/);
  });
});
