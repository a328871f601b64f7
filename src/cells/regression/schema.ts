import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';
import { optimizers, solverShape } from '../shared/solver-options';
import { cellLink, column, columns } from '../../lib/notebook/fields';

export { optimizers };

export const regressionSchema = z
  .object({
    input: cellLink('table', 'Data'),
    /**
     * Predict with a loaded model file (by its name; the file itself is kept with the
     * notebook's uploads in this browser) instead of fitting. See docs/cells.md.
     */
    loadedModel: z.string().min(1).meta({ label: 'Loaded model (file)' }).optional(),
    target: column({ label: 'Target', numeric: true, model: true }),
    features: columns({ label: 'Features', numeric: true, model: true, excludes: 'target', minimum: 1 }),
    /** Rows with a gap in the target or a feature: 'ask' says which columns and offers a fix; 'drop' fits without them (counted). */
    missing: z.enum(['ask', 'drop']).meta({ label: 'Rows with missing values' }).default('ask'),
    /** Every feature is raised to powers 1…degree. */
    degree: tunable(z.number().int().min(1).max(15)).meta({ label: 'Polynomial degree' }).default(1),
    intercept: z.boolean().default(true),
    penalty: z.enum(['none', 'l2', 'l1']).meta({ label: 'Penalty' }).default('none'),
    /** Penalty strength, in scikit-learn's convention (Ridge/Lasso alpha over n; see docs/engine.md). */
    alpha: tunable(z.number().min(0)).meta({ label: 'Penalty strength α', range: { min: 0.0001, max: 100, scale: 'log' } }).default(0.1),
    ...solverShape,
  })
  .strict();

export type RegressionOptions = z.infer<typeof regressionSchema>;
