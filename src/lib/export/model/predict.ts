// Predicting with a loaded model file on a table of raw columns: check that
// the columns are there (and hold numbers or text as the model expects), run
// the file's fitted preparation on them, then the model. Row numbers travel
// through the preparation in a hidden column, so every prediction can be
// traced to its row of the new table even when a step drops rows.
import { applyPipeline } from '../../data/prepare';
import { getColumn, isMissing, isNumeric, takeRows, type Column, type Table } from '../../data/table';
import { termName } from '../../ml/basis';
import type { Label } from '../../ml/labels';
import { predictLinear, type LinearModel } from '../../ml/linear';
import { predictProba, type LogisticModel } from '../../ml/logistic';
import type { Matrix } from '../../ml/matrix';
import { fittedSteps, type ModelFile } from './format';

/** A column name no CSV header can produce (headers are trimmed text without NUL). */
const ROW_COLUMN = '\u0000row';

export interface ModelPredictions {
  /** Row numbers, in the table given, of the rows predicted (a preparation step may drop rows). */
  rows: Int32Array;
  /** The prepared table (the features the model read, by name), one row per prediction. */
  prepared: Table;
  /** Rows a preparation step dropped (a drop-rows step, outliers removed). */
  dropped: number;
  /** Rows left without a prediction for a gap in a feature the preparation does not fill; `gaps` counts them by feature. */
  withGaps: number;
  gaps: Record<string, number>;
  /** Regression: the predicted values. Classification: the predicted labels. */
  predicted: Float64Array | Label[];
  /** Classification: each row's probability per class, in `model.classes` order. */
  proba?: Float64Array[];
  /** The target's values in the predicted rows, when the table has the target (null/NaN where missing). */
  actual?: Float64Array | (Label | null)[];
}

/** The raw columns the model reads that the table lacks. */
export function missingInputs(file: ModelFile, table: Table): string[] {
  return file.inputs.filter((i) => !getColumn(table, i.name)).map((i) => i.name);
}

function checkInputs(file: ModelFile, table: Table): void {
  const missing = missingInputs(file, table);
  if (missing.length) {
    const s = missing.length === 1 ? '' : 's';
    throw new Error(
      `The data lacks the column${s} the loaded model reads: ${missing.map((m) => `'${m}'`).join(', ')}. ` +
        `Upload a file with ${missing.length === 1 ? 'that column' : 'those columns'} (named as in the training file).`,
    );
  }
  for (const input of file.inputs) {
    const column = getColumn(table, input.name)!;
    if ((input.kind === 'number') !== isNumeric(column)) {
      const was = input.kind === 'number' ? 'numbers' : 'text';
      throw new Error(`The column '${input.name}' holds ${column.type} values here, but the model was trained on ${was} in it.`);
    }
  }
}

/**
 * Rows of the prepared table with a gap in a feature (the file's preparation
 * does not fill that column): they get no prediction, and are counted per
 * column, as a model cell with `missing: drop` leaves them out.
 */
function dropGaps(file: ModelFile, prepared: Table): { table: Table; gaps: Record<string, number> } {
  const columns = file.features.map((name) => {
    const column = getColumn(prepared, name);
    if (!column || !isNumeric(column)) throw new Error(`The preparation did not give the numeric feature '${name}' the model reads.`);
    return column;
  });
  const gaps: Record<string, number> = {};
  const keep: number[] = [];
  for (let row = 0; row < prepared.rowCount; row++) {
    let complete = true;
    for (const column of columns) {
      if (isMissing(column, row)) {
        gaps[column.name] = (gaps[column.name] ?? 0) + 1;
        complete = false;
      }
    }
    if (complete) keep.push(row);
  }
  return { table: keep.length === prepared.rowCount ? prepared : takeRows(prepared, keep), gaps };
}

function featureMatrix(file: ModelFile, prepared: Table): Matrix {
  const columns = file.features.map((name) => getColumn(prepared, name)!.values as Float64Array);
  return { rows: prepared.rowCount, cols: columns.length, columns };
}

/** The engine's model, rebuilt from the file. */
export function engineModel(file: ModelFile): LinearModel | LogisticModel {
  const { model, features } = file;
  if (model.kind === 'linear') {
    return {
      kind: 'linear',
      featureNames: features,
      terms: model.terms.map((t) => ({ feature: features.indexOf(t.feature), power: t.power, name: termName(t.feature, t.power) })),
      fitIntercept: model.fitIntercept,
      intercept: model.intercept,
      coefficients: Float64Array.from(model.coefficients),
    };
  }
  return {
    kind: 'logistic',
    featureNames: features,
    classes: model.classes,
    multinomial: model.multinomial,
    fitIntercept: model.fitIntercept,
    intercept: Float64Array.from(model.intercepts),
    coefficients: model.coefficients.map((row) => Float64Array.from(row)),
    threshold: model.threshold,
  };
}

/** Labels as the classifier cell reads them: text as is, booleans by their spelling, numbers as numbers. */
function labelsAt(column: Column, rows: Int32Array): (Label | null)[] {
  return Array.from(rows, (row) => {
    if (!isNumeric(column)) return column.values[row];
    const v = column.values[row];
    if (Number.isNaN(v)) return null;
    return column.type === 'boolean' && column.labels ? column.labels[v ? 1 : 0] : v;
  });
}

function actualValues(file: ModelFile, table: Table, rows: Int32Array): ModelPredictions['actual'] {
  const column = getColumn(table, file.target);
  if (!column) return undefined;
  if (file.task === 'classification') return labelsAt(column, rows);
  if (!isNumeric(column)) throw new Error(`The target '${file.target}' holds ${column.type} values here; the model predicts numbers.`);
  return Float64Array.from(rows, (row) => column.values[row]);
}

export function predictTable(file: ModelFile, table: Table): ModelPredictions {
  checkInputs(file, table);
  // Only the model's inputs go through the preparation: other columns of the
  // new file can neither clash with the columns the steps add nor be changed.
  const inputs = file.inputs.map((i) => getColumn(table, i.name)!);
  const rowNumbers: Column = { name: ROW_COLUMN, type: 'numeric', values: Float64Array.from({ length: table.rowCount }, (_, i) => i) };
  const steps = fittedSteps(file);
  const afterSteps = applyPipeline({ columns: [...inputs, rowNumbers], rowCount: table.rowCount }, { steps }).table;
  const { table: prepared, gaps } = dropGaps(file, afterSteps);
  const counts = { dropped: table.rowCount - afterSteps.rowCount, withGaps: afterSteps.rowCount - prepared.rowCount, gaps };
  const rows = Int32Array.from(getColumn(prepared, ROW_COLUMN)!.values as Float64Array);
  const X = featureMatrix(file, prepared);
  const model = engineModel(file);
  const actual = actualValues(file, table, rows);
  if (model.kind === 'linear') return { rows, prepared, ...counts, predicted: predictLinear(model, X), actual };
  const proba = predictProba(model, X);
  // As the classifier cell decides: the threshold with two classes (sigmoid or softmax), the most probable class with more.
  const predicted = proba.map((p) => {
    if (model.classes.length === 2) return model.classes[p[1] >= model.threshold ? 1 : 0];
    let best = 0;
    for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
    return model.classes[best];
  });
  return { rows, prepared, ...counts, predicted, proba, actual };
}
