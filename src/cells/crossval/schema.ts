import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';
import { cellLink, column, listOf } from '../../lib/notebook/fields';

/** The ways to estimate a model's error on unseen rows, cheapest first. */
export const crossvalMethods = ['holdout', 'kfold', 'loo'] as const;
export type CrossvalMethod = (typeof crossvalMethods)[number];

export const crossvalSchema = z
  .object({
    /** The model cell whose model is refitted on every fold. */
    model: cellLink('model', 'Model'),
    /** A table or split cell to cross-validate on (a split's training part); the model's training part when left out. */
    input: cellLink('table', 'Data').optional(),
    /** Which methods to run side by side. */
    methods: listOf(z.array(z.enum(crossvalMethods)).min(1)).meta({ label: 'Methods' }).default([...crossvalMethods]),
    /** Folds of k-fold. */
    k: tunable(z.number().int().min(2).max(20)).meta({ label: 'Folds k' }).default(5),
    /** Fraction of the rows the holdout method keeps unseen. */
    test: z.number().gt(0).lt(1).default(0.2),
    /** Seeds the holdout split and the k-fold shuffle. */
    seed: z.number().int().default(42),
    /** A class column: holdout and k-fold keep its class proportions in every part (classifiers). */
    stratify: column({ label: 'Stratify by', model: true }).optional(),
    /** The score to report; the model's error metric (MSE, Log loss…) when left out. */
    metric: z.string().optional(),
  })
  .strict();

export type CrossvalOptions = z.infer<typeof crossvalSchema>;
