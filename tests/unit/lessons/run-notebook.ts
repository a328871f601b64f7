// Runs a shipped notebook's cells in Node, in order, through each kind's own
// schema and run function (as the app's runtime would), so a lesson's test
// can check the numbers its default state shows. Dataset cells read their
// shipped CSV from disk (generated ones run the cell); kinds with nothing to compute (table) are skipped.
import { readFileSync } from 'node:fs';
import { parseNotebook, schemasOf } from '../../../src/lib/notebook/format';
import type { CellBlock } from '../../../src/lib/notebook/model';
import { datasetSchema, GENERATED } from '../../../src/cells/dataset/schema';
import { runDataset } from '../../../src/cells/dataset/run';
import { tableSchema } from '../../../src/cells/table/schema';
import { runContext } from '../cells/context';
import { kinds, readTable } from '../build/run-built';

export interface NotebookRun {
  outputs: Record<string, unknown>;
  /** Cells whose options did not parse or whose run threw, with the message. */
  errors: Record<string, string>;
  cells: CellBlock[];
}

export async function runNotebook(path: string): Promise<NotebookRun> {
  const schemas = schemasOf({ ...kinds, dataset: { schema: datasetSchema }, table: { schema: tableSchema } });
  const notebook = parseNotebook(readFileSync(path, 'utf8'), schemas);
  const cells = notebook.blocks.filter((b): b is CellBlock => b.type === 'cell');
  const outputs: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const cell of cells) {
    try {
      if (cell.errors.length) throw new Error(cell.errors.map((e) => `line ${e.line}: ${e.message}`).join('; '));
      if (cell.kind === 'dataset') {
        const options = datasetSchema.parse(cell.options);
        // Generated points come from the cell's own run; a shipped CSV is read from disk.
        outputs[cell.id] = options.source === GENERATED ? await runDataset(runContext(options)) : { table: readTable(String(options.source)) };
        continue;
      }
      const kind = kinds[cell.kind];
      if (!kind) continue;
      const options = kind.schema.parse(cell.options) as Record<string, unknown>;
      const inputs = Object.fromEntries(kind.links.filter((k) => typeof options[k] === 'string').map((k) => [options[k] as string, outputs[options[k] as string]]));
      outputs[cell.id] = await kind.run(runContext(options, inputs));
    } catch (error) {
      errors[cell.id] = error instanceof Error ? error.message : String(error);
    }
  }
  return { outputs, errors, cells };
}
