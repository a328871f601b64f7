import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';

export const optimizers = ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] as const;

export const regressionSchema = z
  .object({
    input: z.string(),
    target: z.string(),
    features: z.array(z.string()).min(1),
    /** Every feature is raised to powers 1…degree. */
    degree: tunable(z.number().int().min(1).max(15)).default(1),
    intercept: z.boolean().default(true),
    penalty: z.enum(['none', 'l2', 'l1']).default('none'),
    /** Penalty strength, in scikit-learn's convention (Ridge/Lasso alpha over n; see docs/engine.md). */
    alpha: tunable(z.number().min(0)).default(0.1),
    solver: z.enum(['exact', 'gradient-descent']).default('exact'),
    optimizer: z.enum(optimizers).default('adam'),
    learningRate: tunable(z.number().positive()).default(0.05),
    /** Rows per step; 0 means the whole training part (plain, full-batch gradient descent). */
    batchSize: tunable(z.number().int().min(0)).default(0),
    epochs: tunable(z.number().int().min(1).max(100_000)).default(200),
    /** Stop when the validation loss has not improved for this many epochs (needs a validation part). */
    patience: z.number().int().min(1).optional(),
  })
  .strict();

export type RegressionOptions = z.infer<typeof regressionSchema>;
