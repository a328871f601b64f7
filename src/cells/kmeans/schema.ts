import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';
import { cellLink, column, columns } from '../../lib/notebook/fields';

export const kmeansSchema = z
  .object({
    /** A table (a split cell clusters its training part). */
    input: cellLink('table', 'Data'),
    /** The numeric columns that place each row; rows with a gap in one are left out (counted). */
    features: columns({ label: 'Features', numeric: true, model: true, minimum: 1 }),
    k: tunable(z.number().int().min(1).max(20)).meta({ label: 'Clusters k', range: { min: 1, max: 10 } }).default(3),
    /** Rescale every feature to mean 0 and standard deviation 1 first, so no feature dominates the distances by its units. */
    standardize: z.boolean().meta({ label: 'Standardise features' }).default(true),
    /** Lloyd iterations at most; a low value shows the centres part-way. */
    iterations: tunable(z.number().int().min(1).max(1000)).meta({ label: 'Iterations at most', range: { min: 1, max: 50 } }).default(300),
    /** Seeds the k-means++ choice of starting centres. */
    seed: z.number().int().default(42),
    /** The elbow curve fits k = 1 … this. */
    elbow: z.number().int().min(2).max(20).meta({ label: 'Elbow curve up to k' }).default(10),
    /** The plot's axes; the first two features when left out. */
    x: column({ label: 'x', numeric: true }).optional(),
    y: column({ label: 'y', numeric: true }).optional(),
    /** A label column to compare the clusters with (it is never used to cluster). */
    compare: column({ label: 'Compare with' }).optional(),
  })
  .strict();

export type KMeansOptions = z.infer<typeof kmeansSchema>;
