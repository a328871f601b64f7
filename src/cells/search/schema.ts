import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';
import { cellLink } from '../../lib/notebook/fields';

const range = z.object({ from: z.number().min(0), to: z.number().min(0) }).strict().refine((r) => r.from <= r.to, { message: 'from must not exceed to' });

export const searchMethods = ['grid', 'random', 'bayesian'] as const;

export const searchSchema = z
  .object({
    /** The model cell whose options are tuned. */
    model: cellLink('model', 'Model'),
    /** A table or split cell to cross-validate on; the model's training part when left out. */
    input: cellLink('table', 'Data').optional(),
    method: z.enum(searchMethods).meta({ label: 'Method' }).default('grid'),
    /** Polynomial degrees to try (whole numbers). */
    degree: range.optional(),
    /** Penalty strengths to try, on a log scale (the model cell needs a penalty). */
    alpha: range.optional(),
    /** Grid search: values of each continuous parameter. */
    steps: tunable(z.number().int().min(2).max(20)).meta({ label: 'Grid values per parameter', range: { min: 2, max: 12 } }).default(5),
    /** Random and Bayesian search: how many settings to try. */
    budget: tunable(z.number().int().min(2).max(200)).meta({ label: 'Trials (random, Bayesian)', range: { min: 2, max: 50 } }).default(12),
    k: tunable(z.number().int().min(2).max(20)).meta({ label: 'Folds k', range: { min: 2, max: 10 } }).default(5),
    /** The score to minimise; the model's error metric when left out (R², Accuracy… are turned into 1 − metric). */
    metric: z.string().optional(),
    /** Stop a trial whose running score after a fold is worse than the median of earlier trials' at that fold. */
    earlyStop: z.boolean().meta({ label: 'Stop hopeless trials early' }).default(false),
    seed: z.number().int().default(42),
  })
  .strict();

export type SearchOptions = z.infer<typeof searchSchema>;
