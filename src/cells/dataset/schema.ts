import { z } from 'zod';

/** Delimiters by name, so the file never has to spell a tab. */
export const delimiterNames = { auto: 'auto', comma: ',', semicolon: ';', tab: '\t', pipe: '|' } as const;
export type DelimiterName = keyof typeof delimiterNames;

export const datasetSchema = z
  .object({
    /** A shipped CSV, e.g. datasets/iris.csv. An uploaded file takes its place. */
    source: z.string().optional(),
    delimiter: z.enum(Object.keys(delimiterNames) as [DelimiterName, ...DelimiterName[]]).default('auto'),
    /** More spellings of a missing value, comma-separated, besides empty, NA, N/A, NaN, null and ?. */
    missing: z.string().optional(),
    /** Keep the rows that have the right number of fields and skip the others. */
    keepBadRows: z.boolean().default(false),
  })
  .strict();

export type DatasetOptions = z.infer<typeof datasetSchema>;
