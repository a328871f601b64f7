// "Download predictions": every row a model cell judged, part by part, with
// its row number in the split data (when a split cell chose the rows and no
// step removed any), the features the model used, the actual value, the
// prediction, and for classifiers each class's probability.
import type { CsvValue } from '../../lib/export/csv';
import { getColumn, type Column, type Table } from '../../lib/data/table';
import type { RegressionOutput } from '../regression/run';
import type { ClassifierOutput } from '../classifier/run';
import type { PartName } from './parts';
import type { LoadedModelOutput } from './loaded-model';

const PART_ORDER: PartName[] = ['train', 'validation', 'test'];

function valueAt(column: Column | undefined, row: number): CsvValue {
  if (!column) return null;
  const v = column.values[row];
  return typeof v === 'number' && Number.isNaN(v) ? null : v;
}

export function predictionRows(
  output: RegressionOutput | ClassifierOutput,
  /** Row numbers of each part in the split data, when the model reads a split cell. */
  splitRows?: Partial<Record<PartName, ArrayLike<number>>>,
): { header: string[]; rows: CsvValue[][] } {
  const features = output.spec.features;
  const classifier = output.task === 'classification';
  const classes = classifier ? output.classes : [];
  const header = ['part', 'row_index', ...features, 'actual', 'predicted', ...classes.map((c) => `probability_${String(c)}`)];
  const rows: CsvValue[][] = [];
  for (const part of PART_ORDER) {
    const table: Table | undefined = output.parts[part];
    if (!table) continue;
    const columns = features.map((f) => getColumn(table, f));
    // Rows are traceable only when the part still holds every row the split gave it.
    const numbers = splitRows?.[part]?.length === table.rowCount ? splitRows[part] : undefined;
    for (let i = 0; i < table.rowCount; i++) {
      const head: CsvValue[] = [part, numbers ? numbers[i] : null, ...columns.map((c) => valueAt(c, i))];
      if (output.task === 'classification') {
        const scores = output.scores[part];
        const predicted = output.predictions[part];
        if (!scores || !predicted) continue;
        rows.push([...head, scores.actual[i], predicted[i], ...scores.byClass.map((column) => column[i])]);
      } else {
        const p = output.predictions[part];
        if (!p) continue;
        rows.push([...head, p.actual[i], p.predicted[i]]);
      }
    }
  }
  return { header, rows };
}

/**
 * The same columns for a cell predicting with a loaded model: the part ('data'
 * for a plain table), the row's number in the input table, the prepared
 * features, actual (when the table has the target), predicted and each
 * class's probability.
 */
export function loadedPredictionRows(output: LoadedModelOutput): { header: string[]; rows: CsvValue[][] } {
  const { features, model } = output.file;
  const classes = model.kind === 'logistic' ? model.classes : [];
  const header = ['part', 'row_index', ...features, 'actual', 'predicted', ...classes.map((c) => `probability_${String(c)}`)];
  const rows: CsvValue[][] = [];
  for (const part of output.parts) {
    const { prepared, predicted, proba, actual } = part.predictions;
    const columns = features.map((f) => getColumn(prepared, f));
    for (let i = 0; i < prepared.rowCount; i++) {
      const a = actual?.[i];
      rows.push([
        part.name,
        part.rowNumbers[i],
        ...columns.map((c) => valueAt(c, i)),
        typeof a === 'number' && Number.isNaN(a) ? null : a,
        predicted[i],
        ...(proba ? Array.from(proba[i]) : []),
      ]);
    }
  }
  return { header, rows };
}
