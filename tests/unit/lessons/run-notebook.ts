// Runs a shipped notebook (notebooks/*.md) in Node with its default options:
// dataset cells read their shipped CSV from the repository (generated ones
// run the cell), every other cell
// runs through its kind's schema and run function (tests/unit/run-cells.ts).
import { readFileSync } from 'node:fs';
import { readCsvText } from '../../../src/lib/data/csv/read';
import { summarise } from '../../../src/lib/data/summary';
import { datasetSchema, delimiterNames, GENERATED } from '../../../src/cells/dataset/schema';
import { runDataset } from '../../../src/cells/dataset/run';
import { runContext } from '../cells/context';
import { parseNotebook, schemasOf, type OptionSchemas } from '../../../src/lib/notebook/format';
import { cellsOf, type Notebook } from '../../../src/lib/notebook/model';
import { nodeKinds, runCells, type CellResults } from '../run-cells';

const schemas: OptionSchemas = { ...schemasOf(nodeKinds), ...schemasOf({ dataset: { schema: datasetSchema } }) };

/** The notebook as the app parses it; format errors fail loudly. */
export function readNotebook(path: string): Notebook {
  const notebook = parseNotebook(readFileSync(path, 'utf8'), schemas);
  const problems = [...notebook.errors, ...cellsOf(notebook).flatMap((c) => c.errors)];
  if (problems.length > 0) throw new Error(`${path}: ${problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
  return notebook;
}

/**
 * Every cell's output (or error) with the notebook's default options; `edit`
 * may change options first, and `uploads` gives dataset cells an uploaded
 * file's output instead of their shipped source.
 */
export async function runNotebook(path: string, edit?: (notebook: Notebook) => void, uploads: Record<string, unknown> = {}): Promise<CellResults> {
  const notebook = readNotebook(path);
  edit?.(notebook);
  const given: Record<string, unknown> = { ...uploads };
  for (const cell of cellsOf(notebook).filter((c) => c.kind === 'dataset' && !(c.id in uploads))) {
    const options = datasetSchema.parse(cell.options);
    if (!options.source) {
      given[cell.id] = { waiting: 'Upload a CSV file.' }; // as the app's empty dataset cell
      continue;
    }
    if (options.source === GENERATED) {
      given[cell.id] = await runDataset(runContext(options)); // generated points: the cell's own run, no file
      continue;
    }
    const { table } = readCsvText(readFileSync(options.source), { delimiter: delimiterNames[options.delimiter] });
    given[cell.id] = { table, summaries: summarise(table) };
  }
  return runCells(notebook.blocks, given);
}
