import { groupByClass, type ClassLabel } from './classes';
import { axis, baseLayout, rowHover, scatterType } from './layout';
import { plural } from './numbers';
import { pointsTrace } from './points';
import { sampleRows } from './sample';
import { COLOURS, SEQUENTIAL_SCALE, classColour, markerSize } from './theme';
import type { Figure } from './types';

export interface ScatterInput {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  xName: string;
  yName: string;
  /** A class label per row: one colour and legend entry per class. */
  classes?: ArrayLike<ClassLabel>;
  /** Or a number per row: a continuous colour scale with a colour bar. */
  values?: ArrayLike<number>;
  valueName?: string;
  title?: string;
}

/**
 * Scatter of two columns. Teaches: look at the data before fitting it — is the
 * relation linear, are the classes separable, which feature matters?
 */
export function scatterFigure(input: ScatterInput): Figure {
  const { x, y, xName, yName } = input;
  const n = x.length;
  // A large table is drawn sampled (sample.ts); `all` is then the drawn rows.
  const rows = sampleRows(n, [x, y]);
  const shown = rows && { shown: { points: rows.length, of: n } };
  const layout = baseLayout({ title: input.title ?? `${yName} against ${xName}`, x: axis(xName), y: axis(yName) });

  if (input.classes) {
    const groups = groupByClass(input.classes);
    const drawn = rows && new Set(rows);
    return {
      data: groups.labels.map((label, k) =>
        pointsTrace(x, y, {
          name: String(label),
          color: classColour(k),
          xName,
          yName,
          rows: drawn ? groups.rows[k].filter((r) => drawn.has(r)) : groups.rows[k],
          total: rows?.length ?? n,
        }),
      ),
      layout,
      description: `Scatter of ${yName} against ${xName}, ${plural(n, 'point')} in ${plural(groups.labels.length, 'class', 'classes')}`,
      ...shown,
    };
  }

  if (input.values) {
    const name = input.valueName ?? 'value';
    const all = rows ?? Array.from({ length: n }, (_, i) => i);
    const values = input.values;
    return {
      data: [
        {
          type: scatterType(all.length),
          mode: 'markers',
          name,
          x: all.map((i) => x[i]),
          y: all.map((i) => y[i]),
          customdata: all,
          marker: {
            color: all.map((i) => values[i]),
            colorscale: SEQUENTIAL_SCALE,
            showscale: true,
            colorbar: { title: { text: name } },
            size: markerSize(all.length),
          },
          hovertemplate: rowHover(xName, yName, `<br>${name}: %{marker.color}`),
        },
      ],
      layout,
      description: `Scatter of ${yName} against ${xName}, ${plural(n, 'point')} coloured by ${name}`,
      ...shown,
    };
  }

  return {
    data: [pointsTrace(x, y, { name: 'data', color: COLOURS.data, xName, yName, rows })],
    layout: { ...layout, showlegend: false },
    description: `Scatter of ${yName} against ${xName}, ${plural(n, 'point')}`,
    ...shown,
  };
}
