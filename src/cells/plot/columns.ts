// The plot cell's options that name columns: its axes, colour and matrix columns.
// A lost axis takes the new target or a chosen feature; a lost colour, the target when it is a label.
import { keepPresent, type CellRewrite, type KindColumns } from '../shared/retarget';

const text = (value: unknown) => (typeof value === 'string' ? [value] : []);

export const columnOptions: KindColumns = {
  named: (options) => [
    ...text(options.x),
    ...text(options.y),
    ...text(options.color),
    ...(Array.isArray(options.columns) ? options.columns.filter((n): n is string => typeof n === 'string') : []),
  ],
  rewrite(options, choice, data): CellRewrite {
    const changes: Record<string, unknown> = {};
    const notes: string[] = [];
    const numeric = data.numericFeatures(choice);
    const targetNumeric = data.isNumericFeature(choice.target);
    const lost = (key: string) => typeof options[key] === 'string' && !data.has(options[key]);
    if (lost('x')) changes.x = numeric[0];
    if (lost('y')) changes.y = targetNumeric ? choice.target : numeric[1] ?? numeric[0];
    if (lost('color')) {
      changes.color = data.whyNotLabel(choice.target) ? undefined : choice.target;
      if (changes.color === undefined) notes.push('points are no longer coloured');
    }
    if (Array.isArray(options.columns)) changes.columns = keepPresent(options.columns, data);
    const problems = (lost('x') && !changes.x) || (lost('y') && !changes.y) ? ['no numeric column is chosen for its axes'] : [];
    return { changes, problems, notes };
  },
};
