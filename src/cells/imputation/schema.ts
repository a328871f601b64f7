import { z } from 'zod';
import { cellLink, column, columns, listOf } from '../../lib/notebook/fields';
import { MISSING_STRATEGIES } from '../../lib/validation/missing-strategies';

export const imputationSchema = z
  .object({
    /** A split cell with a test part, whose rows still have their gaps. */
    input: cellLink('table', 'Data'),
    target: column({ label: 'Target', numeric: true, model: true }),
    features: columns({ label: 'Features', numeric: true, model: true, excludes: 'target', minimum: 1 }),
    /** The strategies to compare, each learned on the training rows only. */
    strategies: listOf(z.array(z.enum(MISSING_STRATEGIES)).min(1)).meta({ label: 'Strategies' }).default([...MISSING_STRATEGIES]),
  })
  .strict();

export type ImputationOptions = z.infer<typeof imputationSchema>;
