import { z } from 'zod';

export const baselineTasks = ['regression', 'classification'] as const;

export const baselineSchema = z
  .object({
    /** A table or split cell: the baseline learns from its training part. */
    input: z.string(),
    /** The column to predict. */
    target: z.string(),
    /** Left out: regression for a numeric target, classification otherwise. */
    task: z.enum(baselineTasks).optional(),
  })
  .strict();

export type BaselineOptions = z.infer<typeof baselineSchema>;
