// What each preparation step did, in words and as a small table per step,
// from the engine's reports and the parameters it learned (the fill values,
// fences and scaling numbers the reports do not carry). Shared by the
// prepare view and the split view.
import type { FittedPipeline, FittedStep, StepReport } from '../../lib/data/prepare';
import { formatNumber } from '../shared/format';

export interface StepSummary {
  title: string;
  /** What changed, in one or two sentences. */
  sentence: string;
  /** A small table of the per-column details; no rows when there is nothing per column. */
  headers: string[];
  rows: string[][];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = (names: string[]) => names.join(', ');
const value = (v: number | string) => (typeof v === 'number' ? formatNumber(v) : `"${v}"`);

function added(report: StepReport): string {
  return report.columnsAdded.length ? ` Added ${plural(report.columnsAdded.length, 'column')}: ${list(report.columnsAdded)}.` : '';
}

const STRATEGY_WORDS: Record<string, string> = {
  mean: 'the mean',
  median: 'the median',
  most_frequent: 'the most frequent value',
  constant: 'a constant',
};

function describeStep(step: FittedStep, report: StepReport): StepSummary {
  switch (step.step) {
    case 'drop-missing': {
      const rows = Object.entries(report.byColumn).map(([column, c]) => [column, String(c.missing ?? 0)]);
      return {
        title: 'Missing values: drop rows',
        sentence: `Dropped ${plural(report.rowsDropped, 'row')} with a missing value, of ${report.rowsBefore}; ${report.rowsAfter} left.`,
        headers: ['Column', 'Missing'],
        rows,
      };
    }
    case 'impute': {
      const { strategy, fills } = step.params;
      return {
        title: `Missing values: fill with ${STRATEGY_WORDS[strategy]}`,
        sentence: `Filled ${plural(report.valuesFilled, 'missing value')} with ${STRATEGY_WORDS[strategy]} of each column.${added(report)}`,
        headers: ['Column', 'Filled', 'Fill value'],
        // Only the columns that had gaps: a fill value for a complete column changes nothing here.
        rows: fills
          .filter((f) => report.byColumn[f.column]?.valuesFilled)
          .map((f) => [f.column, String(report.byColumn[f.column].valuesFilled), value(f.value)]),
      };
    }
    case 'outliers': {
      const { method, action, fences } = step.params;
      const found = report.outliersFound;
      const done = {
        flag: `flagged them in new columns.${added(report)}`,
        clip: `clipped ${plural(report.valuesClipped, 'value')} to the fences.`,
        remove: `removed the ${plural(report.rowsDropped, 'row')} that held them; ${report.rowsAfter} left.`,
      }[action];
      return {
        title: `Outliers: ${method === 'iqr' ? 'IQR' : 'z-score'} fences, ${action}`,
        sentence: found ? `Found ${plural(found, 'value')} outside the fences; ${done}` : 'No value lies outside the fences.',
        headers: ['Column', 'Low fence', 'High fence', 'Outliers'],
        rows: fences.map((f) => [f.column, formatNumber(f.low), formatNumber(f.high), String(report.byColumn[f.column]?.outliersFound ?? 0)]),
      };
    }
    case 'one-hot': {
      const extra = [
        report.missingEncoded ? ` ${plural(report.missingEncoded, 'missing value')} encoded as all zeros.` : '',
        report.unseenLevels ? ` ${plural(report.unseenLevels, 'value')} of a category not seen when fitting encoded as all zeros.` : '',
      ].join('');
      return {
        title: 'One-hot encoding',
        sentence: `Replaced ${list(report.columnsRemoved)} with ${plural(report.columnsAdded.length, '0/1 column')}.${extra}`,
        headers: ['Column', 'Categories', 'New columns'],
        rows: step.params.encodings.map((e) => [e.column, list(e.levels), list(e.outputs)]),
      };
    }
    case 'scale': {
      const standard = step.params.method === 'standard';
      return {
        title: standard ? 'Scaling: standardise' : 'Scaling: min–max',
        sentence: standard
          ? `Each of ${plural(step.params.parameters.length, 'column')} now has mean 0 and standard deviation 1: (x − mean) / std.`
          : `Each of ${plural(step.params.parameters.length, 'column')} now spans 0 to 1: (x − min) / (max − min).`,
        headers: ['Column', standard ? 'Mean' : 'Min', standard ? 'Std' : 'Range'],
        rows: step.params.parameters.map((p) => [p.column, formatNumber(p.shift), formatNumber(p.divisor)]),
      };
    }
    case 'shuffle':
      return { title: 'Shuffle', sentence: `Shuffled the ${report.rowsAfter} rows with seed ${step.seed}.`, headers: [], rows: [] };
  }
}

export function describeSteps(fitted: FittedPipeline, reports: StepReport[]): StepSummary[] {
  return fitted.steps.map((step, i) => describeStep(step, reports[i]));
}

/** One line per part for a split: "12 values filled, 3 outliers clipped, 2 rows dropped". */
export function briefly(reports: StepReport[]): string {
  const total = (key: 'valuesFilled' | 'outliersFound' | 'valuesClipped' | 'rowsDropped') => reports.reduce((s, r) => s + r[key], 0);
  const parts = [
    total('valuesFilled') && plural(total('valuesFilled'), 'value') + ' filled',
    total('outliersFound') && plural(total('outliersFound'), 'outlier') + ' found',
    total('valuesClipped') && plural(total('valuesClipped'), 'value') + ' clipped',
    total('rowsDropped') && plural(total('rowsDropped'), 'row') + ' dropped',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'nothing to change';
}
