import { groupByClass, type ClassLabel } from './classes';
import { axis, baseLayout } from './layout';
import { plural } from './numbers';
import { COLOURS, classColour, markerSize } from './theme';
import type { AxisSpec, Figure, TraceSpec } from './types';

export interface MatrixColumn {
  name: string;
  values: ArrayLike<number>;
}

export interface MatrixInput {
  columns: readonly MatrixColumn[];
  /** Colour (and legend) by class. */
  classes?: ArrayLike<ClassLabel>;
  /** Brushed rows: highlighted in every panel, the rest faded. */
  selected?: readonly number[];
  title?: string;
}

/** plotly's name for the k-th axis: x, x2, x3, … */
function axisKey(letter: 'x' | 'y', k: number): string {
  return `${letter}axis${k === 0 ? '' : k + 1}`;
}

/**
 * Scatterplot matrix of chosen numeric columns, coloured by class, with brushing: a
 * box or lasso in one panel selects rows, and the same rows light up in every panel.
 * Teaches: which pairs of features separate the classes, and that a point's
 * neighbours in one view need not be its neighbours in another.
 */
export function scatterMatrixFigure(input: MatrixInput): Figure {
  const n = input.columns[0]?.values.length ?? 0;
  const groups = input.classes ? groupByClass(input.classes) : { labels: ['data' as ClassLabel], rows: [Array.from({ length: n }, (_, i) => i)] };
  const chosen = input.selected ? new Set(input.selected) : undefined;
  const data: TraceSpec[] = groups.labels.map((label, k) => {
    const rows = groups.rows[k];
    const trace: TraceSpec = {
      type: 'splom',
      name: String(label),
      dimensions: input.columns.map((c) => ({ label: c.name, values: rows.map((i) => c.values[i]) })),
      customdata: [...rows],
      marker: { color: input.classes ? classColour(k) : COLOURS.data, size: markerSize(n) - 2, opacity: 0.8 },
      diagonal: { visible: false },
      showupperhalf: false,
      selected: { marker: { opacity: 1 } },
      unselected: { marker: { opacity: 0.12 } },
      hovertemplate: `row %{customdata}<br>(%{x}, %{y})<extra>%{fullData.name}</extra>`,
    };
    // selectedpoints indexes this trace's own points, not the data's rows.
    if (chosen) trace.selectedpoints = rows.flatMap((row, local) => (chosen.has(row) ? [local] : []));
    return trace;
  });
  const axes: Record<string, AxisSpec> = {};
  input.columns.forEach((c, k) => {
    axes[axisKey('x', k)] = axis(c.name);
    axes[axisKey('y', k)] = axis(c.name);
  });
  const names = input.columns.map((c) => c.name);
  return {
    data,
    layout: baseLayout(
      { title: input.title ?? 'Scatterplot matrix', x: axes.xaxis, y: axes.yaxis },
      { ...axes, dragmode: 'select', height: Math.max(360, 170 * names.length) },
    ),
    description:
      `Scatterplot matrix of ${names.join(', ')}, ${plural(n, 'point')}` +
      (input.classes ? ` in ${plural(groups.labels.length, 'class', 'classes')}` : '') +
      (input.selected ? `, ${input.selected.length} selected` : ''),
  };
}
