// From the cell's options and its data parts to what the network engine
// takes: row-major Float32 inputs (features standardised with the training
// part's mean and spread, then the chosen crosses of two features) and
// targets (0/1, the class index, or the standardised value). Everything here
// is plain arithmetic, tested in Node.
import type { Table } from '../../lib/data/table';
import { getColumn, isNumeric } from '../../lib/data/table';
import { uniqueLabels, encodeLabels, type Label } from '../../lib/ml/labels';
import { columnScaling } from '../../lib/ml/stats';
import type { NetworkData, NetworkTask } from '../../lib/nn/types';
import { featureMatrix, labelTarget, numericTarget } from '../shared/design';
import type { DataParts, PartName } from '../shared/parts';
import { crossedNames, expandCrosses, type Cross } from '../../lib/nn/crosses';
import type { NetworkOptions } from './schema';

/** More distinct labels than this is a quantity to regress on, not classes. */
export const MAX_CLASSES = 20;
/** 'auto' takes a numeric target with at most this many whole-number values as classes. */
const AUTO_CLASSES = 10;

export const PARTS: PartName[] = ['train', 'validation', 'test'];

export interface Scaling {
  mean: Float64Array;
  scale: Float64Array;
}

/** Everything the cell needs to turn raw feature values into network inputs and outputs back into answers. */
export interface NetworkInputs {
  task: NetworkTask;
  /** Classification: the classes in order (binary: the second is the positive class). */
  classes: Label[];
  /** The target column's name. */
  target: string;
  features: string[];
  /** The inputs the network sees: standardised features, then crosses. */
  inputNames: string[];
  crosses: Cross[];
  /** The training part's mean and spread of each feature. */
  scaling: Scaling;
  /** Regression: the training target's mean and spread (the network learns the standardised value). */
  targetScaling?: { mean: number; scale: number };
  data: Partial<Record<PartName, NetworkData>>;
  /** The true answers per part, as the metrics want them: labels or values. */
  actual: Partial<Record<PartName, Label[] | Float64Array>>;
}

/** Classification or regression for this target, as the options say (or as its values suggest for 'auto'). */
export function taskOf(table: Table, target: string, choice: NetworkOptions['task']): 'classification' | 'regression' {
  if (choice !== 'auto') return choice;
  const column = getColumn(table, target);
  if (!column || !isNumeric(column) || column.type === 'boolean') return 'classification';
  const values = new Set<number>();
  for (const v of column.values) {
    if (!Number.isInteger(v)) return 'regression';
    values.add(v);
    if (values.size > AUTO_CLASSES) return 'regression';
  }
  return 'classification';
}

/** Crosses apply to exactly two features; with any other number they are ignored (the view says so). */
export function activeCrosses(features: string[], crosses: readonly Cross[]): Cross[] {
  return features.length === 2 ? [...crosses] : [];
}

/**
 * Raw feature columns (one array per feature) to row-major network inputs: each feature
 * standardised with the training statistics, then the crosses of the two standardised features
 * (lib/nn/crosses). Crossing after standardising keeps sin x meaningful whatever the feature's
 * units (sin of an area in thousands of µm² would be noise), and x1·x2 centred.
 */
export function encodeRows(inputs: Pick<NetworkInputs, 'scaling' | 'crosses'>, columns: ArrayLike<number>[], rows: number): Float32Array {
  const { mean, scale } = inputs.scaling;
  const width = columns.length;
  const X = new Float32Array(rows * width);
  for (let i = 0; i < rows; i++) for (let j = 0; j < width; j++) X[i * width + j] = (columns[j][i] - mean[j]) / scale[j];
  return inputs.crosses.length ? expandCrosses(X, rows, inputs.crosses) : X;
}

export function inputWidth(features: number, crosses: readonly Cross[]): number {
  return features + crosses.length;
}

/** The network's inputs and targets on every part present. */
export function networkInputs(options: Pick<NetworkOptions, 'target' | 'features' | 'task' | 'crosses'>, parts: DataParts): NetworkInputs {
  const { target, features } = options;
  const train = parts.train;
  if (train.rowCount < 2) throw new Error('The training part has fewer than 2 rows; a network needs more data to learn from.');
  const kind = taskOf(train, target, options.task);
  const crosses = activeCrosses(features, options.crosses);
  const scaling = columnScaling(featureMatrix(train, features).columns, true);
  const inputNames = features.length === 2 ? crossedNames([features[0], features[1]], crosses) : features;
  const base = { target, features, inputNames, crosses, scaling };
  const data: NetworkInputs['data'] = {};
  const actual: NetworkInputs['actual'] = {};
  const encode = (table: Table) => encodeRows(base, featureMatrix(table, features).columns, table.rowCount);

  if (kind === 'regression') {
    const y = numericTarget(train, target);
    const { mean, scale } = columnScaling([y], true);
    const targetScaling = { mean: mean[0], scale: scale[0] };
    for (const name of PARTS) {
      const table = parts[name];
      if (!table) continue;
      const values = numericTarget(table, target);
      actual[name] = values;
      data[name] = { X: encode(table), y: Float32Array.from(values, (v) => (v - targetScaling.mean) / targetScaling.scale), rows: table.rowCount };
    }
    return { ...base, task: 'regression', classes: [], targetScaling, data, actual };
  }

  const classes = uniqueLabels(labelTarget(train, target));
  if (classes.length < 2) throw new Error(`The target '${target}' has one class in the training part; a classifier needs at least two.`);
  if (classes.length > MAX_CLASSES) {
    throw new Error(`The target '${target}' has ${classes.length} distinct values; for a numeric quantity set Task to regression.`);
  }
  for (const name of PARTS) {
    const table = parts[name];
    if (!table) continue;
    const labels = labelTarget(table, target);
    const unknown = labels.find((l) => !classes.includes(l));
    if (unknown !== undefined) throw new Error(`The ${name} part has the class '${unknown}', which the training part lacks; stratify the split by '${target}'.`);
    actual[name] = labels;
    data[name] = { X: encode(table), y: Float32Array.from(encodeLabels(labels, classes).codes), rows: table.rowCount };
  }
  return { ...base, task: classes.length === 2 ? 'binary' : 'multiclass', classes, data, actual };
}
