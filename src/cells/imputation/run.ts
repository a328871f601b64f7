// The imputation cell: compares ways of handling missing values by the test
// error of the same least-squares model fitted after each (see
// lib/validation/missing-strategies.ts).
import type { RunContext } from '../types';
import { missingColumns, waitingOn, type ColumnChoice, type Waiting } from '../shared/table-input';
import { partsFrom } from '../shared/parts';
import { getColumn, isMissing } from '../../lib/data/table';
import { compareMissingStrategies, type StrategyScore } from '../../lib/validation/missing-strategies';
import type { ImputationOptions } from './schema';

export interface ImputationOutput {
  scores: StrategyScore[];
  /** Gaps per feature in the training part, for the reader. */
  gaps: { column: string; missing: number }[];
  trainRows: number;
  testRows: number;
  /** Index of the strategy with the lowest test RMSE. */
  best: number;
}

export function runImputation({ options, inputs }: RunContext<ImputationOptions>): ImputationOutput | Waiting | ColumnChoice {
  const input = inputs[options.input];
  const waiting = waitingOn(input);
  if (waiting) return waiting;
  const parts = partsFrom(input, options.input);
  if (!parts.test) {
    throw new Error(`'${options.input}' has no test part. Compare the strategies on a split cell with a test part, so each is judged on rows it did not learn from.`);
  }
  const choice = missingColumns(parts.train, [options.target, ...options.features]);
  if (choice) return choice;
  const scores = compareMissingStrategies(parts.train, parts.test, options.target, options.features, options.strategies);
  const gaps = options.features
    .map((name) => {
      const column = getColumn(parts.train, name)!;
      let missing = 0;
      for (let row = 0; row < parts.train.rowCount; row++) if (isMissing(column, row)) missing++;
      return { column: name, missing };
    })
    .filter((g) => g.missing > 0);
  const best = scores.reduce((b, s, i) => (s.test.rmse < scores[b].test.rmse ? i : b), 0);
  return { scores, gaps, trainRows: parts.train.rowCount, testRows: parts.test.rowCount, best };
}
