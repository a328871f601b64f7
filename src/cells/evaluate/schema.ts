import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';
import { cellLink } from '../../lib/notebook/fields';

export const evaluateSchema = z
  .object({
    /** A model cell: regression or classifier. */
    input: cellLink('model', 'Model'),
    /** The part to judge on; left out: test if the model has one, else validation, else train. */
    part: z.enum(['test', 'validation', 'train']).meta({ label: 'Part' }).optional(),
    /** Binary classifiers: a decision threshold to try instead of the model cell's own. */
    threshold: tunable(z.number().min(0).max(1)).optional(),
    /**
     * Binary classifiers: what one missed positive (a false negative) and one false alarm (a false
     * positive) cost. Given either, the cell adds up the cost of the mistakes at every threshold
     * and marks the cheapest; the one left out costs 1.
     */
    missedCost: tunable(z.number().min(0)).meta({ label: 'Cost of a missed positive', range: { min: 0, max: 1000 } }).optional(),
    falseAlarmCost: tunable(z.number().min(0)).meta({ label: 'Cost of a false alarm', range: { min: 0, max: 1000 } }).optional(),
  })
  .strict();

export type EvaluateOptions = z.infer<typeof evaluateSchema>;
