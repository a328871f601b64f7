import type { RunContext } from '../../../src/cells/types';

/** A run context for calling a cell's `run` directly in a unit test. */
export function runContext<O>(
  options: unknown,
  inputs: Record<string, unknown> = {},
  extra: Partial<RunContext<O>> = {},
): RunContext<O> & { progressSeen: number[]; partialsSeen: unknown[] } {
  const progressSeen: number[] = [];
  const partialsSeen: unknown[] = [];
  return {
    id: 'cell',
    options: options as O,
    inputs,
    signal: new AbortController().signal,
    progress: (f) => progressSeen.push(f),
    partial: (v) => partialsSeen.push(v),
    progressSeen,
    partialsSeen,
    ...extra,
  };
}
