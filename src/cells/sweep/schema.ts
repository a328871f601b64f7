import { z } from 'zod';
import { cellLink } from '../../lib/notebook/fields';

/** What a sweep varies: a hyperparameter of the model, or how many training rows it gets (a learning curve). */
export const sweepParameters = ['degree', 'alpha', 'epochs', 'trainSize'] as const;
export type SweepParameter = (typeof sweepParameters)[number];

/** Evenly spaced values; each bound left out takes the parameter's default. */
export const valueRangeSchema = z
  .object({
    from: z.number().min(0).optional(),
    to: z.number().min(0).optional(),
    steps: z.number().int().min(2).max(50).optional(),
    scale: z.enum(['linear', 'log']).optional(),
  })
  .strict();

export type ValueRange = z.infer<typeof valueRangeSchema>;

export const sweepSchema = z
  .object({
    /** The model cell whose model is refitted for every value. */
    model: cellLink('model', 'Model'),
    /** A table or split cell to fit and score on; the model's own parts when left out. */
    input: cellLink('table', 'Data').optional(),
    parameter: z.enum(sweepParameters).meta({ label: 'Parameter' }).default('degree'),
    /** A list of values, or a range `{from, to, steps, scale}`; sensible defaults per parameter when left out. */
    values: z.union([z.array(z.number().min(0)).min(1), valueRangeSchema]).optional(),
    /** The score to plot; the model's error metric (MSE, Log loss…) when left out. */
    metric: z.string().optional(),
    /** Fraction of the training rows held out to validate on when the data has no validation or test part. */
    validation: z.number().gt(0).lt(1).default(0.2),
    /** Seeds that held-out part and the order in which a learning curve adds rows. */
    seed: z.number().int().default(42),
  })
  .strict();

export type SweepOptions = z.infer<typeof sweepSchema>;
