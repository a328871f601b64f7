// The cross-validation cell's option that names a column: the label its folds are stratified by.
import { stratifyFor, type KindColumns } from '../shared/retarget';

export const columnOptions: KindColumns = {
  named: (options) => (typeof options.stratify === 'string' ? [options.stratify] : []),
  always: true,
  rewrite: stratifyFor,
};
