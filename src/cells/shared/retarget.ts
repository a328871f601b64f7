// Re-targeting a notebook: when a dataset cell's data changes (an upload onto
// a lesson), the cells that depend on it are given a new target and new
// features in one go. Each kind says which of its options name columns and
// how a choice rewrites them (src/cells/<kind>/columns.ts); this module
// gathers those into one plan for the whole notebook. Pure: no DOM.
import type { ColumnRole, ColumnRoleInfo } from '../../lib/data/roles';
import { columnRoles, usableAsFeature } from '../../lib/data/roles';
import type { ColumnSummary } from '../../lib/data/summary';
import type { Table } from '../../lib/data/table';
import { MAX_CLASSES } from '../classifier/spec';

/**
 * Choosing a new target that is one of the features: the target leaves the
 * features (a model cannot predict a column from itself). If that would leave
 * no feature, the old target takes its place when it can be a feature.
 */
export function retarget(
  current: { target?: string; features?: string[] },
  target: string,
  featureColumns: string[],
): { target: string; features: string[] | undefined } {
  const features = current.features;
  if (!features?.includes(target)) return { target, features };
  const rest = features.filter((f) => f !== target);
  if (rest.length === 0 && current.target && featureColumns.includes(current.target)) rest.push(current.target);
  return { target, features: rest };
}

/** What the re-targeting needs to know of each column of the new data. */
export interface ColumnFacts extends ColumnRoleInfo {
  /** Numbers (numeric or boolean): what a model can take as a feature. */
  numeric: boolean;
  /** Distinct present values. */
  distinct: number;
}

export function columnFacts(table: Table, summaries: ColumnSummary[]): ColumnFacts[] {
  const roles = columnRoles(table, summaries);
  return summaries.map((s, i) => ({ ...roles[i], numeric: s.type === 'numeric' || s.type === 'boolean', distinct: s.distinct }));
}

/** The reader's answer: one target and the features, for every dependent cell. */
export interface RetargetChoice {
  target: string;
  features: string[];
}

/** The new data, as a kind's rewrite sees it. */
export class RetargetData {
  readonly columns: ColumnFacts[];
  readonly #byName: Map<string, ColumnFacts>;

  constructor(columns: ColumnFacts[]) {
    this.columns = columns;
    this.#byName = new Map(columns.map((c) => [c.name, c]));
  }

  has(name: string): boolean {
    return this.#byName.has(name);
  }

  get(name: string): ColumnFacts | undefined {
    return this.#byName.get(name);
  }

  /** A column a model can take as a number: numeric or boolean, and usable (no identifier, no constant). */
  isNumericFeature(name: string): boolean {
    const c = this.#byName.get(name);
    return Boolean(c && c.numeric && usableAsFeature(c.role));
  }

  /** Why `name` cannot be a classifier's label, or undefined when it can (2 to MAX_CLASSES classes). */
  whyNotLabel(name: string): string | undefined {
    const c = this.#byName.get(name);
    if (!c) return `there is no column '${name}'`;
    if (!usableAsFeature(c.role)) return `'${name}' is ${roleWords[c.role]}`;
    if (c.distinct < 2) return `'${name}' has a single class`;
    if (c.distinct > MAX_CLASSES) return `'${name}' has ${c.distinct} different values; a classifier needs a label with at most ${MAX_CLASSES} classes`;
    return undefined;
  }

  /** Why `name` cannot be a regression's target, or undefined when it can. */
  whyNotNumericTarget(name: string): string | undefined {
    const c = this.#byName.get(name);
    if (!c) return `there is no column '${name}'`;
    if (!usableAsFeature(c.role)) return `'${name}' is ${roleWords[c.role]}`;
    if (!c.numeric) return `'${name}' holds categories, not numbers; a regression needs a numeric target`;
    return undefined;
  }

  /** The chosen features a model can use as numbers, never the target. */
  numericFeatures(choice: RetargetChoice): string[] {
    return choice.features.filter((f) => f !== choice.target && this.isNumericFeature(f));
  }
}

const roleWords: Record<ColumnRole, string> = {
  numeric: 'numeric',
  boolean: 'yes/no',
  categorical: 'categories',
  identifier: 'an identifier (a different value on every row)',
  text: 'free text',
  constant: 'the same value on every row',
  empty: 'empty',
};

/** What a choice does to one cell: the option values to set (undefined: remove the option), and what to tell the reader. */
export interface CellRewrite {
  changes: Record<string, unknown>;
  /** Why the choice does not suit this cell (it will show an error until fixed). */
  problems: string[];
  /** Things done that the reader should know (a stratification dropped). */
  notes: string[];
}

/** A kind's column options: which names they hold, and how a choice rewrites them. */
export interface KindColumns {
  /** Every column name the options mention. */
  named(options: Record<string, unknown>): string[];
  /** Model cells follow the choice even when their columns are still there; other kinds only when they lost one. */
  always?: boolean;
  rewrite(options: Record<string, unknown>, choice: RetargetChoice, data: RetargetData): CellRewrite;
}

export const noRewrite = (): CellRewrite => ({ changes: {}, problems: [], notes: [] });

/**
 * The features a model cell gets: all the chosen numeric ones, except that a
 * cell that used one or two (the lessons' plotted fits) keeps that many, so
 * its plot still has a meaning.
 */
export function modelFeatures(before: unknown, choice: RetargetChoice, data: RetargetData): string[] {
  const all = data.numericFeatures(choice);
  const count = Array.isArray(before) ? before.length : 0;
  return count === 1 || count === 2 ? all.slice(0, count) : all;
}

/** A list of column names kept to the ones the new data has; undefined when none are left (the option's default applies). */
export function keepPresent(names: unknown, data: RetargetData): string[] | undefined {
  if (!Array.isArray(names)) return undefined;
  const kept = names.filter((n): n is string => typeof n === 'string' && data.has(n));
  return kept.length ? kept : undefined;
}

/** A `stratify` option after a re-target: the new target when it is a label, else none. */
export function stratifyFor(options: Record<string, unknown>, choice: RetargetChoice, data: RetargetData): CellRewrite {
  if (typeof options.stratify !== 'string') return noRewrite();
  const why = data.whyNotLabel(choice.target);
  if (!why) return { changes: { stratify: choice.target }, problems: [], notes: [] };
  return { changes: { stratify: undefined }, problems: [], notes: [`no longer stratified (${why})`] };
}
