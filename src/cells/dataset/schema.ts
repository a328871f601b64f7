import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';
import { SHAPE_NAMES, type Shape } from '../../lib/data/generate';

/** Delimiters by name, so the file never has to spell a tab. */
export const delimiterNames = { auto: 'auto', comma: ',', semicolon: ';', tab: '\t', pipe: '|' } as const;
export type DelimiterName = keyof typeof delimiterNames;

export const datasetSchema = z
  .object({
    /** A shipped CSV, e.g. datasets/iris.csv, or `generated` (see shape). An uploaded file takes its place. */
    source: z.string().optional(),
    /** `source: generated`: two features x1, x2 and a class drawn in this shape (src/lib/data/generate.ts). */
    shape: z.enum(SHAPE_NAMES as [Shape, ...Shape[]]).meta({ label: 'Shape' }).optional(),
    rows: tunable(z.number().int().min(2).max(100_000)).meta({ label: 'Rows', range: { min: 20, max: 2000 } }).optional(),
    noise: tunable(z.number().min(0).max(10)).meta({ label: 'Noise', range: { min: 0, max: 1 } }).optional(),
    seed: z.number().int().meta({ label: 'Seed' }).optional(),
    delimiter: z.enum(Object.keys(delimiterNames) as [DelimiterName, ...DelimiterName[]]).default('auto'),
    /** More spellings of a missing value, comma-separated, besides empty, NA, N/A, NaN, null and ?. */
    missing: z.string().optional(),
    /** Keep the rows that have the right number of fields and skip the others. */
    keepBadRows: z.boolean().default(false),
  })
  .strict();

export type DatasetOptions = z.infer<typeof datasetSchema>;

/** `source: generated`: the points the shape options describe (no file, no worker: it is instant). */
export const GENERATED = 'generated';

/** The defaults of a generated dataset, for the run and the view's controls. */
export const generatedDefaults = { shape: 'moons', rows: { value: 400, min: 20, max: 2000 }, noise: { value: 0.2, min: 0, max: 1 }, seed: 1 } as const;
