import { z } from 'zod';
import { listOf } from '../../lib/notebook/fields';

export const sqlSchema = z
  .object({
    /** Cells whose tables the query reads, each under its cell id as table name (a split gives its training part). */
    tables: listOf(z.array(z.string().regex(/^[A-Za-z_][\w-]*$/, 'a cell id')).min(1)).meta({ label: 'Tables' }),
    /** Standard SQL (DuckDB's dialect); its result is this cell's table. */
    query: z.string().min(1, 'Write a query, e.g. SELECT * FROM data').meta({ label: 'Query' }),
  })
  .strict();

export type SqlOptions = z.infer<typeof sqlSchema>;
