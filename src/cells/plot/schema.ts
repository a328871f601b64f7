import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';
import { cellLink, column, columns } from '../../lib/notebook/fields';

/** Plots of data; model plots (fit, sigmoid, boundary, coefficients) read a model cell. */
export const dataPlotKinds = ['scatter', 'histogram', 'matrix', 'correlation'] as const;

export const plotSchema = z
  .object({
    input: cellLink('table', 'Data'),
    kind: z.enum(dataPlotKinds).meta({ label: 'Plot' }).default('scatter'),
    /** scatter: horizontal axis; histogram: the column. */
    x: column({ label: 'x' }).optional(),
    /** scatter: vertical axis; correlation: the target every other column is correlated with. */
    y: column({ label: 'y' }).optional(),
    /** Colour points by this column (class labels or numbers). */
    color: column({ label: 'Colour by' }).optional(),
    /** matrix: the numeric columns, all of them (up to 6) when left out; correlation: every numeric column when left out. */
    columns: columns({ label: 'Columns', numeric: true }).optional(),
    bins: tunable(z.number().int().min(2).max(200)).optional(),
  })
  .strict();

export type PlotOptions = z.infer<typeof plotSchema>;
