import { describe, expect, it } from 'vitest';
import { changedTraces, detached, planDraw, sameValue } from '../../../src/lib/plot/figure-diff';
import { fitFigure } from '../../../src/lib/plot/fit';
import { polynomial } from '../../../src/lib/plot/curve';
import type { Figure } from '../../../src/lib/plot/types';

// Points along y = x with some scatter; fits are lines through the cloud.
const x = Float64Array.from({ length: 40 }, (_, i) => i / 4);
const y = Float64Array.from(x, (v, i) => v + ((i * 7) % 5) - 2);
const fit = (slope: number, intercept: number, extra: Partial<Parameters<typeof fitFigure>[0]> = {}): Figure =>
  fitFigure({ x, y, predict: polynomial({ coefficients: [slope], intercept }), xName: 'x', yName: 'y', samples: 20, ...extra });

const traceIndex = (figure: Figure, name: string) => figure.data.findIndex((t) => t.name === name);

describe('sameValue', () => {
  it('compares arrays and typed arrays by content, NaN equal to NaN', () => {
    expect(sameValue([1, 2, NaN], Float64Array.from([1, 2, NaN]))).toBe(true);
    expect(sameValue([1, 2, 3], [1, 2, 4])).toBe(false);
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false);
    expect(sameValue({ a: [1, null], b: { c: 'x' } }, { a: [1, null], b: { c: 'x' } })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    // An undefined attribute is the same as a missing one (plotly reads both as unset).
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue([1], { 0: 1, length: 1 })).toBe(false);
  });
});

describe('changedTraces', () => {
  it('finds no change between two builds of the same figure (new arrays, same numbers)', () => {
    expect(changedTraces(fit(1, 0).data, fit(1, 0).data)).toEqual([]);
  });

  it('names the residual and curve traces when only the fit moves', () => {
    const before = fit(1, 0);
    const after = fit(1.1, -0.3);
    expect(changedTraces(before.data, after.data)).toEqual([traceIndex(after, 'residuals'), traceIndex(after, 'fit')]);
  });

  it('gives up when the number of traces differs', () => {
    expect(changedTraces(fit(1, 0).data, fit(1, 0, { residuals: false }).data)).toBeUndefined();
  });
});

describe('planDraw', () => {
  it('draws the first figure in full', () => {
    expect(planDraw(undefined, fit(1, 0)).kind).toBe('react');
  });

  it('skips a figure identical to the one drawn', () => {
    expect(planDraw(fit(1, 0), fit(1, 0))).toEqual({ kind: 'none' });
  });

  it('redraws only the moved curve and residuals, with the new title, when the points stay', () => {
    const before = fit(1, 0);
    const after = fit(1.1, -0.3);
    const plan = planDraw(before, after);
    const residuals = traceIndex(after, 'residuals');
    const curve = traceIndex(after, 'fit');
    expect(plan).toEqual({
      kind: 'lines',
      traces: [residuals, curve],
      // Only y changes: the curve spans the same x, the residual segments stand at the same x.
      data: [{ y: after.data[residuals].y }, { y: after.data[curve].y }],
      title: after.layout.title!.text,
    });
    expect(after.layout.title!.text).not.toBe(before.layout.title!.text);
  });

  it('redraws everything when the new curve leaves the range of the points (autorange would change)', () => {
    // A steep line: its ends fall far outside the points' y values.
    const plan = planDraw(fit(1, 0), fit(10, -40));
    expect(plan).toMatchObject({ kind: 'react', reason: expect.stringContaining('range') });
  });

  it('redraws everything when the old curve was outside the range (the range would shrink back)', () => {
    expect(planDraw(fit(10, -40), fit(1, 0)).kind).toBe('react');
  });

  it('does not check the range of an axis the layout fixes', () => {
    const fixed = (f: Figure): Figure => ({ ...f, layout: { ...f.layout, yaxis: { ...f.layout.yaxis, range: [-1000, 1000] } } });
    expect(planDraw(fixed(fit(1, 0)), fixed(fit(10, -40))).kind).toBe('lines');
  });

  it('redraws everything when the points change', () => {
    const moved = fitFigure({ x, y: y.map((v) => v + 1), predict: polynomial({ coefficients: [1], intercept: 0 }), xName: 'x', yName: 'y', samples: 20 });
    expect(planDraw(fit(1, 0), moved).kind).toBe('react');
    // Even when every line stays in range: the markers are not redrawn on the quick path.
    const points = traceIndex(moved, 'data');
    const onlyPoints = { ...fit(1, 0) };
    onlyPoints.data = onlyPoints.data.map((t, i) => (i === points ? moved.data[points] : t));
    expect(planDraw(fit(1, 0), onlyPoints)).toMatchObject({ kind: 'react', reason: `trace ${points} is not an SVG line` });
  });

  it('redraws everything when the layout changes beyond the title text', () => {
    const before = fit(1, 0);
    const after = fit(1.1, -0.3);
    expect(planDraw(before, { ...after, layout: { ...after.layout, height: 300 } })).toMatchObject({ kind: 'react', reason: expect.stringContaining('height') });
    const styled = { ...after, layout: { ...after.layout, title: { text: 'new', font: { size: 20 } } } };
    expect(planDraw(before, styled).kind).toBe('react');
  });

  it('redraws everything when a changed line trace changes more than its data', () => {
    const before = fit(1, 0);
    const after = fit(1.1, -0.3, { curveName: 'another name' });
    expect(planDraw(before, after)).toMatchObject({ kind: 'react', reason: expect.stringContaining('name') });
  });

  it('redraws everything for WebGL lines (plotly redraws only SVG traces on the quick path)', () => {
    const gl = (f: Figure): Figure => ({ ...f, data: f.data.map((t) => (t.name === 'fit' ? { ...t, type: 'scattergl' as const } : t)) });
    expect(planDraw(gl(fit(1, 0)), gl(fit(1.1, -0.3))).kind).toBe('react');
  });
});

describe('detached', () => {
  it('copies objects at every depth and shares the data arrays', () => {
    const y = [1, 2, 3];
    const trace = { type: 'scatter', y, marker: { line: { width: 1 } } };
    const copy = detached(trace);
    expect(copy).toEqual(trace);
    expect(copy.marker.line).not.toBe(trace.marker.line);
    expect(copy.y).toBe(y);
  });
});
