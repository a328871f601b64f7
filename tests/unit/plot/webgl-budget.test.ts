import { describe, expect, it } from 'vitest';
import { claimWebgl, releaseWebgl, usesWebgl, webglPlots, withoutWebgl } from '../../../src/lib/plot/webgl-budget';
import { scatterFigure } from '../../../src/lib/plot/scatter';
import { fitFigure } from '../../../src/lib/plot/fit';

describe('the WebGL budget', () => {
  it('gives slots up to the budget, keeps a holder its slot, and frees it on release', () => {
    const [a, b, c] = [{}, {}, {}];
    const before = webglPlots();
    expect(claimWebgl(a, before + 2)).toBe(true);
    expect(claimWebgl(b, before + 2)).toBe(true);
    expect(claimWebgl(c, before + 2)).toBe(false);
    expect(claimWebgl(a, before + 2)).toBe(true);
    releaseWebgl(a);
    expect(claimWebgl(c, before + 2)).toBe(true);
    [b, c].forEach(releaseWebgl);
    expect(webglPlots()).toBe(before);
  });
});

describe('withoutWebgl', () => {
  const n = 5_000;
  const x = Array.from({ length: n }, (_, i) => i);
  const y = x.map((i) => (i * 37) % 101);

  it('leaves an SVG figure as it is', () => {
    const figure = scatterFigure({ x: [1, 2], y: [2, 1], xName: 'a', yName: 'b' });
    expect(withoutWebgl(figure)).toBe(figure);
  });

  it('turns class traces into SVG, sharing the point limit in proportion, rows kept with their values', () => {
    const classes = x.map((i) => (i % 4 === 0 ? 'a' : 'b')); // 1,250 and 3,750 points
    const figure = scatterFigure({ x, y, xName: 'x', yName: 'y', classes });
    expect(usesWebgl(figure)).toBe(true);
    const svg = withoutWebgl(figure, 1_000);
    expect(usesWebgl(svg)).toBe(false);
    expect(svg.data.map((t) => t.x!.length)).toEqual([250, 750]);
    expect(svg.shown).toEqual({ points: 1_000, of: n });
    for (const trace of svg.data) {
      const rows = trace.customdata as number[];
      rows.forEach((r, k) => {
        expect(trace.x![k]).toBe(x[r]);
        expect(trace.y![k]).toBe(y[r]);
      });
    }
  });

  it('keeps residual segments whole', () => {
    const figure = fitFigure({ x, y, predict: () => 50, xName: 'x', yName: 'y' });
    const svg = withoutWebgl(figure, 400);
    const residuals = svg.data.find((t) => t.name === 'residuals')!;
    expect(residuals.type).toBe('scatter');
    const xs = residuals.x!;
    expect(xs.length % 3).toBe(0);
    for (let k = 0; k < xs.length; k += 3) {
      expect(xs[k]).toBe(xs[k + 1]);
      expect(xs[k + 2]).toBeNull();
      expect(residuals.y![k + 1]).toBe(50);
    }
    expect(svg.shown?.of).toBe(n);
  });
});
