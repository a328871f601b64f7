// The results table's rows and the strip plot's columns, from a finished
// output or from a partial one (the running method counts its folds so far).
import type { CrossvalOutput } from './run';
import type { FoldColumn } from './figure';

export interface ResultRow {
  label: string;
  /** "5", or "120 of 506" while running. */
  fits: string;
  mean: number;
  std: number;
  /** Undefined while running. */
  elapsedMs?: number;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

export function resultRows(output: CrossvalOutput): ResultRow[] {
  const rows: ResultRow[] = output.methods.map((m) => ({ label: m.label, fits: String(m.fits), mean: m.mean, std: m.std, elapsedMs: m.elapsedMs }));
  const running = output.running;
  if (running) rows.push({ label: running.label, fits: `${running.scores.length} of ${running.fits}`, mean: mean(running.scores), std: NaN });
  return rows;
}

export function foldColumns(output: CrossvalOutput): FoldColumn[] {
  const columns: FoldColumn[] = output.methods.map((m) => ({ label: m.label, scores: m.scores, mean: m.mean, std: m.std }));
  if (output.running) columns.push({ label: output.running.label, scores: output.running.scores });
  return columns;
}
