// What "Download model (JSON)" needs from a model cell and the cell it reads:
// the trained model, and the preparation its training rows went through.
// That preparation is the split cell's (learned on the training rows) when a
// split reads a prepare cell, the prepare cell's own when the model reads it
// directly, and none otherwise: the model then reads raw columns.
import type { FittedStep } from '../../lib/data/prepare';
import type { Column } from '../../lib/data/table';
import { buildModelFile } from '../../lib/export/model/build';
import type { ModelFile } from '../../lib/export/model/format';
import type { ClassifierOutput } from '../classifier/run';
import type { RegressionOutput } from '../regression/run';
import { isPrepareOutput } from '../prepare/run';
import type { SplitCellOutput } from '../split/run';
import { isSplitOutput } from './parts';
import type { CellLookup } from './python-recipe';

/** A model cell's output that holds a fit of its own (not a wait, a column choice or a loaded model). */
export function fittedModelOutput(output: unknown): RegressionOutput | ClassifierOutput | undefined {
  const o = output as { fit?: unknown; model?: unknown; spec?: unknown; parts?: unknown } | undefined;
  return o?.fit && o.model && o.spec && o.parts ? (output as RegressionOutput | ClassifierOutput) : undefined;
}

function preparationOf(input: CellLookup | undefined, cell: (id: string) => CellLookup | undefined): { steps: FittedStep[]; raw?: Column[] } {
  const output = input?.output;
  if (isPrepareOutput(output)) return { steps: output.fitted.steps, raw: output.source.columns };
  if (isSplitOutput(output)) {
    const split = output as SplitCellOutput;
    if (!split.fitted) return { steps: [] };
    const before = cell(String(input!.options.input))?.output;
    if (!isPrepareOutput(before)) throw new Error('The split cell prepared its parts, but the cell it reads has no result to take the raw columns from.');
    return { steps: split.fitted.steps, raw: before.source.columns };
  }
  return { steps: [] };
}

export function modelFileOf(notebook: string, modelId: string, cell: (id: string) => CellLookup | undefined): { file: ModelFile } | { problem: string } {
  const model = cell(modelId);
  const out = fittedModelOutput(model?.output);
  if (!model || !out) return { problem: `The cell '${modelId}' has no fitted model yet.` };
  try {
    const { steps, raw } = preparationOf(cell(String(model.options.input)), cell);
    const file = buildModelFile({
      notebook,
      cell: modelId,
      solver: out.solver,
      target: out.spec.target,
      trainingRows: out.parts.train.rowCount,
      model: out.model,
      threshold: out.task === 'classification' ? out.threshold : undefined,
      preparation: steps,
      rawColumns: raw ?? out.parts.train.columns,
    });
    return { file };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}
