// The table cell's option that names columns: the ones it shows.
import { keepPresent, type KindColumns } from '../shared/retarget';

export const columnOptions: KindColumns = {
  named: (options) => (Array.isArray(options.columns) ? options.columns.filter((n): n is string => typeof n === 'string') : []),
  rewrite: (options, _choice, data) => ({ changes: { columns: keepPresent(options.columns, data) }, problems: [], notes: [] }),
};
