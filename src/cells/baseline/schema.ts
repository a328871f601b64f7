import { z } from 'zod';
import { cellLink, column } from '../../lib/notebook/fields';

export const baselineTasks = ['regression', 'classification'] as const;

export const baselineSchema = z
  .object({
    /** A table or split cell: the baseline learns from its training part. */
    input: cellLink('table', 'Data'),
    /** The column to predict. */
    target: column({ label: 'Target', model: true }),
    /** Left out: regression for a numeric target, classification otherwise. */
    task: z.enum(baselineTasks).meta({ label: 'Task' }).optional(),
  })
  .strict();

export type BaselineOptions = z.infer<typeof baselineSchema>;
