// Figures of a k-means clustering: the rows coloured by cluster with the
// centres marked, and the elbow curve of inertia over k.
import { axis, baseLayout } from './layout';
import { formatNumber, plural } from './numbers';
import { pointsTrace } from './points';
import { COLOURS, classColour } from './theme';
import type { Figure, TraceSpec } from './types';

export interface ClustersInput {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  xName: string;
  yName: string;
  /** The cluster of each row, 0…k-1. */
  labels: ArrayLike<number>;
  k: number;
}

/**
 * The rows in the plane of two columns, one colour per cluster, each centre
 * drawn as a cross at its cluster's mean of the two columns. Teaches: k-means
 * cuts the space into regions around the centres; what it finds depends on
 * k, on the starting centres and on the features' scales.
 */
export function clustersFigure(input: ClustersInput): Figure {
  const { x, y, xName, yName, labels, k } = input;
  const members = Array.from({ length: k }, () => [] as number[]);
  for (let i = 0; i < labels.length; i++) members[labels[i]].push(i);
  const mean = (values: ArrayLike<number>, rows: number[]) => rows.reduce((s, i) => s + values[i], 0) / rows.length;
  const groups = members.map((rows, c) => ({ rows, c })).filter((g) => g.rows.length > 0);
  const data: TraceSpec[] = groups.map(({ rows, c }) =>
    pointsTrace(x, y, { name: `cluster ${c + 1}`, color: classColour(c), xName, yName, rows, total: labels.length }),
  );
  data.push({
    type: 'scatter',
    mode: 'markers',
    name: 'centres',
    x: groups.map((g) => mean(x, g.rows)),
    y: groups.map((g) => mean(y, g.rows)),
    text: groups.map((g) => `cluster ${g.c + 1}`),
    marker: { symbol: 'x-thin', size: 16, line: { width: 3, color: groups.map((g) => classColour(g.c)) }, color: groups.map((g) => classColour(g.c)) },
    hovertemplate: `%{text} centre<br>${xName}: %{x}<br>${yName}: %{y}<extra></extra>`,
  });
  return {
    data,
    layout: baseLayout({ title: `${plural(k, 'cluster')} in ${yName} against ${xName}`, x: axis(xName), y: axis(yName) }),
    description: `Scatter of ${yName} against ${xName}, ${plural(labels.length, 'point')} coloured by ${plural(k, 'cluster')}, centres marked with crosses`,
  };
}

export interface ElbowInput {
  elbow: { k: number; inertia: number }[];
  /** The cell's k, marked on the curve. */
  k: number;
}

/**
 * Inertia against k. Teaches: inertia always falls as k grows (k = rows gives
 * 0), so the lowest is meaningless; look for the "elbow" where adding a
 * cluster stops buying much.
 */
export function elbowFigure({ elbow, k }: ElbowInput): Figure {
  const chosen = elbow.find((e) => e.k === k);
  const data: TraceSpec[] = [
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: 'inertia',
      x: elbow.map((e) => e.k),
      y: elbow.map((e) => e.inertia),
      line: { color: COLOURS.data, width: 2 },
      marker: { color: COLOURS.data, size: 6 },
      hovertemplate: 'k = %{x}<br>inertia: %{y}<extra></extra>',
    },
  ];
  if (chosen) {
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: `k = ${k}`,
      x: [k],
      y: [chosen.inertia],
      marker: { color: COLOURS.best, size: 14, symbol: 'star' },
      hovertemplate: `k = ${k}<br>inertia: %{y}<extra></extra>`,
    });
  }
  return {
    data,
    layout: baseLayout({ title: 'Elbow curve: inertia against k', x: axis('clusters k', { dtick: 1 }), y: axis('inertia') }),
    description: `Inertia for k = 1 to ${elbow.length}${chosen ? `; k = ${k} has inertia ${formatNumber(chosen.inertia)}` : ''}`,
  };
}
