// What "Show Python" needs from the cells above a model cell: the dataset's
// file and how it was read, the split's rows, the preparation's steps and
// the model's options. It follows the one chain the generated code knows,
// dataset → [prepare] → [split] → model, and says so for any other.
import type { PythonRecipe, ModelRecipe, DataRecipe } from '../../lib/export/python';
import { valueOf, type Tunable } from '../../lib/notebook/controls';
import type { Pipeline } from '../../lib/data/prepare';
import type { DatasetOutput } from '../dataset/run';
import { GENERATED, type DatasetOptions } from '../dataset/schema';
import { delimiterNames } from '../dataset/schema';
import type { SplitCellOutput } from '../split/run';
import type { PrepareOutput } from '../prepare/run';

/** One cell as the recipe needs it: its kind, its parsed options and its latest output. */
export interface CellLookup {
  kind: string;
  options: Record<string, unknown>;
  output: unknown;
}

export const PYTHON_KINDS = ['regression', 'classifier'];

type Found = { recipe: PythonRecipe } | { problem: string };

function modelRecipe(kind: string, o: Record<string, unknown>): ModelRecipe {
  const shared = {
    target: o.target as string,
    features: o.features as string[],
    intercept: o.intercept !== false,
    penalty: (o.penalty ?? 'none') as 'none' | 'l2' | 'l1',
    alpha: valueOf((o.alpha ?? 0) as Tunable),
    gradientDescent: o.solver === 'gradient-descent',
  };
  if (kind === 'regression') return { kind: 'regression', ...shared, degree: valueOf((o.degree ?? 1) as Tunable) };
  return {
    kind: 'classifier',
    ...shared,
    classWeight: o.classWeight === 'balanced' ? 'balanced' : 'none',
    threshold: valueOf((o.threshold ?? 0.5) as Tunable),
    multinomial: o.multinomial as boolean | undefined,
  };
}

function dataRecipe(output: DatasetOutput, options: DatasetOptions, target: string): DataRecipe {
  const { columns } = output.table;
  return {
    file: output.name,
    delimiter: output.delimiter || delimiterNames.comma,
    columns: columns.map((c) => c.name),
    missingMarkers: (options.missing ?? '').split(',').map((m) => m.trim()).filter(Boolean),
    numeric: columns.filter((c) => c.type === 'numeric').map((c) => c.name),
    decimalComma: output.warnings.some((w) => w.includes('uses a decimal comma')),
    // The target stays as spelled, so the classes keep their names.
    booleans: columns.flatMap((c) => (c.type === 'boolean' && c.labels && c.name !== target ? [{ column: c.name, labels: c.labels }] : [])),
    skipBadRows: options.keepBadRows === true,
  };
}

function describeSplit(o: Record<string, unknown>): string {
  const test = valueOf((o.test ?? 0.2) as Tunable);
  const validation = valueOf((o.validation ?? 0) as Tunable);
  const parts = [`${Math.round(test * 100)} % test`];
  if (validation) parts.push(`${Math.round(validation * 100)} % validation`);
  parts.push(`seed ${String(o.seed ?? 42)}`);
  if (o.stratify) parts.push(`stratified by ${String(o.stratify)}`);
  return parts.join(', ');
}

export function pythonRecipe(notebook: string, modelId: string, cell: (id: string) => CellLookup | undefined): Found {
  const model = cell(modelId);
  if (!model || !PYTHON_KINDS.includes(model.kind)) return { problem: 'Show Python is offered for regression and classifier cells.' };
  // Options the generated code does not repeat yet: say so rather than print a different model.
  if (model.kind === 'classifier' && valueOf((model.options.degree ?? 1) as Tunable) > 1) {
    return { problem: 'Show Python does not yet repeat a classifier with polynomial features (degree above 1).' };
  }
  if (model.kind === 'classifier' && (model.options.resample ?? 'none') !== 'none') {
    return { problem: 'Show Python does not yet repeat a classifier fitted on resampled training rows.' };
  }
  let id = model.options.input as string;
  let current = cell(id);
  let split: PythonRecipe['split'];
  let steps: Pipeline = [];
  if (current?.kind === 'split') {
    const out = current.output as SplitCellOutput | undefined;
    if (!out?.rows) return { problem: `The split cell '${id}' has no result yet.` };
    split = { ...out.rows, describe: describeSplit(current.options) };
    id = current.options.input as string;
    current = cell(id);
  }
  if (current?.kind === 'prepare') {
    const out = current.output as PrepareOutput | undefined;
    if (!out?.pipeline) return { problem: `The prepare cell '${id}' has no result yet.` };
    steps = out.pipeline;
    id = current.options.input as string;
    current = cell(id);
  }
  if (current?.kind !== 'dataset') {
    return {
      problem:
        `Show Python follows a dataset cell, an optional prepare cell and an optional split cell into the model; ` +
        `'${id}' is ${current ? `a ${current.kind} cell` : 'not a cell of this notebook'}.`,
    };
  }
  const data = current.output as DatasetOutput | undefined;
  if (!data?.table) return { problem: `The dataset cell '${id}' has no data yet.` };
  if ((current.options as DatasetOptions).source === GENERATED) {
    return { problem: `The dataset cell '${id}' generates its points in the browser; Show Python reproduces cells that read a CSV file.` };
  }
  const recipeModel = modelRecipe(model.kind, model.options);
  return {
    recipe: {
      notebook,
      cell: modelId,
      data: dataRecipe(data, current.options as DatasetOptions, recipeModel.target),
      split,
      steps,
      model: recipeModel,
    },
  };
}
