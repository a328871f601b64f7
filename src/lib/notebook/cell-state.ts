/** What the UI shows for one cell; published by the runtime as immutable snapshots. */

/**
 * - 'idle': up to date (has its output, or never needed to run)
 * - 'queued': will run once its inputs are ready
 * - 'running': its run function is in progress
 * - 'stale': out of date and waiting to be asked (a manual cell, a stopped
 *   cell, or a cell whose input is one of those); keeps its last output
 * - 'error': its run threw, the graph is wrong, or an input has an error
 */
export type CellStatus = 'idle' | 'queued' | 'running' | 'stale' | 'error';

export interface CellState {
  status: CellStatus;
  /** Last successful output; kept while queued, running or stale, absent on error. */
  output?: unknown;
  error?: string;
  /** Completed runs (success or throw); abandoned runs do not count. */
  runs: number;
  lastDurationMs?: number;
}

export const NOT_A_CELL: CellState = Object.freeze({ status: 'idle', runs: 0 });

export function sameState(a: CellState, b: CellState): boolean {
  return (
    a.status === b.status &&
    a.output === b.output &&
    a.error === b.error &&
    a.runs === b.runs &&
    a.lastDurationMs === b.lastDurationMs
  );
}

export function errorMessage(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  return String(thrown);
}
