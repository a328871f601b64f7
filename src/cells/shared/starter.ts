// Options for a cell the reader adds in the app: linked to the nearest cell
// above that it can read, with columns picked from that cell's table so the
// new cell runs at once. Identifiers and free text are never picked.
import type { ColumnRoleInfo } from '../../lib/data/roles';
import type { StarterInput } from '../types';

/** Features a new model starts with, at most (the reader adds more in the form). */
const MAX_FEATURES = 8;

const isNumber = (c: ColumnRoleInfo) => c.role === 'numeric' || c.role === 'boolean';
const isClass = (c: ColumnRoleInfo) => c.role === 'categorical' || c.role === 'boolean';

/** `{input: id}`, or nothing when there is no cell above to read. */
export function linkTo(input: StarterInput | undefined, key: 'input' | 'model' = 'input'): Record<string, unknown> {
  return input ? { [key]: input.id } : {};
}

/**
 * A target and features for a new model cell: the last column that fits as a
 * target (a number for regression, a class for a classifier), and the
 * numeric columns before it as features.
 */
export function starterModel(input: StarterInput | undefined, task: 'regression' | 'classification'): Record<string, unknown> {
  const options = linkTo(input);
  const columns = input?.columns ?? [];
  const targets = columns.filter(task === 'regression' ? isNumber : isClass);
  const target = targets.at(-1) ?? (task === 'classification' ? columns.filter(isNumber).at(-1) : undefined);
  if (!target) return options;
  const features = columns.filter((c) => c.name !== target.name && isNumber(c)).slice(0, MAX_FEATURES);
  if (features.length === 0) return options;
  return { ...options, target: target.name, features: features.map((c) => c.name) };
}

/** The first two numeric columns as a scatter plot's axes. */
export function starterScatter(input: StarterInput | undefined): Record<string, unknown> {
  const numeric = (input?.columns ?? []).filter(isNumber);
  const axes = numeric.length >= 2 ? { x: numeric[0].name, y: numeric[1].name } : {};
  return { ...linkTo(input), kind: 'scatter', ...axes };
}
