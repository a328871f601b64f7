// Runs a built notebook's cells in Node, in order, through each kind's own
// schema and run function, as the app's runtime would: the dataset cell's
// output is the table read from the CSV file.
import { readFileSync } from 'node:fs';
import { readCsvText } from '../../../src/lib/data/csv/read';
import { columnRoles } from '../../../src/lib/data/roles';
import { summarise } from '../../../src/lib/data/summary';
import type { Table } from '../../../src/lib/data/table';
import type { Block, CellBlock } from '../../../src/lib/notebook/model';
import { planNotebook, type BuildPlan } from '../../../src/lib/notebook/build/plan';
import { analyseForBuild, type BuildTask } from '../../../src/lib/notebook/build/analyse';
import { runPrepare } from '../../../src/cells/prepare/run';
import { prepareSchema } from '../../../src/cells/prepare/schema';
import { runSplit } from '../../../src/cells/split/run';
import { splitSchema } from '../../../src/cells/split/schema';
import { runRegressionCell } from '../../../src/cells/regression/run';
import { regressionSchema } from '../../../src/cells/regression/schema';
import { runClassifierCell } from '../../../src/cells/classifier/run';
import { classifierSchema } from '../../../src/cells/classifier/schema';
import { runBaseline } from '../../../src/cells/baseline/run';
import { baselineSchema } from '../../../src/cells/baseline/schema';
import { runEvaluate } from '../../../src/cells/evaluate/run';
import { evaluateSchema } from '../../../src/cells/evaluate/schema';
import { runCrossval } from '../../../src/cells/crossval/run';
import { crossvalSchema } from '../../../src/cells/crossval/schema';
import { runSweep } from '../../../src/cells/sweep/run';
import { sweepSchema } from '../../../src/cells/sweep/schema';
import { runPlot } from '../../../src/cells/plot/run';
import { plotSchema } from '../../../src/cells/plot/schema';
import { runBootstrap } from '../../../src/cells/bootstrap/run';
import { bootstrapSchema } from '../../../src/cells/bootstrap/schema';
import { runImputation } from '../../../src/cells/imputation/run';
import { imputationSchema } from '../../../src/cells/imputation/schema';
import type { ZodObject, ZodRawShape } from 'zod';
import { runContext } from '../cells/context';

type Run = (ctx: ReturnType<typeof runContext>) => unknown;
export const kinds: Record<string, { schema: ZodObject<ZodRawShape>; run: Run; links: string[] }> = {
  prepare: { schema: prepareSchema, run: runPrepare as Run, links: ['input'] },
  split: { schema: splitSchema, run: runSplit as Run, links: ['input'] },
  regression: { schema: regressionSchema, run: runRegressionCell as Run, links: ['input'] },
  classifier: { schema: classifierSchema, run: runClassifierCell as Run, links: ['input'] },
  baseline: { schema: baselineSchema, run: runBaseline as Run, links: ['input'] },
  evaluate: { schema: evaluateSchema, run: runEvaluate as Run, links: ['input'] },
  crossval: { schema: crossvalSchema, run: runCrossval as Run, links: ['model', 'input'] },
  sweep: { schema: sweepSchema, run: runSweep as Run, links: ['model', 'input'] },
  plot: { schema: plotSchema, run: runPlot as Run, links: ['input'] },
  bootstrap: { schema: bootstrapSchema, run: runBootstrap as Run, links: ['model'] },
  imputation: { schema: imputationSchema, run: runImputation as Run, links: ['input'] },
};

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
export async function runBlocks(blocks: Block[], table: Table): Promise<{ outputs: Record<string, unknown>; errors: Record<string, string> }> {
  const outputs: Record<string, unknown> = { data: { table } };
  const errors: Record<string, string> = {};
  for (const cell of blocks.filter((b): b is CellBlock => b.type === 'cell')) {
    const kind = kinds[cell.kind];
    try {
      const options = kind.schema.parse(cell.options) as Record<string, unknown>;
      const inputs = Object.fromEntries(kind.links.filter((k) => typeof options[k] === 'string').map((k) => [options[k] as string, outputs[options[k] as string]]));
      outputs[cell.id] = await kind.run(runContext(options, inputs));
    } catch (error) {
      errors[cell.id] = error instanceof Error ? error.message : String(error);
    }
  }
  return { outputs, errors };
}
