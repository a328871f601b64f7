// Runs a built notebook's cells in Node, in order, through each kind's own
// schema and run function, as the app's runtime would: the dataset cell's
// output is the table read from the CSV file.
import { readFileSync } from 'node:fs';
import { readCsvText } from '../../../src/lib/data/csv/read';
import { columnRoles } from '../../../src/lib/data/roles';
import { summarise } from '../../../src/lib/data/summary';
import type { Table } from '../../../src/lib/data/table';
import type { Block } from '../../../src/lib/notebook/model';
import { planNotebook, type BuildPlan } from '../../../src/lib/notebook/build/plan';
import { analyseForBuild, type BuildTask } from '../../../src/lib/notebook/build/analyse';
import { runCells } from '../run-cells';

export function readTable(path: string): Table {
  return readCsvText(readFileSync(path)).table;
}

/** Plans a notebook for a CSV file, with the dialog's default target and task unless told. */
export function planFor(path: string, choice: { target?: string; task?: BuildTask } = {}): { plan: BuildPlan; table: Table } {
  const table = readTable(path);
  const summaries = summarise(table);
  const roles = columnRoles(table, summaries);
  const analysis = analyseForBuild(table, summaries, roles);
  const target = choice.target ?? analysis.guess!;
  const task = choice.task ?? analysis.targets.find((t) => t.name === target)!.task;
  const plan = planNotebook({ datasetId: 'data', fileName: path.split('/').pop()!, table, summaries, roles, target, task });
  return { plan, table };
}

/** Every cell's output by id; a cell that throws has its error message instead. */
export function runBlocks(blocks: Block[], table: Table) {
  return runCells(blocks, { data: { table } });
}
