import { describe, expect, it } from 'vitest';
import { bestSoFarFigure, searchMapFigure } from '../../../src/lib/plot/search';

const trial = (degree: number, alpha: number, mean: number, stoppedEarly = false) => ({ point: { degree, alpha }, mean, std: 1, stoppedEarly });
const params = [
  { name: 'degree', scale: 'linear' as const },
  { name: 'alpha', scale: 'log' as const },
];

describe('search figures', () => {
  it('draws a grid as a heatmap over its values, with the best starred', () => {
    const trials = [trial(1, 0.1, 5), trial(1, 1, 4), trial(2, 0.1, 3), trial(2, 1, 6)];
    const figure = searchMapFigure({ params, trials, best: 2, errorName: 'MSE', grid: true });
    expect(figure).toMatchSnapshot();
    expect(figure.data[0]).toMatchObject({ type: 'heatmap', x: [1, 2], y: [0.1, 1], z: [[5, 3], [4, 6]] });
    expect(figure.data.at(-1)).toMatchObject({ name: 'best', x: [2], y: [0.1] });
  });

  it('draws random trials as coloured points, stopped ones hollow', () => {
    const figure = searchMapFigure({ params, trials: [trial(1, 0.5, 5), trial(3, 2, 9, true)], best: 0, errorName: 'MSE', grid: false });
    expect(figure).toMatchSnapshot();
    expect(figure.data.map((t) => t.name)).toEqual(['trials', 'stopped early', 'best']);
  });

  it('draws the best score so far, ignoring trials stopped early', () => {
    const figure = bestSoFarFigure([trial(1, 1, 5), trial(1, 1, 2, true), trial(1, 1, 4), trial(1, 1, 6)], 'MSE');
    expect(figure).toMatchSnapshot();
    expect(figure.data[0].y).toEqual([5, 5, 4, 4]);
  });
});
