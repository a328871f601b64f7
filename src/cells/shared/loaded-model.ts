// A model cell in "loaded model" mode (option `loadedModel: <file name>`): instead
// of fitting, it reads the model file kept with the notebook's uploads and
// predicts on its input table, part by part when the input is a split; with
// metrics where the table has the target. The maths is in lib/export/model.
import { parseModelFile, type ModelFile } from '../../lib/export/model/format';
import { predictTable, type ModelPredictions } from '../../lib/export/model/predict';
import type { Label } from '../../lib/ml/labels';
import { regressionMetrics, type RegressionMetrics } from '../../lib/ml/metrics';
import type { RunContext } from '../types';
import { judge, type ClassifierMetrics } from '../classifier/evaluation';
import { isPrepareOutput } from '../prepare/run';
import { isSplitOutput, type PartName } from './parts';
import { tableFrom, waitingOn, type Waiting } from './table-input';
import type { Table } from '../../lib/data/table';

export interface LoadedPart {
  /** A split's part, or 'data' for a plain table. */
  name: PartName | 'data';
  predictions: ModelPredictions;
  /** Row numbers in the input's table (the split data, for a split's part). */
  rowNumbers: Int32Array;
  /** Where the target is present and every label is known to the model. */
  metrics?: RegressionMetrics | ClassifierMetrics;
  /** Rows left out of the metrics: no target value. */
  unlabelled: number;
  /** Why there are no metrics, when the target is there but they cannot be computed. */
  note?: string;
}

export interface LoadedModelOutput {
  loaded: true;
  task: 'regression' | 'classification';
  fileName: string;
  file: ModelFile;
  inputRows: number;
  parts: LoadedPart[];
}

export function isLoadedModelOutput(value: unknown): value is LoadedModelOutput {
  return (value as Partial<LoadedModelOutput> | undefined)?.loaded === true;
}

export interface LoadedModelOptions {
  input: string;
  loadedModel?: string;
}

const taskOfKind = { regression: 'regression', classifier: 'classification' } as const;

/** The file, read and checked; a wrong file throws a message for the cell's alert. */
export async function readModelUpload(blob: Blob, name: string, kind: 'regression' | 'classifier'): Promise<ModelFile> {
  const found = parseModelFile(await blob.text(), `'${name}'`);
  if ('problem' in found) throw new Error(found.problem);
  const task = taskOfKind[kind];
  if (found.model.task !== task) {
    const other = found.model.task === 'regression' ? 'regression' : 'classifier';
    throw new Error(`'${name}' holds a ${found.model.task} model; load it into a ${other} cell.`);
  }
  return found.model;
}

function rawParts(input: unknown, inputId: string): { name: LoadedPart['name']; table: Table; rows?: Int32Array }[] {
  const prepared = isPrepareOutput(input) || (isSplitOutput(input) && (input as { fitted?: unknown }).fitted !== undefined);
  if (prepared) {
    throw new Error(
      `The input '${inputId}' is already prepared, and the loaded model prepares raw columns itself (it carries its own imputation, encoding and scaling). ` +
        'Read the data before any prepare cell: a dataset cell, or a split of one.',
    );
  }
  if (isSplitOutput(input)) {
    const rows = (input as { rows?: Partial<Record<PartName, Int32Array>> }).rows;
    return (['train', 'validation', 'test'] as const).flatMap((name) => {
      const table = input[name];
      return table ? [{ name, table, rows: rows?.[name] }] : [];
    });
  }
  return [{ name: 'data', table: tableFrom(input, inputId) }];
}

function measure(file: ModelFile, predictions: ModelPredictions): Pick<LoadedPart, 'metrics' | 'unlabelled' | 'note'> {
  const { actual } = predictions;
  if (!actual) return { unlabelled: 0 };
  const labelled = Array.from(actual, (_, i) => i).filter((i) => actual[i] !== null && !(typeof actual[i] === 'number' && Number.isNaN(actual[i])));
  const unlabelled = actual.length - labelled.length;
  if (!labelled.length) return { unlabelled };
  if (file.model.kind === 'linear') {
    const predicted = predictions.predicted as Float64Array;
    return {
      unlabelled,
      metrics: regressionMetrics(Float64Array.from(labelled, (i) => actual[i] as number), Float64Array.from(labelled, (i) => predicted[i])),
    };
  }
  const classes = file.model.classes;
  const known = new Set<Label>(classes);
  const labels = labelled.map((i) => actual[i] as Label);
  const unknown = [...new Set(labels.filter((l) => !known.has(l)))];
  if (unknown.length) {
    return { unlabelled, note: `No metrics: the rows labelled ${unknown.map((l) => `'${l}'`).join(', ')} are of classes the model was not trained on.` };
  }
  const rows = predictions.proba!;
  const byClass = classes.map((_, k) => Float64Array.from(labelled, (i) => rows[i][k]));
  return { unlabelled, metrics: judge({ actual: labels, byClass }, classes, file.model.threshold).metrics };
}

/** The loaded-model run of a regression or classifier cell. */
export async function runLoadedModel(ctx: RunContext<LoadedModelOptions>, kind: 'regression' | 'classifier'): Promise<LoadedModelOutput | Waiting> {
  const { options, upload } = ctx;
  if (!upload) {
    return {
      waiting:
        `This cell predicts with the loaded model '${options.loadedModel}', which is kept in this browser only ` +
        '(a link or a downloaded notebook does not carry it). Load the file again with Load model (JSON).',
    };
  }
  const file = await readModelUpload(upload.blob, upload.name, kind);
  const input = ctx.inputs[options.input];
  const waiting = waitingOn(input);
  if (waiting) return waiting;
  const parts = rawParts(input, options.input).map(({ name, table, rows }): LoadedPart => {
    const predictions = predictTable(file, table);
    const rowNumbers = rows ? Int32Array.from(predictions.rows, (r) => rows[r]) : predictions.rows;
    return { name, predictions, rowNumbers, ...measure(file, predictions) };
  });
  return {
    loaded: true,
    task: file.task,
    fileName: upload.name,
    file,
    inputRows: parts.reduce((n, p) => n + p.predictions.rows.length, 0),
    parts,
  };
}
