// From a trained model and the fitted preparation its training rows went
// through to a model file (format.ts). The preparation is cut down to what
// the model's features need, walking the steps backwards from the features:
// a new file must have the raw columns the model reads, not every column of
// the training file. The shuffle is left out (it orders rows; it changes no
// prediction).
import { INDICATOR_SUFFIX, OUTLIER_SUFFIX, type FittedStep } from '../../data/prepare';
import { isNumeric, type Column } from '../../data/table';
import type { LinearModel } from '../../ml/linear';
import type { LogisticModel } from '../../ml/logistic';
import { MODEL_FORMAT, MODEL_VERSION, type ModelFile, type ModelFileStep } from './format';

export interface ModelFileSource {
  notebook: string;
  cell: string;
  solver: 'exact' | 'gradient-descent';
  target: string;
  trainingRows: number;
  model: LinearModel | LogisticModel;
  /** Classifiers: the decision threshold the cell uses. */
  threshold?: number;
  /** The fitted preparation, learned on the training rows (none when the model reads raw columns). */
  preparation: FittedStep[];
  /** The columns before any preparation, for the kinds of the inputs. */
  rawColumns: Column[];
}

/** Keeps the entries of a step that lead to `needed` columns; updates `needed` to the step's own inputs. */
function pruneStep(step: FittedStep, needed: Set<string>): ModelFileStep | undefined {
  switch (step.step) {
    case 'shuffle':
      return undefined;
    case 'drop-missing': {
      // A row is dropped only for a gap in a column the model reads (in full, or by the step's own list).
      const columns = (step.options.columns ?? [...needed]).filter((c) => needed.has(c));
      return columns.length ? { step: 'drop-missing', options: { columns } } : undefined;
    }
    case 'scale': {
      const parameters = step.params.parameters.filter((p) => needed.has(p.column));
      return parameters.length ? { step: 'scale', params: { ...step.params, parameters } } : undefined;
    }
    case 'impute': {
      const fills = step.params.fills.filter((f) => needed.has(f.column) || (f.indicator && needed.has(f.column + INDICATOR_SUFFIX)));
      for (const f of fills) {
        needed.delete(f.column + INDICATOR_SUFFIX);
        needed.add(f.column);
      }
      return fills.length ? { step: 'impute', params: { ...step.params, fills } } : undefined;
    }
    case 'one-hot': {
      const encodings = step.params.encodings.filter((e) => e.outputs.some((o) => needed.has(o)));
      for (const e of encodings) {
        for (const o of e.outputs) needed.delete(o);
        needed.add(e.column);
      }
      return encodings.length ? { step: 'one-hot', params: { ...step.params, encodings } } : undefined;
    }
    case 'outliers': {
      const flags = step.params.action === 'flag';
      const fences = step.params.fences.filter((f) => needed.has(f.column) || (flags && needed.has(f.column + OUTLIER_SUFFIX)));
      for (const f of fences) {
        needed.delete(f.column + OUTLIER_SUFFIX);
        needed.add(f.column);
      }
      return fences.length ? { step: 'outliers', params: { ...step.params, fences } } : undefined;
    }
  }
}

/** The steps the features need, in order, and the raw columns they start from. */
export function neededPreparation(steps: FittedStep[], features: string[]): { steps: ModelFileStep[]; raw: Set<string> } {
  const needed = new Set(features);
  const kept: ModelFileStep[] = [];
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = pruneStep(steps[i], needed);
    if (step) kept.unshift(step);
  }
  return { steps: kept, raw: needed };
}

function modelPart(source: ModelFileSource): ModelFile['model'] {
  const { model } = source;
  if (model.kind === 'linear') {
    return {
      kind: 'linear',
      fitIntercept: model.fitIntercept,
      intercept: model.intercept,
      terms: model.terms.map((t) => ({ feature: model.featureNames[t.feature], power: t.power })),
      coefficients: Array.from(model.coefficients),
    };
  }
  return {
    kind: 'logistic',
    classes: model.classes,
    multinomial: model.multinomial,
    fitIntercept: model.fitIntercept,
    intercepts: Array.from(model.intercept),
    coefficients: model.coefficients.map((row) => Array.from(row)),
    threshold: source.threshold ?? model.threshold,
  };
}

export function buildModelFile(source: ModelFileSource): ModelFile {
  const features = source.model.featureNames;
  const { steps, raw } = neededPreparation(source.preparation, features);
  const inputs = source.rawColumns
    .filter((c) => raw.has(c.name))
    .map((c) => ({ name: c.name, kind: isNumeric(c) ? ('number' as const) : ('text' as const) }));
  const known = new Set(source.rawColumns.map((c) => c.name));
  const absent = [...raw].filter((name) => !known.has(name));
  if (absent.length) throw new Error(`The model reads ${absent.join(', ')}, which the data before preparation does not have.`);
  const { model } = source;
  const weights = model.kind === 'linear' ? [model.intercept, ...model.coefficients] : [...model.intercept, ...model.coefficients.flatMap((r) => [...r])];
  if (!weights.every(Number.isFinite)) {
    throw new Error('The model has a weight that is not a finite number, so it cannot be saved. Fit it again (a penalty helps).');
  }
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    source: { notebook: source.notebook, cell: source.cell, trainingRows: source.trainingRows },
    task: source.model.kind === 'linear' ? 'regression' : 'classification',
    solver: source.solver,
    target: source.target,
    features,
    inputs,
    preparation: steps,
    model: modelPart(source),
  };
}

/** The file's text: indented, so a reader can look inside. */
export function modelFileText(file: ModelFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}
