// The baseline cell: the score to beat. A regression baseline predicts the
// training part's mean for every row (scikit-learn's DummyRegressor), a
// classification baseline the training part's most frequent class, with the
// training class shares as its probabilities (DummyClassifier's "prior").
// A model that does not beat it has learned nothing from the features.
import { getColumn, isNumeric, type Table } from '../../lib/data/table';
import { compareLabels, type Label } from '../../lib/ml/labels';
import { labelTarget, numericTarget } from '../../lib/ml/design';
import { classificationMetrics, precisionRecallF1, regressionMetrics, type RegressionMetrics } from '../../lib/ml/metrics';
import { mean } from '../../lib/ml/stats';
import type { RunContext } from '../types';
import type { ClassifierMetrics } from '../classifier/evaluation';
import { modelParts } from '../shared/model-inputs';
import type { PartName } from '../shared/parts';
import type { ColumnChoice, Waiting } from '../shared/table-input';
import type { BaselineOptions } from './schema';

interface Common {
  target: string;
  /** Training rows the baseline learned from. */
  trainRows: number;
  /** Columns of the training part, for the view's target picker. */
  columns: string[];
}

export interface RegressionBaseline extends Common {
  task: 'regression';
  /** The training mean, predicted for every row. */
  prediction: number;
  metrics: Partial<Record<PartName, RegressionMetrics>>;
}

export interface ClassificationBaseline extends Common {
  task: 'classification';
  /** The most frequent training class, predicted for every row. */
  prediction: Label;
  classes: Label[];
  /** Share of each class among the training rows (the predicted probabilities). */
  shares: number[];
  metrics: Partial<Record<PartName, ClassifierMetrics>>;
}

export type BaselineOutput = RegressionBaseline | ClassificationBaseline;

const PARTS: PartName[] = ['train', 'validation', 'test'];

export function runBaseline({ options, inputs }: RunContext<BaselineOptions>): BaselineOutput | ColumnChoice | Waiting {
  const ready = modelParts(inputs, options.input, { target: options.target, features: [] });
  if ('instead' in ready) return ready.instead;
  const { parts } = ready;
  const column = getColumn(parts.train, options.target)!;
  const task = options.task ?? (isNumeric(column) && column.type !== 'boolean' ? 'regression' : 'classification');
  const present = PARTS.filter((p) => parts[p] !== undefined && parts[p]!.rowCount > 0);
  const result = task === 'regression' ? regressionBaseline(options.target, parts, present) : classificationBaseline(options.target, parts, present);
  return { ...result, columns: parts.train.columns.map((c) => c.name) };
}

function regressionBaseline(target: string, parts: Partial<Record<PartName, Table>>, present: PartName[]): Omit<RegressionBaseline, 'columns'> {
  const train = numericTarget(parts.train!, target);
  if (train.length === 0) throw new Error('The training part has no rows to take a mean from.');
  const prediction = mean(train);
  const metrics: RegressionBaseline['metrics'] = {};
  for (const part of present) {
    const actual = numericTarget(parts[part]!, target);
    const measured = regressionMetrics(actual, new Float64Array(actual.length).fill(prediction));
    // On its own training rows the mean explains nothing by definition: R² is 0, not rounding noise such as 4e-16.
    metrics[part] = part === 'train' ? { ...measured, r2: 0 } : measured;
  }
  return { task: 'regression', target, trainRows: train.length, prediction, metrics };
}

function classificationBaseline(target: string, parts: Partial<Record<PartName, Table>>, present: PartName[]): Omit<ClassificationBaseline, 'columns'> {
  const train = labelTarget(parts.train!, target);
  if (train.length === 0) throw new Error('The training part has no rows to count classes in.');
  const counts = new Map<Label, number>();
  for (const label of train) counts.set(label, (counts.get(label) ?? 0) + 1);
  const classes = [...counts.keys()].sort(compareLabels);
  const shares = classes.map((c) => counts.get(c)! / train.length);
  // The first of the most frequent classes in sorted order, as numpy's argmax picks it.
  let top = 0;
  for (let k = 1; k < classes.length; k++) if (shares[k] > shares[top]) top = k;
  const prediction = classes[top];
  const metrics: ClassificationBaseline['metrics'] = {};
  for (const part of present) {
    const actual = labelTarget(parts[part]!, target);
    const unknown = actual.find((label) => !counts.has(label));
    if (unknown !== undefined) {
      throw new Error(`The ${part} part has rows of class '${unknown}', which the training part lacks. Stratify the split by '${target}'.`);
    }
    const proba = actual.map(() => Float64Array.from(shares));
    const predicted = actual.map(() => prediction);
    const m = classificationMetrics(actual, predicted, { classes, proba });
    const judged: ClassifierMetrics = { ...m, logLoss: m.logLoss!, auc: m.auc! };
    if (classes.length > 2) judged.weighted = precisionRecallF1(actual, predicted, { average: 'weighted', labels: classes });
    metrics[part] = judged;
  }
  return { task: 'classification', target, trainRows: train.length, prediction, classes, shares, metrics };
}
