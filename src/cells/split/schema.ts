import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';
import { cellLink, column } from '../../lib/notebook/fields';

export const splitSchema = z
  .object({
    input: cellLink('table', 'Data'),
    /** Fraction of all rows held out for testing (0.2: an 80/20 split). */
    test: tunable(z.number().gt(0).lt(1)).meta({ label: 'Test fraction', range: { min: 0.05, max: 0.5 } }).default(0.2),
    /** Fraction of all rows held out for tuning; 0 for none. */
    validation: tunable(z.number().min(0).lt(1)).meta({ label: 'Validation fraction', range: { min: 0, max: 0.5 } }).default(0),
    /** A label column whose class shares every part keeps (classification). */
    stratify: column({ label: 'Stratify by', model: true }).optional(),
    seed: z.number().int().default(42),
  })
  .strict();

export type SplitOptions = z.infer<typeof splitSchema>;
