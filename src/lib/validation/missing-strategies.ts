// Which way of handling missing values gives the better model? Each strategy
// is learned on the training rows only (the fill values, which rows to keep),
// applied unchanged to the test rows, and judged by the same downstream model
// (least squares) on the test rows: the only fair score for a preparation
// step is the error of the model that uses it.
import { applyImpute, dropMissing, fitImpute, INDICATOR_SUFFIX } from '../data/prepare';
import { getColumn, isNumeric, type Table } from '../data/table';
import { fitLinear, predictLinear } from '../ml/linear';
import { regressionMetrics, type RegressionMetrics } from '../ml/metrics';
import type { Matrix } from '../ml/matrix';

export const MISSING_STRATEGIES = ['drop', 'mean', 'median', 'mean-indicator', 'median-indicator'] as const;
export type MissingStrategy = (typeof MISSING_STRATEGIES)[number];

export const STRATEGY_LABELS: Record<MissingStrategy, string> = {
  drop: 'Drop rows with gaps',
  mean: 'Fill with the mean',
  median: 'Fill with the median',
  'mean-indicator': 'Mean + indicator columns',
  'median-indicator': 'Median + indicator columns',
};

/** Short names, for a chart's axis. */
export const STRATEGY_SHORT_LABELS: Record<MissingStrategy, string> = {
  drop: 'drop',
  mean: 'mean',
  median: 'median',
  'mean-indicator': 'mean + ind.',
  'median-indicator': 'median + ind.',
};

export interface StrategyScore {
  strategy: MissingStrategy;
  label: string;
  /** Training rows the model was fitted on (fewer than the training part for 'drop'). */
  trainRows: number;
  /** Test rows the model could predict (rows with a gap cannot be, with 'drop'). */
  testRows: number;
  testRowsLeftOut: number;
  /** Columns the model used: the features, plus indicators. */
  columns: string[];
  train: RegressionMetrics;
  test: RegressionMetrics;
  coefficients: number[];
  intercept: number;
}

function matrixOf(table: Table, names: string[]): Matrix {
  const columns = names.map((name) => {
    const column = getColumn(table, name);
    if (!column || !isNumeric(column)) throw new Error(`The feature '${name}' is not a numeric column.`);
    return column.values;
  });
  return { rows: table.rowCount, cols: names.length, columns };
}

/** The training and test tables after a strategy learned on the training rows, and the model's columns. */
function prepared(strategy: MissingStrategy, train: Table, test: Table, features: string[]) {
  if (strategy === 'drop') {
    return { train: dropMissing(train, { columns: features }).table, test: dropMissing(test, { columns: features }).table, columns: features };
  }
  const [fill, indicator] = strategy.split('-') as ['mean' | 'median', string | undefined];
  const params = fitImpute(train, { strategy: fill, columns: features, indicator: indicator !== undefined });
  const indicators = params.fills.filter((f) => f.indicator).map((f) => `${f.column}${INDICATOR_SUFFIX}`);
  return { train: applyImpute(train, params).table, test: applyImpute(test, params).table, columns: [...features, ...indicators] };
}

/**
 * Fits least squares of `target` on `features` after each strategy and
 * scores it on the training and test rows. Rows whose target is missing are
 * left out of both parts first, whatever the strategy: a row without a label
 * can neither teach nor judge.
 */
export function compareMissingStrategies(
  train: Table,
  test: Table,
  target: string,
  features: string[],
  strategies: readonly MissingStrategy[] = MISSING_STRATEGIES,
): StrategyScore[] {
  const labelled = (table: Table) => dropMissing(table, { columns: [target] }).table;
  const [trainRows, testRows] = [labelled(train), labelled(test)];
  return strategies.map((strategy) => {
    const parts = prepared(strategy, trainRows, testRows, features);
    if (parts.train.rowCount <= parts.columns.length) {
      throw new Error(`'${STRATEGY_LABELS[strategy]}' leaves ${parts.train.rowCount} training rows for ${parts.columns.length} features: too few to fit.`);
    }
    const y = (table: Table) => matrixOf(table, [target]).columns[0];
    const fit = fitLinear(matrixOf(parts.train, parts.columns), y(parts.train), { featureNames: parts.columns, targetName: target });
    const score = (table: Table) => regressionMetrics(y(table), predictLinear(fit.model, matrixOf(table, parts.columns)));
    return {
      strategy,
      label: STRATEGY_LABELS[strategy],
      trainRows: parts.train.rowCount,
      testRows: parts.test.rowCount,
      testRowsLeftOut: testRows.rowCount - parts.test.rowCount,
      columns: parts.columns,
      train: score(parts.train),
      test: score(parts.test),
      coefficients: Array.from(fit.model.coefficients),
      intercept: fit.model.intercept,
    };
  });
}
