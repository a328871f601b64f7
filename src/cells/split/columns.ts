// The split cell's option that names a column: the label it stratifies by.
import { stratifyFor, type KindColumns } from '../shared/retarget';

export const columnOptions: KindColumns = {
  named: (options) => (typeof options.stratify === 'string' ? [options.stratify] : []),
  always: true,
  rewrite: stratifyFor,
};
