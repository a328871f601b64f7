// Declarations that make a cell kind's zod schema also describe its options
// form: which strings name a column or another cell, the label of each
// option, and the slider range of a tunable written as a bare number. They
// travel as zod metadata (`.meta(...)`), so the one schema per kind both
// validates the YAML and drives the form; nothing is guessed from names.
// zod's `.meta()` replaces (does not merge) a schema's metadata: give a
// helper below everything in one call, and put `.meta({ label })` on other
// options before `.optional()`/`.default()` (either side works).
import { z } from 'zod';

/** What a cell's `input:` (or `model:`) reads: a table, or a fitted model. */
export type FlowKind = 'table' | 'model';

export interface FieldMeta {
  /** The option's label in the form (and the accessible name of its control). */
  label?: string;
  /** How the form edits it, where the value's type alone does not say. */
  control?: 'column' | 'columns' | 'cell';
  /** column(s): only numeric (and 0/1) columns fit. */
  numeric?: boolean;
  /** column(s): a model's target or feature: identifiers, free text and constants are not offered. */
  model?: boolean;
  /** columns: leave out the column the option of this name holds (features leave out the target). */
  excludes?: string;
  /** columns: the fewest that must stay chosen. */
  minimum?: number;
  /** cell: what the named cell must give. */
  takes?: FlowKind;
  /** A `tunable()` option: the slider's range when the option is written as a bare number. */
  range?: { min: number; max: number; scale?: 'linear' | 'log' };
}

type ColumnMeta = Pick<FieldMeta, 'label' | 'numeric' | 'model'>;

/** A string that names a column of the input table. */
export function column(meta: ColumnMeta = {}) {
  return z.string().meta({ control: 'column', ...meta } satisfies FieldMeta);
}

/**
 * A list of columns. A single name is accepted as a list of one
 * (`features: RM` means `[RM]`), as a reader would expect.
 */
export function columns(meta: ColumnMeta & Pick<FieldMeta, 'excludes'> & { minimum?: number } = {}) {
  const list = meta.minimum ? z.array(z.string()).min(meta.minimum) : z.array(z.string());
  return listOf(list).meta({ control: 'columns', ...meta } satisfies FieldMeta);
}

/** A list that also accepts one bare item (`methods: kfold`). */
export function listOf<T extends z.ZodArray>(list: T) {
  return z.preprocess((value) => (value === undefined || value === null || Array.isArray(value) ? value : [value]), list);
}

/** A string that names another cell above, one that gives what `takes` says. */
export function cellLink(takes: FlowKind, label: string) {
  return z.string().meta({ control: 'cell', takes, label } satisfies FieldMeta);
}

/** The declarations on a schema and the wrappers around it (optional, default, pipe), outer ones winning. */
export function fieldMeta(schema: z.ZodType): FieldMeta {
  const layers: FieldMeta[] = [];
  for (let s: z.ZodType | undefined = schema; s; s = innerOf(s)) {
    const meta = s.meta() as FieldMeta | undefined;
    if (meta) layers.unshift(meta);
  }
  return Object.assign({}, ...layers) as FieldMeta;
}

/** The schema a wrapper holds: optional, default, or a preprocess pipe's output side. */
export function innerOf(schema: z.ZodType): z.ZodType | undefined {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodNullable) {
    return schema.unwrap() as z.ZodType;
  }
  if (schema instanceof z.ZodPipe) return schema.out as z.ZodType;
  return undefined;
}

/**
 * Options as written, with every value a schema turned into a list (a bare
 * column name where a list belongs) stored as that list, so views and the
 * saved file see the same shape the run does. `parsed` is the schema's
 * output for `raw`; defaults it added are not copied in.
 */
export function normaliseOptions(raw: Record<string, unknown>, parsed: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const after = parsed[key];
    if (!Array.isArray(value) && Array.isArray(after)) out[key] = after;
    else if (isObject(value) && isObject(after)) out[key] = normaliseOptions(value, after);
    else out[key] = value;
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
