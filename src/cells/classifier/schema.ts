import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';
import { solverShape } from '../shared/solver-options';
import { cellLink, column, columns } from '../../lib/notebook/fields';

export const classifierSchema = z
  .object({
    input: cellLink('table', 'Data'),
    /**
     * Predict with a loaded model file (by its name; the file itself is kept with the
     * notebook's uploads in this browser) instead of fitting. See docs/cells.md.
     */
    loadedModel: z.string().min(1).meta({ label: 'Loaded model (file)' }).optional(),
    /** The label column: categorical, boolean, or numeric with a few distinct values. */
    target: column({ label: 'Target', model: true }),
    features: columns({ label: 'Features', numeric: true, model: true, excludes: 'target', minimum: 1 }),
    /** Rows with a gap in the target or a feature: 'ask' says which columns and offers a fix; 'drop' fits without them (counted). */
    missing: z.enum(['ask', 'drop']).meta({ label: 'Rows with missing values' }).default('ask'),
    intercept: z.boolean().default(true),
    /** Polynomial and interaction terms of the features up to this total degree (as scikit-learn's PolynomialFeatures). */
    degree: tunable(z.number().int().min(1).max(12)).meta({ label: 'Polynomial degree', range: { min: 1, max: 10 } }).default(1),
    penalty: z.enum(['none', 'l2', 'l1']).meta({ label: 'Penalty' }).default('none'),
    /**
     * Penalty strength λ in the objective (1/n)·Σ log loss + (λ/2)‖w‖² (l2) or + λ‖w‖₁ (l1);
     * the intercept is not penalised. scikit-learn's LogisticRegression(C=…) is the same
     * model with C = 1 / (n·λ), n the number of training rows (see src/lib/ml/logistic.ts).
     */
    alpha: tunable(z.number().min(0)).meta({ label: 'Penalty strength α', range: { min: 0.0001, max: 100, scale: 'log' } }).default(0.1),
    /** 'balanced' weighs each class by n / (classes · its count), as scikit-learn does. */
    classWeight: z.enum(['none', 'balanced']).meta({ label: 'Class weights' }).default('none'),
    /**
     * Random over- or under-sampling of the TRAINING rows, done inside the fit (folds and sweeps
     * resample their own training rows): 'over' repeats rows of the smaller classes, 'under'
     * keeps a random subset of the larger ones, until every class has as many rows. Seeded.
     */
    resample: z.enum(['none', 'over', 'under']).meta({ label: 'Resample training rows' }).default('none'),
    seed: z.number().int().meta({ label: 'Resampling seed' }).default(0),
    /** Binary problems: predict the positive (second) class when its probability is at least this. */
    threshold: tunable(z.number().min(0).max(1)).meta({ label: 'Threshold' }).default(0.5),
    /** Softmax even for two classes; left out: sigmoid for two classes, softmax for more. */
    multinomial: z.boolean().optional(),
    ...solverShape,
  })
  .strict();

export type ClassifierOptions = z.infer<typeof classifierSchema>;
