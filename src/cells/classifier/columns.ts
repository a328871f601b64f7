// The classifier cell's options that name columns: its label (target) and features.
import { modelFeatures, type CellRewrite, type KindColumns } from '../shared/retarget';

export const columnOptions: KindColumns = {
  named: (options) => [options.target, ...(Array.isArray(options.features) ? options.features : [])].filter((n): n is string => typeof n === 'string'),
  always: true,
  rewrite(options, choice, data): CellRewrite {
    const problems: string[] = [];
    const whyNot = data.whyNotLabel(choice.target);
    if (whyNot) problems.push(`cannot classify by it: ${whyNot}`);
    const features = modelFeatures(options.features, choice, data);
    if (!features.length) problems.push('no numeric feature is chosen (a classifier needs numbers)');
    return { changes: { target: choice.target, ...(features.length ? { features } : {}) }, problems, notes: [] };
  },
};
