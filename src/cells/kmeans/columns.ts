// The kmeans cell's options that name columns: its features, the plot's axes
// and the label it is compared with. Lost features are dropped (the rest
// still cluster); lost axes fall back to the first features.
import { keepPresent, type CellRewrite, type KindColumns } from '../shared/retarget';

const text = (value: unknown) => (typeof value === 'string' ? [value] : []);

export const columnOptions: KindColumns = {
  named: (options) => [
    ...(Array.isArray(options.features) ? options.features.filter((n): n is string => typeof n === 'string') : []),
    ...text(options.x),
    ...text(options.y),
    ...text(options.compare),
  ],
  rewrite(options, choice, data): CellRewrite {
    const features = keepPresent(options.features, data) ?? [];
    const chosen = features.length ? features : data.numericFeatures(choice).slice(0, 2);
    const lost = (key: string) => typeof options[key] === 'string' && !data.has(options[key]);
    const changes: Record<string, unknown> = { features: chosen };
    if (lost('x')) changes.x = undefined;
    if (lost('y')) changes.y = undefined;
    const notes: string[] = [];
    if (lost('compare')) {
      changes.compare = data.whyNotLabel(choice.target) ? undefined : choice.target;
      if (changes.compare === undefined) notes.push('the clusters are no longer compared with a label');
    }
    return { changes, problems: chosen.length ? [] : ['no numeric column is left to cluster by'], notes };
  },
};
