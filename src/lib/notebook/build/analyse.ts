// What "Build a notebook from this data" can offer for a table: the columns
// that can be a target or a feature (identifiers, free text, constants and
// empty columns never are, and are listed with the reason), a guess at the
// target, the task each target implies, and, for a chosen target and task,
// the reason the data cannot be built into a working notebook, if any.
import type { ColumnRoleInfo } from '../../data/roles';
import type { ColumnSummary } from '../../data/summary';
import { getColumn, isNumeric, type Table } from '../../data/table';
import { count, list } from './words';

/** A column name in a dialog message (plain text, not Markdown). */
const code = (name: string) => `'${name}'`;

export type BuildTask = 'regression' | 'classification';

export interface TargetOption {
  name: string;
  /** The tasks this column can be the target of (a categorical one: classification only). */
  tasks: BuildTask[];
  /** The task inferred from its values. */
  task: BuildTask;
}

export interface BuildAnalysis {
  /** Columns a model can use, in file order. */
  usable: ColumnRoleInfo[];
  /** Columns left out, each with its reason. */
  leftOut: (ColumnRoleInfo & { reason: string })[];
  targets: TargetOption[];
  /** The suggested target (absent when there is none). */
  guess?: string;
  /** Why nothing can be built from this table at all. */
  problem?: string;
}

/** Fewer rows than this leave too few to train on, test on and cross-validate. */
export const MIN_ROWS = 10;
/** Every class needs this many rows to appear in every part and fold. */
export const MIN_CLASS_ROWS = 5;
/** More classes than this is not a classification a linear model can learn from a table like this. */
export const MAX_CLASSES = 20;
/** A numeric target with at most this many distinct whole numbers reads as classes. */
const MAX_NUMERIC_CLASSES = 10;

/** Names that announce the column to predict. */
const targetName = /^(target|label|labels|class|classes|y|price|outcome|result|species|quality|medv|diagnosis|survived|churn|default|response|grade|score)$/i;

/** A column missing on more than this share of rows is left out: its training part could be all gaps, and a fill would be mostly made up. */
export const MAX_MISSING_SHARE = 0.5;

/**
 * The roles as Build uses them: those of roles.ts, with columns that are
 * mostly missing left out too (the dialog and the planner both ask here).
 */
export function buildRoles(summaries: ColumnSummary[], roles: ColumnRoleInfo[]): ColumnRoleInfo[] {
  const byName = new Map(summaries.map((s) => [s.name, s]));
  return roles.map((role) => {
    const s = byName.get(role.name);
    if (role.reason !== undefined || !s || s.missing <= MAX_MISSING_SHARE * (s.count + s.missing)) return role;
    return { ...role, reason: `${s.missing} of its ${s.count + s.missing} values are missing, more than half` };
  });
}

export function analyseForBuild(table: Table, summaries: ColumnSummary[], columnRoles: ColumnRoleInfo[]): BuildAnalysis {
  const roles = buildRoles(summaries, columnRoles);
  const usable = roles.filter((r) => r.reason === undefined);
  const leftOut = roles.filter((r): r is ColumnRoleInfo & { reason: string } => r.reason !== undefined);
  const byName = new Map(summaries.map((s) => [s.name, s]));
  const targets = usable.map((r) => targetOption(table, byName.get(r.name)!));
  const guess = (targets.find((t) => targetName.test(t.name.trim())) ?? targets.at(-1))?.name;
  return { usable, leftOut, targets, guess, problem: tableProblem(table, usable, leftOut) };
}

function targetOption(table: Table, summary: ColumnSummary): TargetOption {
  const column = getColumn(table, summary.name)!;
  if (column.type !== 'numeric') return { name: summary.name, tasks: ['classification'], task: 'classification' };
  return { name: summary.name, tasks: ['regression', 'classification'], task: looksLikeClasses(column.values, summary) ? 'classification' : 'regression' };
}

/** A few distinct whole numbers (0/1, a 1–5 rating) are classes; anything else is a quantity. */
function looksLikeClasses(values: Float64Array, summary: ColumnSummary): boolean {
  if (summary.distinct > MAX_NUMERIC_CLASSES) return false;
  for (const v of values) if (!Number.isNaN(v) && !Number.isInteger(v)) return false;
  return true;
}

function tableProblem(table: Table, usable: ColumnRoleInfo[], leftOut: ColumnRoleInfo[]): string | undefined {
  if (table.rowCount < MIN_ROWS) {
    return `The data has ${count(table.rowCount, 'row')}; a notebook needs at least ${MIN_ROWS}, some to train a model on and some to test it on.`;
  }
  if (table.columns.length < 2) {
    return `The data has a single column, ${code(table.columns[0]?.name ?? '')}: a model needs a column to predict and at least one other to predict it from.`;
  }
  if (usable.length === 0) {
    const allText = leftOut.every((r) => r.role === 'text' || r.role === 'identifier');
    return allText
      ? 'Every column is free text or an identifier, so there is nothing a model can learn from or predict. Use a file with measurements or categories.'
      : 'No column can be predicted or used as a feature: ' + leftOut.map((r) => `${code(r.name)}: ${r.reason}`).join('; ') + '.';
  }
  if (usable.length === 1) {
    return `Only ${code(usable[0].name)} can be used; a model needs it and at least one other usable column (the others: ${list(leftOut.map((r) => `${code(r.name)}, ${r.reason}`))}).`;
  }
  return undefined;
}

/** Why this target and task cannot be built, or undefined when they can. */
export function choiceProblem(table: Table, target: string, task: BuildTask): string | undefined {
  const column = getColumn(table, target);
  if (!column) return `There is no column ${code(target)}.`;
  const labels: (string | number)[] = [];
  for (let row = 0; row < table.rowCount; row++) {
    const v = column.values[row];
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) continue;
    labels.push(v);
  }
  if (labels.length < MIN_ROWS) {
    return `${code(target)} has a value on only ${count(labels.length, 'row')}; a notebook needs at least ${MIN_ROWS} rows with a target.`;
  }
  if (task === 'regression') {
    if (!isNumeric(column) || column.type === 'boolean') return `${code(target)} holds ${column.type} values; regression predicts numbers. Choose classification.`;
    return undefined;
  }
  const counts = new Map<string | number, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  if (counts.size < 2) return `${code(target)} has one class, ${String(labels[0])}, on every row: there is nothing to tell apart. Choose another target.`;
  if (counts.size > MAX_CLASSES) {
    const instead = column.type === 'numeric' ? ' Choose regression to predict it as a number,' : '';
    return `${code(target)} has ${counts.size} different values: too many classes to learn (at most ${MAX_CLASSES}).${instead} or choose another target.`;
  }
  const rare = [...counts].filter(([, n]) => n < MIN_CLASS_ROWS);
  if (rare.length) {
    const which = list(rare.map(([label, n]) => `${String(label)} (${count(n, 'row')})`));
    return `Too few rows of class ${which} in ${code(target)}: every class needs at least ${MIN_CLASS_ROWS} to appear in the training and test parts and in every fold. Merge rare classes in the file, or choose another target.`;
  }
  return undefined;
}
