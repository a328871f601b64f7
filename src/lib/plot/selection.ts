import type { SelectedPoint } from './plotly-bundle';

/**
 * The data rows behind a plotly selection, sorted and without repeats.
 *
 * Builders store each point's row index in `customdata` (a trace per class holds a
 * subset of the rows, so plotly's own point index is not the row); points without
 * it fall back to their index in the trace.
 */
export function rowsOfSelection(points: readonly SelectedPoint[]): number[] {
  const rows = new Set<number>();
  for (const point of points) {
    const row = typeof point.customdata === 'number' ? point.customdata : (point.pointIndex ?? point.pointNumber);
    if (typeof row === 'number' && Number.isInteger(row)) rows.add(row);
  }
  return [...rows].sort((a, b) => a - b);
}
