import { describe, expect, it } from 'vitest';
import { clustersFigure, elbowFigure } from '../../../src/lib/plot/clusters';

describe('clustersFigure', () => {
  it('draws one trace per non-empty cluster and a cross at each cluster mean', () => {
    const figure = clustersFigure({ x: [0, 1, 10, 11, 5], y: [0, 1, 10, 11, 5], xName: 'a', yName: 'b', labels: [0, 0, 2, 2, 2], k: 3 });
    expect(figure).toMatchSnapshot();
    expect(figure.data.map((t) => t.name)).toEqual(['cluster 1', 'cluster 3', 'centres']);
    expect(figure.data[2].x).toEqual([0.5, 26 / 3]);
    expect(figure.data[1].customdata).toEqual([2, 3, 4]);
    expect(figure.description).toBe('Scatter of b against a, 5 points coloured by 3 clusters, centres marked with crosses');
  });
});

describe('elbowFigure', () => {
  it("plots inertia over k and stars the cell's k", () => {
    const figure = elbowFigure({ elbow: [1, 2, 3].map((k) => ({ k, inertia: 100 / k })), k: 2 });
    expect(figure).toMatchSnapshot();
    expect(figure.data[1]).toMatchObject({ x: [2], y: [50] });
    expect(figure.description).toBe('Inertia for k = 1 to 3; k = 2 has inertia 50');
  });
});
