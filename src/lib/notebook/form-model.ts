// A cell's options form, as data: one field per option of its kind's schema,
// what control edits it, and the choices a column or cell picker offers.
// The shell draws it (src/shell/form); everything decided here is testable
// in Node.
import { z } from 'zod';
import type { ColumnRoleInfo } from '../data/roles';
import { asControl, numberControlSchema, withValue, type NumberControl, type Tunable } from './controls';
import { fieldMeta, innerOf, type FieldMeta, type FlowKind } from './fields';
import type { Block, CellBlock } from './model';

export type FieldKind = 'column' | 'columns' | 'cell' | 'enum' | 'choices' | 'boolean' | 'number' | 'tunable' | 'text' | 'advanced';

export interface FormField {
  key: string;
  label: string;
  kind: FieldKind;
  /** Can be left empty (the kind's default or behaviour applies). */
  optional: boolean;
  /** The value the schema fills in when the option is left out. */
  defaultValue?: unknown;
  /** enum, choices: the allowed values. */
  choices?: string[];
  /** number, tunable: the schema's bounds and whether it takes whole numbers only. */
  min?: number;
  max?: number;
  integer?: boolean;
  /** tunable: the slider range for a bare value. */
  range?: FieldMeta['range'];
  numeric?: boolean;
  model?: boolean;
  excludes?: string;
  minimum?: number;
  takes?: FlowKind;
}

/** The form's fields, in the order the schema declares the options. */
export function formFields(schema: z.ZodObject): FormField[] {
  return Object.entries(schema.shape).map(([key, option]) => fieldOf(key, option as z.ZodType));
}

function fieldOf(key: string, option: z.ZodType): FormField {
  const meta = fieldMeta(option);
  let optional = false;
  let defaultValue: unknown;
  let core: z.ZodType = option;
  // Peel optional and default wrappers; a preprocess pipe is part of the core (a column list).
  while (core instanceof z.ZodOptional || core instanceof z.ZodDefault) {
    if (core instanceof z.ZodDefault) defaultValue = core.def.defaultValue;
    optional = true;
    core = core.unwrap() as z.ZodType;
  }
  const field: FormField = {
    key,
    label: meta.label ?? labelFromKey(key),
    kind: 'advanced',
    optional,
    defaultValue,
    numeric: meta.numeric,
    model: meta.model,
    excludes: meta.excludes,
    minimum: meta.minimum,
    takes: meta.takes,
    range: meta.range,
  };
  if (meta.control === 'column' || meta.control === 'columns' || meta.control === 'cell') return { ...field, kind: meta.control };
  const base = tunableBase(core);
  if (base) return { ...field, kind: 'tunable', ...numberBounds(base) };
  const plain = unpipe(core);
  if (plain instanceof z.ZodEnum) return { ...field, kind: 'enum', choices: plain.options.map(String) };
  if (plain instanceof z.ZodBoolean) return { ...field, kind: 'boolean' };
  if (plain instanceof z.ZodNumber) return { ...field, kind: 'number', ...numberBounds(plain) };
  if (plain instanceof z.ZodString) return { ...field, kind: 'text' };
  if (plain instanceof z.ZodArray && plain.element instanceof z.ZodEnum) {
    return { ...field, kind: 'choices', choices: plain.element.options.map(String), minimum: minLength(plain) };
  }
  return field;
}

function unpipe(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodPipe) s = innerOf(s)!;
  return s;
}

/** The bare-number side of a tunable (see `tunable()`: a union of a number and a control). */
function tunableBase(schema: z.ZodType): z.ZodNumber | undefined {
  if (!(schema instanceof z.ZodUnion) || !schema.options.includes(numberControlSchema)) return undefined;
  return schema.options.find((o): o is z.ZodNumber => o instanceof z.ZodNumber);
}

function numberBounds(schema: z.ZodNumber | undefined): Pick<FormField, 'min' | 'max' | 'integer'> {
  if (!schema) return {};
  const finite = (v: number | null) => (v !== null && Number.isFinite(v) ? v : undefined);
  return { min: finite(schema.minValue), max: finite(schema.maxValue), integer: schema.isInt || undefined };
}

function minLength(schema: z.ZodArray): number | undefined {
  const checks = (schema.def.checks ?? []) as unknown as { _zod: { def: { check: string; minimum?: number } } }[];
  return checks.map((c) => c._zod.def).find((d) => d.check === 'min_length')?.minimum;
}

/** `learningRate` → "Learning rate". */
export function labelFromKey(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Roles a model can use; the others (identifier, free text, constant, empty) are never offered. */
const MODEL_ROLES = new Set(['numeric', 'boolean', 'categorical']);
const NUMERIC_ROLES = new Set(['numeric', 'boolean']);

/** The columns a column field offers, from the input's columns and their roles. */
export function columnChoices(field: FormField, columns: readonly ColumnRoleInfo[], options: Record<string, unknown>): string[] {
  const excluded = field.excludes ? options[field.excludes] : undefined;
  return columns
    .filter((c) => !field.numeric || NUMERIC_ROLES.has(c.role))
    .filter((c) => !field.model || MODEL_ROLES.has(c.role))
    .map((c) => c.name)
    .filter((name) => name !== excluded);
}

/**
 * Values of a list field that are no longer offered (a column the new data
 * lacks): kept in the checklist so the reader can untick them.
 */
export function unofferedChoices(chosen: unknown, offered: readonly string[]): string[] {
  return asList(chosen).filter((name) => !offered.includes(name));
}

/** A list option as written: a list, or a single value (read as a list of one). */
export function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** Cells above `index` whose output a cell link that `takes` this can read, nearest last (document order). */
export function cellChoices(blocks: readonly Block[], index: number, takes: FlowKind | undefined, gives: (cell: CellBlock) => FlowKind | undefined): string[] {
  return blocks
    .slice(0, Math.max(0, index))
    .filter((b): b is CellBlock => b.type === 'cell' && (takes === undefined || gives(b) === takes))
    .map((b) => b.id);
}

/**
 * The cell whose table the column pickers offer: the cell named by `input:`
 * when it holds a table; otherwise (a cell that reads a model) the model
 * cell's own input.
 */
export function columnSourceId(fields: readonly FormField[], options: Record<string, unknown>, cellById: (id: string) => CellBlock | undefined): string | undefined {
  const links = fields.filter((f) => f.kind === 'cell');
  const tableLink = links.find((f) => f.takes === 'table' && typeof options[f.key] === 'string');
  if (tableLink) return options[tableLink.key] as string;
  const modelLink = links.find((f) => f.takes === 'model' && typeof options[f.key] === 'string');
  const model = modelLink ? cellById(options[modelLink.key] as string) : undefined;
  const modelInput = model?.options.input;
  return typeof modelInput === 'string' ? modelInput : undefined;
}

/** A tunable as a slider's control: a bare (or missing) value gets the declared range, or the schema's bounds. */
export function tunableControl(field: FormField, value: unknown): NumberControl {
  const fallback = typeof field.defaultValue === 'number' ? field.defaultValue : (field.min ?? 0);
  const current = typeof value === 'number' || isControlLike(value) ? (value as Tunable) : undefined;
  const start = current === undefined ? fallback : typeof current === 'number' ? current : current.value;
  const min = field.range?.min ?? field.min ?? Math.min(0, start);
  const max = field.range?.max ?? field.max ?? Math.max(1, start * 10);
  return asControl(current, { value: start, min, max, ...(field.range?.scale ? { scale: field.range.scale } : {}) });
}

function isControlLike(value: unknown): value is NumberControl {
  return typeof value === 'object' && value !== null && typeof (value as NumberControl).value === 'number';
}

/** The control with one part changed: its value, a bound, or its scale. */
export function editControl(control: NumberControl, part: 'value' | 'min' | 'max' | 'scale', next: number | string): NumberControl {
  if (part === 'value') return withValue(control, Number(next)) as NumberControl;
  if (part === 'scale') {
    const { scale: _old, ...rest } = control;
    return next === 'log' ? { ...rest, scale: 'log' } : rest;
  }
  return { ...control, [part]: Number(next) };
}
