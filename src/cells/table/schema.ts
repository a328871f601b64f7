import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';

export const tableSchema = z
  .object({
    input: z.string(),
    /** Columns to show; all of them when left out. */
    columns: z.array(z.string()).optional(),
    rows: tunable(z.number().int().min(1).max(1000)).default(10),
  })
  .strict();

export type TableOptions = z.infer<typeof tableSchema>;
