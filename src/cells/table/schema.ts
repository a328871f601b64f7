import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';
import { cellLink, columns } from '../../lib/notebook/fields';

export const tableSchema = z
  .object({
    input: cellLink('table', 'Data'),
    /** Columns to show; all of them when left out. */
    columns: columns({ label: 'Columns' }).optional(),
    rows: tunable(z.number().int().min(1).max(1000)).meta({ label: 'Rows' }).default(10),
  })
  .strict();

export type TableOptions = z.infer<typeof tableSchema>;
