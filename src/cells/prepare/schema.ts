import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';
import { cellLink, column, columns } from '../../lib/notebook/fields';

/** `drop` removes incomplete rows; the others fill the gaps (imputation). */
export const missingStrategies = ['drop', 'mean', 'median', 'most_frequent', 'constant'] as const;
export const outlierMethods = ['iqr', 'zscore'] as const;
export const outlierActions = ['flag', 'clip', 'remove'] as const;
export const scaleMethods = ['none', 'standard', 'minmax'] as const;

const columnList = columns();

const missingSchema = z
  .object({
    strategy: z.enum(missingStrategies),
    /** Columns to handle; left out: every column (drop), every numeric column (mean, median), every column (others) — never the label. */
    columns: columnList.optional(),
    /** The fill value for strategy constant. */
    value: z.union([z.number(), z.string()]).optional(),
    /** Add a 0/1 column `<name>_missing` for each column that had gaps (imputation only). */
    indicator: z.boolean().optional(),
  })
  .strict();

const outliersSchema = z
  .object({
    method: z.enum(outlierMethods).default('iqr'),
    /** IQR multiplier (1.5 when left out). */
    k: tunable(z.number().min(0)).optional(),
    /** z-score threshold (3 when left out). */
    threshold: tunable(z.number().positive()).optional(),
    action: z.enum(outlierActions).default('flag'),
    /** Numeric columns to check; every numeric column but the label when left out. */
    columns: columnList.optional(),
  })
  .strict();

/** One-hot encoding: a list of categorical columns, or `{columns?, dropFirst}`. */
const encodeSchema = z.union([
  columnList,
  z
    .object({ columns: columnList.optional(), dropFirst: z.boolean().optional() })
    .strict(),
]);

/** Scaling: a method, or `{method, columns?}`. */
const scaleSchema = z.union([
  z.enum(scaleMethods),
  z.object({ method: z.enum(scaleMethods), columns: columnList.optional() }).strict(),
]);

export const prepareSchema = z
  .object({
    input: cellLink('table', 'Data'),
    /** The column to predict: steps leave it alone unless it is named explicitly (drop still drops rows missing it). */
    label: column({ label: 'Label (left alone)' }).optional(),
    missing: missingSchema.optional(),
    outliers: outliersSchema.optional(),
    encode: encodeSchema.optional(),
    scale: scaleSchema.default('none'),
    /** Shuffle the rows with this seed, last. */
    shuffle: z.object({ seed: z.number().int() }).strict().optional(),
  })
  .strict();

export type PrepareOptions = z.infer<typeof prepareSchema>;
export type MissingOptions = z.infer<typeof missingSchema>;
export type OutlierCellOptions = z.infer<typeof outliersSchema>;
export type EncodeOptions = z.infer<typeof encodeSchema>;
export type ScaleCellOptions = z.infer<typeof scaleSchema>;
