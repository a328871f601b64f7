// The plot cell draws its input table: a scatter of two columns, a histogram
// of one, or a scatterplot matrix with brushing.
import { getColumn, isMissing, isNumeric, numericValues, type Table } from '../../lib/data/table';
import { countDistinct } from '../../lib/data/summary';
import { valueOf } from '../../lib/notebook/controls';
import { correlationFigure, histogramFigure, scatterFigure, scatterMatrixFigure, type Figure, type MatrixInput } from '../../lib/plot';
import { correlations } from '../../lib/notebook/build/associations';
import type { RunContext } from '../types';
import { missingColumns, tableFrom, waitingOn, type ColumnChoice, type Waiting } from '../shared/table-input';
import type { PlotOptions } from './schema';

const NEEDS_NUMBERS = 'this plot needs numbers';

export interface PlotOutput {
  figure: Figure;
  /** Numeric columns and every column, for the view's pickers. */
  numeric: string[];
  all: string[];
  /** The matrix input, so the view can redraw it with brushed rows. */
  matrix?: MatrixInput;
}

const MATRIX_DEFAULT_COLUMNS = 6;

export function runPlot({ options, inputs }: RunContext<PlotOptions>): PlotOutput | ColumnChoice | Waiting {
  const input = inputs[options.input];
  const waiting = waitingOn(input);
  if (waiting) return waiting;
  const table = tableFrom(input, options.input);
  const numeric = table.columns.filter(isNumeric).map((c) => c.name);
  const all = table.columns.map((c) => c.name);
  if (!numeric.length) throw new Error('The data has no numeric column to plot.');

  const x = options.x ?? numeric[0];
  const y = options.y ?? numeric[1] ?? numeric[0];
  const columns = options.columns ?? (options.kind === 'correlation' ? numeric : numeric.slice(0, MATRIX_DEFAULT_COLUMNS));
  const target = options.y ?? numeric[numeric.length - 1];
  const namedByKind = { matrix: columns, correlation: [target, ...columns], scatter: [x, y], histogram: [x] };
  const named = [namedByKind[options.kind], options.color ? [options.color] : []].flat();
  const choice = missingColumns(table, named);
  if (choice) return choice;

  const base = { numeric, all };
  const colour = colourOf(table, options.color);
  switch (options.kind) {
    case 'scatter':
      return { ...base, figure: scatterFigure({ x: numericValues(table, x, NEEDS_NUMBERS), y: numericValues(table, y, NEEDS_NUMBERS), xName: x, yName: y, ...colour }) };
    case 'histogram':
      return {
        ...base,
        figure: histogramFigure({ values: present(numericValues(table, x, NEEDS_NUMBERS)), name: x, bins: options.bins === undefined ? undefined : valueOf(options.bins) }),
      };
    case 'matrix': {
      const matrix: MatrixInput = {
        columns: columns.map((name) => ({ name, values: numericValues(table, name, NEEDS_NUMBERS) })),
        classes: colour.classes,
      };
      return { ...base, figure: scatterMatrixFigure(matrix), matrix };
    }
    case 'correlation': {
      numericValues(table, target, NEEDS_NUMBERS);
      const others = columns.filter((name) => name !== target);
      const ranked = correlations(table, target, others).map((a) => ({ name: a.feature, r: a.value }));
      return { ...base, figure: correlationFigure({ correlations: ranked, target }) };
    }
  }
}


function present(values: Float64Array): Float64Array {
  return values.filter((v) => !Number.isNaN(v));
}

/** Colour by class for labels, by value for a numeric column with many values. */
function colourOf(table: Table, name: string | undefined): { classes?: (string | number)[]; values?: Float64Array; valueName?: string } {
  if (!name) return {};
  const column = getColumn(table, name)!;
  if (isNumeric(column) && column.type === 'numeric' && countDistinct(column.values, 13) > 12) {
    return { values: column.values, valueName: name };
  }
  const classes = Array.from({ length: table.rowCount }, (_, i) => {
    if (isMissing(column, i)) return '(missing)';
    if (!isNumeric(column)) return column.values[i] as string;
    return column.type === 'boolean' && column.labels ? column.labels[column.values[i] ? 1 : 0] : column.values[i];
  });
  return { classes };
}
