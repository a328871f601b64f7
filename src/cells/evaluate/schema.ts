import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';
import { cellLink } from '../../lib/notebook/fields';

export const evaluateSchema = z
  .object({
    /** A model cell: regression or classifier. */
    input: cellLink('model', 'Model'),
    /** The part to judge on; left out: test if the model has one, else validation, else train. */
    part: z.enum(['test', 'validation', 'train']).meta({ label: 'Part' }).optional(),
    /** Binary classifiers: a decision threshold to try instead of the model cell's own. */
    threshold: tunable(z.number().min(0).max(1)).optional(),
  })
  .strict();

export type EvaluateOptions = z.infer<typeof evaluateSchema>;
