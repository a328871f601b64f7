// Runs notebook cells in Node, in order, through each kind's own schema and
// run function, as the app's runtime would (without the DOM, the worker or
// the reactive graph). Dataset cells are the caller's business: it passes
// their outputs in, since reading a file is what differs between callers.
import type { ZodObject, ZodRawShape } from 'zod';
import type { Block, CellBlock } from '../../src/lib/notebook/model';
import { runPrepare } from '../../src/cells/prepare/run';
import { prepareSchema } from '../../src/cells/prepare/schema';
import { runSplit } from '../../src/cells/split/run';
import { splitSchema } from '../../src/cells/split/schema';
import { runRegressionCell } from '../../src/cells/regression/run';
import { regressionSchema } from '../../src/cells/regression/schema';
import { runClassifierCell } from '../../src/cells/classifier/run';
import { classifierSchema } from '../../src/cells/classifier/schema';
import { runBaseline } from '../../src/cells/baseline/run';
import { baselineSchema } from '../../src/cells/baseline/schema';
import { runEvaluateCell } from '../../src/cells/evaluate/run';
import { evaluateSchema } from '../../src/cells/evaluate/schema';
import { runCrossval } from '../../src/cells/crossval/run';
import { crossvalSchema } from '../../src/cells/crossval/schema';
import { runSweep } from '../../src/cells/sweep/run';
import { sweepSchema } from '../../src/cells/sweep/schema';
import { runPlot } from '../../src/cells/plot/run';
import { plotSchema } from '../../src/cells/plot/schema';
import { runTable } from '../../src/cells/table/run';
import { tableSchema } from '../../src/cells/table/schema';
import { runBootstrap } from '../../src/cells/bootstrap/run';
import { bootstrapSchema } from '../../src/cells/bootstrap/schema';
import { runImputation } from '../../src/cells/imputation/run';
import { imputationSchema } from '../../src/cells/imputation/schema';
import { runKMeans } from '../../src/cells/kmeans/run';
import { kmeansSchema } from '../../src/cells/kmeans/schema';
import { runStream } from '../../src/cells/stream/run';
import { streamSchema } from '../../src/cells/stream/schema';
import { runSql } from '../../src/cells/sql/run';
import { sqlSchema } from '../../src/cells/sql/schema';
import { setSqlEngineLoader } from '../../src/lib/sql/engine';
import { nodeSqlEngine } from '../node-sql-engine';
import { runSearch } from '../../src/cells/search/run';
import { searchSchema } from '../../src/cells/search/schema';
import { runNetworkCell } from '../../src/cells/network/run';
import { networkSchema } from '../../src/cells/network/schema';
import { runContext } from './cells/context';

setSqlEngineLoader(nodeSqlEngine);

type Run = (ctx: ReturnType<typeof runContext>) => unknown;

/** The kinds that run without a browser, with the options that name their input cells. */
export const nodeKinds: Record<string, { schema: ZodObject<ZodRawShape>; run: Run; links: string[] }> = {
  table: { schema: tableSchema, run: runTable as Run, links: ['input'] },
  prepare: { schema: prepareSchema, run: runPrepare as Run, links: ['input'] },
  split: { schema: splitSchema, run: runSplit as Run, links: ['input'] },
  regression: { schema: regressionSchema, run: runRegressionCell as Run, links: ['input'] },
  classifier: { schema: classifierSchema, run: runClassifierCell as Run, links: ['input'] },
  network: { schema: networkSchema, run: runNetworkCell as Run, links: ['input'] },
  baseline: { schema: baselineSchema, run: runBaseline as Run, links: ['input'] },
  evaluate: { schema: evaluateSchema, run: runEvaluateCell as Run, links: ['input'] },
  crossval: { schema: crossvalSchema, run: runCrossval as Run, links: ['model', 'input'] },
  sweep: { schema: sweepSchema, run: runSweep as Run, links: ['model', 'input'] },
  plot: { schema: plotSchema, run: runPlot as Run, links: ['input'] },
  bootstrap: { schema: bootstrapSchema, run: runBootstrap as Run, links: ['model'] },
  imputation: { schema: imputationSchema, run: runImputation as Run, links: ['input'] },
  kmeans: { schema: kmeansSchema, run: runKMeans as Run, links: ['input'] },
  stream: { schema: streamSchema, run: runStream as Run, links: [] },
  sql: { schema: sqlSchema, run: runSql as Run, links: ['tables'] },
  search: { schema: searchSchema, run: runSearch as Run, links: ['model', 'input'] },
};

export interface CellResults {
  /** Every cell's output by id (the given ones included). */
  outputs: Record<string, unknown>;
  /** A cell that threw, or whose kind cannot run in Node, has its message here instead. */
  errors: Record<string, string>;
}

/** Runs the cell blocks in order; `given` holds outputs already known (the dataset cells'). */
export async function runCells(blocks: Block[], given: Record<string, unknown>): Promise<CellResults> {
  const outputs: Record<string, unknown> = { ...given };
  const errors: Record<string, string> = {};
  for (const cell of blocks.filter((b): b is CellBlock => b.type === 'cell')) {
    if (cell.id in given) continue;
    const kind = nodeKinds[cell.kind];
    if (!kind) {
      errors[cell.id] = `The ${cell.kind} kind does not run in Node.`;
      continue;
    }
    try {
      const options = kind.schema.parse(cell.options) as Record<string, unknown>;
      const named = kind.links.flatMap((k) => (typeof options[k] === 'string' ? [options[k]] : Array.isArray(options[k]) ? (options[k] as string[]) : []));
      const inputs = Object.fromEntries(named.map((id) => [id, outputs[id]]));
      outputs[cell.id] = await kind.run(runContext(options, inputs));
    } catch (error) {
      errors[cell.id] = error instanceof Error ? error.message : String(error);
    }
  }
  return { outputs, errors };
}
