// The model file ("Download model (JSON)"): a trained linear or logistic
// model with the preparation it expects, enough to predict from the RAW
// columns of a new file. Plain JSON, versioned, validated by zod on load,
// then checked for consistency (every feature comes from a raw column or a
// preparation step; coefficient counts match), so a damaged or hand-edited
// file is refused with a message instead of predicting nonsense.
//
// Numbers are written by JSON.stringify, which prints the shortest decimal
// that reads back as the same double: coefficients survive the trip exactly.
import { z } from 'zod';
import { INDICATOR_SUFFIX, OUTLIER_SUFFIX, type FittedStep } from '../../data/prepare';

export const MODEL_FORMAT = 'fitbook-model';
export const MODEL_VERSION = 1;

const name = z.string().min(1);
const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const label = z.union([z.string(), finite]);

/** A raw column the model reads from a new table, and what it must hold. */
const inputSchema = z.object({ name, kind: z.enum(['number', 'text']) }).strict();

const imputeSchema = z
  .object({
    step: z.literal('impute'),
    params: z
      .object({
        strategy: z.enum(['mean', 'median', 'most_frequent', 'constant']),
        fills: z.array(z.object({ column: name, kind: z.enum(['number', 'string']), value: z.union([finite, z.string()]), indicator: z.boolean() }).strict()),
      })
      .strict(),
  })
  .strict();

const oneHotSchema = z
  .object({
    step: z.literal('one-hot'),
    params: z
      .object({
        dropFirst: z.boolean(),
        encodings: z.array(
          z
            .object({ column: name, kind: z.enum(['string', 'boolean']), levels: z.array(z.string()).min(1), dropped: z.string().nullable(), outputs: z.array(name) })
            .strict(),
        ),
      })
      .strict(),
  })
  .strict();

const scaleSchema = z
  .object({
    step: z.literal('scale'),
    params: z
      .object({
        method: z.enum(['standard', 'minmax']),
        parameters: z.array(z.object({ column: name, shift: finite, divisor: finite.refine((d) => d !== 0, 'must not be 0') }).strict()),
      })
      .strict(),
  })
  .strict();

const outliersSchema = z
  .object({
    step: z.literal('outliers'),
    params: z
      .object({
        method: z.enum(['iqr', 'zscore']),
        action: z.enum(['flag', 'clip', 'remove']),
        fences: z.array(z.object({ column: name, low: finite, high: finite }).strict()),
      })
      .strict(),
  })
  .strict();

const dropSchema = z.object({ step: z.literal('drop-missing'), options: z.object({ columns: z.array(name) }).strict() }).strict();

const stepSchema = z.discriminatedUnion('step', [imputeSchema, oneHotSchema, scaleSchema, outliersSchema, dropSchema]);

const linearSchema = z
  .object({
    kind: z.literal('linear'),
    fitIntercept: z.boolean(),
    intercept: finite,
    /** One per coefficient: a feature (by name) raised to a power. */
    terms: z.array(z.object({ feature: name, power: z.number().int().min(1).max(15) }).strict()).min(1),
    coefficients: z.array(finite).min(1),
  })
  .strict();

const logisticSchema = z
  .object({
    kind: z.literal('logistic'),
    classes: z.array(label).min(2),
    /** true: softmax, one row per class; false: sigmoid, one row for classes[1]. */
    multinomial: z.boolean(),
    fitIntercept: z.boolean(),
    intercepts: z.array(finite).min(1),
    coefficients: z.array(z.array(finite).min(1)).min(1),
    threshold: z.number().min(0).max(1),
  })
  .strict();

export const modelFileSchema = z
  .object({
    format: z.literal(MODEL_FORMAT),
    version: z.literal(MODEL_VERSION),
    /** Where it was trained, for the reader. */
    source: z.object({ notebook: z.string(), cell: z.string(), trainingRows: z.number().int().min(0) }).strict(),
    task: z.enum(['regression', 'classification']),
    solver: z.enum(['exact', 'gradient-descent']),
    target: name,
    /** The prepared columns the model reads, in the coefficients' order. */
    features: z.array(name).min(1),
    /** The raw columns a new table must have. */
    inputs: z.array(inputSchema),
    /** Fitted preparation steps, in order, learned on the training rows. */
    preparation: z.array(stepSchema),
    model: z.discriminatedUnion('kind', [linearSchema, logisticSchema]),
  })
  .strict();

export type ModelFile = z.infer<typeof modelFileSchema>;
export type ModelFileStep = z.infer<typeof stepSchema>;
export type ModelInput = z.infer<typeof inputSchema>;

/** The file's steps as the engine's fitted pipeline steps (the same shapes). */
export function fittedSteps(file: ModelFile): FittedStep[] {
  return file.preparation as FittedStep[];
}

/** The columns a step adds to the table. */
export function stepOutputs(step: ModelFileStep): string[] {
  switch (step.step) {
    case 'impute':
      return step.params.fills.filter((f) => f.indicator).map((f) => f.column + INDICATOR_SUFFIX);
    case 'one-hot':
      return step.params.encodings.flatMap((e) => e.outputs);
    case 'outliers':
      return step.params.action === 'flag' ? step.params.fences.map((f) => f.column + OUTLIER_SUFFIX) : [];
    default:
      return [];
  }
}

/** What the schema cannot say: that the parts of the file fit together. */
function consistencyProblems(file: ModelFile): string[] {
  const problems: string[] = [];
  const available = new Set(file.inputs.map((i) => i.name));
  for (const step of file.preparation) for (const out of stepOutputs(step)) available.add(out);
  const missing = file.features.filter((f) => !available.has(f));
  if (missing.length) problems.push(`the features ${missing.join(', ')} are neither raw inputs nor made by a preparation step`);
  if (new Set(file.features).size !== file.features.length) problems.push('a feature is listed twice');
  const p = file.features.length;
  const { model } = file;
  if (file.task === 'regression' && model.kind !== 'linear') problems.push('a regression file must hold a linear model');
  if (file.task === 'classification' && model.kind !== 'logistic') problems.push('a classification file must hold a logistic model');
  if (model.kind === 'linear') {
    if (model.terms.length !== model.coefficients.length) problems.push(`${model.terms.length} terms but ${model.coefficients.length} coefficients`);
    const unknown = model.terms.filter((t) => !file.features.includes(t.feature)).map((t) => t.feature);
    if (unknown.length) problems.push(`terms name columns that are not features: ${unknown.join(', ')}`);
  } else {
    const rows = model.multinomial ? model.classes.length : 1;
    if (!model.multinomial && model.classes.length !== 2) problems.push('a sigmoid model has exactly two classes');
    if (new Set(model.classes).size !== model.classes.length) problems.push('a class is listed twice');
    if (model.coefficients.length !== rows || model.intercepts.length !== rows) problems.push(`expected ${rows} rows of coefficients and intercepts`);
    if (model.coefficients.some((r) => r.length !== p)) problems.push(`every row of coefficients needs ${p} values, one per feature`);
  }
  return problems;
}

/** Reads a model file's text: the model, or a message saying what is wrong with the file. */
export function parseModelFile(text: string, fileName = 'the file'): { model: ModelFile } | { problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: `${fileName} is not a fitbook model: it is not valid JSON (damaged, or another kind of file).` };
  }
  const format = (data as { format?: unknown } | null)?.format;
  if (format !== MODEL_FORMAT) {
    return { problem: `${fileName} is not a fitbook model file (it has no "format": "${MODEL_FORMAT}"). Use a file from Download model (JSON).` };
  }
  const version = (data as { version?: unknown }).version;
  if (version !== MODEL_VERSION) {
    return { problem: `${fileName} is a fitbook model of version ${JSON.stringify(version)}; this fitbook reads version ${MODEL_VERSION}.` };
  }
  const parsed = modelFileSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    return { problem: `${fileName} is damaged: ${issues.join('; ')}.` };
  }
  const problems = consistencyProblems(parsed.data);
  if (problems.length) return { problem: `${fileName} is damaged: ${problems.join('; ')}.` };
  return { model: parsed.data };
}
