// The cells that judge a model (crossval, sweep) read a model cell's output
// and, optionally, another cell's data. This file resolves both: the model
// (or a reason to wait) and the data parts to fit and score on.
import { isModelOutput, type ModelOutput } from '../shared/model';
import { partsFrom, type DataParts } from '../shared/parts';
import { waitingOn, type Waiting } from '../shared/table-input';

/** The model cell's output, or a Waiting message when it has no fitted model yet. */
export function judgedModel(inputs: Record<string, unknown>, modelId: string): ModelOutput | Waiting {
  const output = inputs[modelId];
  const waiting = waitingOn(output);
  if (waiting) return waiting;
  if (isModelOutput(output)) return output;
  if ((output as { needsColumns?: unknown } | undefined)?.needsColumns === true) {
    return { waiting: `The model cell '${modelId}' is waiting for its columns to be chosen.` };
  }
  throw new Error(`'${modelId}' is not a model cell (a regression or classifier cell): there is no model to refit.`);
}

/** The parts to work on: those of `inputId`'s cell when given, else the model's own. */
export function judgedParts(model: ModelOutput, inputs: Record<string, unknown>, inputId: string | undefined): DataParts | Waiting {
  if (inputId === undefined) return model.parts;
  const input = inputs[inputId];
  return waitingOn(input) ?? partsFrom(input, inputId);
}

/** Whether a value is the Waiting message this file may return. */
export function isWaitingResult(value: unknown): value is Waiting {
  return waitingOn(value) !== undefined;
}

/** Lets rendering, input and abort handlers run between fits. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The chosen metric is not among the model's scores: a mistake in the options, not a failed fit. */
export class MissingMetricError extends Error {}

/** One metric out of a model's scores. */
export function readMetric(scores: Record<string, number>, metric: string): number {
  if (!(metric in scores)) throw new MissingMetricError(`The model reports ${Object.keys(scores).join(', ')}; it has no metric '${metric}'.`);
  return scores[metric];
}
