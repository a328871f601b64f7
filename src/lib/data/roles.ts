// What a column can be in a model: a feature (numeric, boolean or
// categorical), or something no model should be given, however its values
// were read: an identifier (a distinct value on every row, such as
// `Sample ID`), free text, or a constant. The "Build a notebook" dialog, the
// column pickers and the re-targeting dialog all ask this one module.
import type { ColumnSummary } from './summary';
import { getColumn, isNumeric, type Table } from './table';

export type ColumnRole = 'numeric' | 'boolean' | 'categorical' | 'identifier' | 'text' | 'constant' | 'empty';

export interface ColumnRoleInfo {
  name: string;
  role: ColumnRole;
  /** Why the column cannot be a feature or target, in the reader's words; absent for usable columns. */
  reason?: string;
}

/** Names that announce an identifier: id, key, index, code, No., #… as a word of the name. */
const idLikeName = /(^|[^a-z])(id|ids|key|index|idx|uuid|guid|code|no|num|number|row|#)([^a-z]|$)/i;
/** camelCase identifiers: userId, sampleID (case-sensitive, so "valid" is not one). */
const camelIdName = /[a-z](Id|ID)$/;

/** Fewer rows than this and "a distinct value on every row" says nothing. */
const MIN_ROWS_FOR_IDENTIFIER = 10;

/**
 * The role of every column, from the table and its summaries (the ones the
 * dataset cell already computed; pass them to avoid a second pass).
 */
export function columnRoles(table: Table, summaries: ColumnSummary[]): ColumnRoleInfo[] {
  return summaries.map((summary) => ({ name: summary.name, ...roleOf(table, summary) }));
}

function roleOf(table: Table, s: ColumnSummary): { role: ColumnRole; reason?: string } {
  if (s.count === 0) return { role: 'empty', reason: 'every value is missing' };
  if (s.distinct === 1) return { role: 'constant', reason: 'it holds one value on every row, so it cannot tell rows apart' };
  const everyRowDistinct = s.distinct === s.count && s.count >= MIN_ROWS_FOR_IDENTIFIER && s.missing === 0;
  if (s.type === 'text' || s.type === 'categorical') {
    if (everyRowDistinct) return { role: 'identifier', reason: 'a different value on every row: an identifier, not a measurement' };
    if (s.type === 'text') return { role: 'text', reason: 'free text (too many different values to be a category)' };
    return { role: 'categorical' };
  }
  if (s.type === 'boolean') return { role: 'boolean' };
  if (everyRowDistinct && looksLikeNumericId(table, s)) {
    return { role: 'identifier', reason: 'whole numbers, a different one on every row: a row number or identifier' };
  }
  return { role: 'numeric' };
}

/**
 * A numeric column with a distinct whole number on every row is an
 * identifier when its name says so, or when it is the row number itself
 * (0, 1, 2… or 1, 2, 3… in file order). A continuous measurement, or a run
 * of years, also has a distinct value per row, so distinctness alone does
 * not decide.
 */
function looksLikeNumericId(table: Table, s: ColumnSummary): boolean {
  const column = getColumn(table, s.name);
  if (!column || !isNumeric(column)) return false;
  const values = column.values;
  for (let i = 0; i < values.length; i++) if (!Number.isInteger(values[i])) return false;
  if (idLikeName.test(s.name) || camelIdName.test(s.name)) return true;
  const start = values[0];
  if (start !== 0 && start !== 1) return false;
  for (let i = 1; i < values.length; i++) if (values[i] !== start + i) return false;
  return true;
}

/** Roles a model may take as a feature (an identifier, free text, a constant or an empty column never). */
export function usableAsFeature(role: ColumnRole): boolean {
  return role === 'numeric' || role === 'boolean' || role === 'categorical';
}

/** The names of the columns that can be features (or a target), in the table's order. */
export function usableColumns(roles: readonly ColumnRoleInfo[]): string[] {
  return roles.filter((info) => usableAsFeature(info.role)).map((info) => info.name);
}

/** The columns that cannot be features, with why (for a dialog or a picker's note). */
export function unusableColumns(roles: readonly ColumnRoleInfo[]): ColumnRoleInfo[] {
  return roles.filter((info) => !usableAsFeature(info.role));
}
