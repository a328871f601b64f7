// The bootstrap cell: refits a regression cell's model on resamples of its
// training rows (drawn with replacement, seeded) and reports how far each
// coefficient moves, beside its formula standard error and its VIF.
import { takeRows } from '../../lib/data/table';
import { bootstrapSamples, bootstrapSpread } from '../../lib/validation/bootstrap';
import { valueOf } from '../../lib/notebook/controls';
import type { RunContext } from '../types';
import { isModelOutput } from '../shared/model';
import { isWaiting, type Waiting } from '../shared/table-input';
import type { RegressionOutput } from '../regression/run';
import { fitRegressionSpec } from '../regression/spec';
import type { BootstrapOptions } from './schema';
import { nextTask } from '../crossval/judged-model';

export interface TermSpread {
  name: string;
  /** The estimate on all the training rows. */
  estimate: number;
  /** The estimate on every resample. */
  samples: Float64Array;
  mean: number;
  /** Standard deviation of the estimates over the resamples. */
  sd: number;
  /** The usual least-squares standard error, when the model has one (not for penalised fits). */
  standardError?: number | null;
  vif?: number | null;
}

export interface BootstrapOutput {
  terms: TermSpread[];
  resamples: number;
  rows: number;
  /** "least squares" or "L2 penalty, α = 0.1". */
  modelName: string;
}

/** The coefficients of a fit in the order of the model cell's coefficients table (Intercept first). */
function estimatesOf(fit: ReturnType<typeof fitRegressionSpec>): number[] {
  return [...(fit.model.fitIntercept ? [fit.model.intercept] : []), ...fit.model.coefficients];
}

export async function runBootstrap({ options, inputs, signal, progress }: RunContext<BootstrapOptions>): Promise<BootstrapOutput | Waiting> {
  const input = inputs[options.model];
  if (isWaiting(input)) return input;
  if (!isModelOutput(input) || input.task !== 'regression') {
    throw new Error(`The model '${options.model}' is not a regression cell. The bootstrap cell refits a regression's coefficients.`);
  }
  const model = input as RegressionOutput;
  if (model.solver === 'gradient-descent') {
    throw new Error(`The model '${options.model}' is trained by gradient descent; the bootstrap refits the exact solution. Switch its solver to exact.`);
  }
  const train = model.parts.train;
  const samples = bootstrapSamples(train.rowCount, valueOf(options.resamples), options.seed);
  // Yield to the page every few refits, so it stays responsive and the progress bar moves.
  const spread = await bootstrapSpread(samples, (rows) => estimatesOf(fitRegressionSpec(model.spec, takeRows(train, rows))), {
    signal,
    progress: async (fraction) => {
      progress(fraction);
      await nextTask();
    },
  });
  const terms = model.coefficients.map((row, k) => ({
    name: row.name,
    estimate: row.estimate,
    samples: spread.estimates[k],
    mean: spread.mean[k],
    sd: spread.sd[k],
    standardError: row.standardError,
    vif: row.vif,
  }));
  const { penalty, alpha } = model.spec;
  return {
    terms,
    resamples: samples.length,
    rows: train.rowCount,
    modelName: penalty === 'none' ? 'least squares' : `${penalty.toUpperCase()} penalty, α = ${alpha}`,
  };
}
