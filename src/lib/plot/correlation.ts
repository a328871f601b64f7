import { axis, baseLayout } from './layout';
import { formatNumber } from './numbers';
import { COLOURS } from './theme';
import type { Figure } from './types';

export interface CorrelationInput {
  /** Pearson r of each column with the target, strongest first. */
  correlations: { name: string; r: number }[];
  target: string;
}

/**
 * Pearson correlation of every column with the target as horizontal bars,
 * strongest at the top, coloured by sign. Teaches: which single columns go
 * with the target, and in which direction (it says nothing about columns
 * that matter only together, or in a curve).
 */
export function correlationFigure(input: CorrelationInput): Figure {
  // plotly draws the first category at the bottom: reverse so the strongest is on top.
  const rows = [...input.correlations].reverse();
  const strongest = input.correlations[0];
  const title = `Correlation with ${input.target}`;
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        name: `r with ${input.target}`,
        x: rows.map((c) => c.r),
        y: rows.map((c) => c.name),
        marker: { color: rows.map((c) => (c.r >= 0 ? COLOURS.data : COLOURS.fit)) },
        hovertemplate: `%{y}: r = %{x:.3f}<extra></extra>`,
        showlegend: false,
      },
    ],
    layout: baseLayout({ title, x: axis(`Pearson r with ${input.target}`, { range: [-1, 1] }), y: axis('', { type: 'category', automargin: true }) }),
    description: `${title} for ${input.correlations.length} columns${strongest ? `; the strongest is ${strongest.name} (r = ${formatNumber(strongest.r)})` : ''}`,
  };
}
