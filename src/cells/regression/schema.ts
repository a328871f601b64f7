import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';
import { optimizers, solverShape } from '../shared/solver-options';

export { optimizers };

export const regressionSchema = z
  .object({
    input: z.string(),
    target: z.string(),
    features: z.array(z.string()).min(1),
    /** Rows with a gap in the target or a feature: 'ask' says which columns and offers a fix; 'drop' fits without them (counted). */
    missing: z.enum(['ask', 'drop']).default('ask'),
    /** Every feature is raised to powers 1…degree. */
    degree: tunable(z.number().int().min(1).max(15)).default(1),
    intercept: z.boolean().default(true),
    penalty: z.enum(['none', 'l2', 'l1']).default('none'),
    /** Penalty strength, in scikit-learn's convention (Ridge/Lasso alpha over n; see docs/engine.md). */
    alpha: tunable(z.number().min(0)).default(0.1),
    ...solverShape,
  })
  .strict();

export type RegressionOptions = z.infer<typeof regressionSchema>;
