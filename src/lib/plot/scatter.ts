import { groupByClass, type ClassLabel } from './classes';
import { axis, baseLayout, rowHover, scatterType } from './layout';
import { plural, toArray } from './numbers';
import { pointsTrace } from './points';
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
  const layout = baseLayout({ title: input.title ?? `${yName} against ${xName}`, x: axis(xName), y: axis(yName) });

  if (input.classes) {
    const groups = groupByClass(input.classes);
    return {
      data: groups.labels.map((label, k) =>
        pointsTrace(x, y, { name: String(label), color: classColour(k), xName, yName, rows: groups.rows[k], total: n }),
      ),
      layout,
      description: `Scatter of ${yName} against ${xName}, ${plural(n, 'point')} in ${plural(groups.labels.length, 'class', 'classes')}`,
    };
  }

  if (input.values) {
    const name = input.valueName ?? 'value';
    return {
      data: [
        {
          type: scatterType(n),
          mode: 'markers',
          name,
          x: toArray(x),
          y: toArray(y),
          customdata: Array.from({ length: n }, (_, i) => i),
          marker: {
            color: toArray(input.values),
            colorscale: SEQUENTIAL_SCALE,
            showscale: true,
            colorbar: { title: { text: name } },
            size: markerSize(n),
          },
          hovertemplate: rowHover(xName, yName, `<br>${name}: %{marker.color}`),
        },
      ],
      layout,
      description: `Scatter of ${yName} against ${xName}, ${plural(n, 'point')} coloured by ${name}`,
    };
  }

  return {
    data: [pointsTrace(x, y, { name: 'data', color: COLOURS.data, xName, yName })],
    layout: { ...layout, showlegend: false },
    description: `Scatter of ${yName} against ${xName}, ${plural(n, 'point')}`,
  };
}
