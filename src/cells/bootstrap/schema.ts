import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';
import { cellLink } from '../../lib/notebook/fields';

export const bootstrapSchema = z
  .object({
    /** A regression cell: its model is refitted on resamples of its training rows. */
    model: cellLink('model', 'Model'),
    /** How many resamples (refits). */
    resamples: tunable(z.number().int().min(2).max(5000)).meta({ label: 'Resamples', range: { min: 20, max: 1000 } }).default(200),
    seed: z.number().int().meta({ label: 'Seed' }).default(0),
  })
  .strict();

export type BootstrapOptions = z.infer<typeof bootstrapSchema>;
