import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';

/** Plots of data; model plots (fit, sigmoid, boundary, coefficients) read a model cell. */
export const dataPlotKinds = ['scatter', 'histogram', 'matrix'] as const;

export const plotSchema = z
  .object({
    input: z.string(),
    kind: z.enum(dataPlotKinds).default('scatter'),
    /** scatter: horizontal axis; histogram: the column. */
    x: z.string().optional(),
    y: z.string().optional(),
    /** Colour points by this column (class labels or numbers). */
    color: z.string().optional(),
    /** matrix: the numeric columns, all of them (up to 6) when left out. */
    columns: z.array(z.string()).optional(),
    bins: tunable(z.number().int().min(2).max(200)).optional(),
  })
  .strict();

export type PlotOptions = z.infer<typeof plotSchema>;
