// From a table and the columns a model cell names to the engine's inputs:
// a column-major feature matrix and a target. Problems a learner can fix
// (a text feature, missing values) are explained, with where to fix them.
import { getColumn, isNumeric, missingCount, type Column, type Table } from '../../lib/data/table';
import type { Matrix } from '../../lib/ml/matrix';
import type { Label } from '../../lib/ml/labels';

function requireColumn(table: Table, name: string, role: string): Column {
  const column = getColumn(table, name);
  if (!column) throw new Error(`The ${role} '${name}' is not a column of the data.`);
  return column;
}

function requireComplete(column: Column, role: string): void {
  const missing = missingCount(column);
  if (missing) {
    throw new Error(
      `The ${role} '${column.name}' has ${missing} missing value${missing === 1 ? '' : 's'}. ` +
        'Drop those rows or impute them in a prepare cell first.',
    );
  }
}

/** The numeric feature columns as a matrix (columns shared, not copied). */
export function featureMatrix(table: Table, features: string[]): Matrix {
  if (!features.length) throw new Error('Choose at least one feature.');
  const columns = features.map((name) => {
    const column = requireColumn(table, name, 'feature');
    if (!isNumeric(column)) {
      throw new Error(
        `The feature '${name}' is ${column.type}, not numeric. One-hot encode it in a prepare cell, or leave it out.`,
      );
    }
    requireComplete(column, 'feature');
    return column.values;
  });
  return { rows: table.rowCount, cols: columns.length, columns };
}

/** A numeric target for regression. */
export function numericTarget(table: Table, target: string): Float64Array {
  const column = requireColumn(table, target, 'target');
  if (!isNumeric(column)) {
    throw new Error(`The target '${target}' is ${column.type}; regression needs a numeric target. Use a classifier cell for labels.`);
  }
  requireComplete(column, 'target');
  return column.values;
}

/** Class labels for classification: strings as they are, numbers as numbers, booleans by their spelling. */
export function labelTarget(table: Table, target: string): Label[] {
  const column = requireColumn(table, target, 'target');
  requireComplete(column, 'target');
  if (!isNumeric(column)) return column.values as string[];
  let labels = labelsOf.get(column.values);
  if (!labels) {
    const spelling = column.type === 'boolean' ? column.labels : undefined;
    labels = spelling ? Array.from(column.values, (v) => (v ? spelling[1] : spelling[0])) : Array.from(column.values);
    labelsOf.set(column.values, labels);
  }
  return labels;
}

// A model cell reads the same target's labels for the fit, for each part's
// scores and again at every threshold move: a million-row column is turned
// into labels once (the values never change; text targets are shared as is).
const labelsOf = new WeakMap<Float64Array, Label[]>();

/** Numeric columns, for feature pickers. */
export function numericColumnNames(table: Table): string[] {
  return table.columns.filter(isNumeric).map((c) => c.name);
}
