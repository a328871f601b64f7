import type { ClassLabel } from './classes';
import { axis, baseLayout } from './layout';
import { plural } from './numbers';
import type { Figure } from './types';

export interface ConfusionInput {
  /** Row and column order. */
  labels: readonly ClassLabel[];
  /** matrix[i][j]: rows of true class labels[i] predicted as labels[j]. */
  matrix: readonly (readonly number[])[];
}

/** Each row divided by its total (0 for an empty row): the share of each true class. */
export function rowProportions(matrix: readonly (readonly number[])[]): number[][] {
  return matrix.map((row) => {
    const total = row.reduce((s, v) => s + v, 0);
    return row.map((v) => (total === 0 ? 0 : v / total));
  });
}

/**
 * Confusion matrix as a heatmap: each cell shows its count and its share of the true
 * class (row); the colour follows the share, so classes of different sizes compare.
 * Teaches: which classes the model confuses with which, beyond one accuracy number.
 */
export function confusionMatrixFigure(input: ConfusionInput): Figure {
  const names = input.labels.map(String);
  const shares = rowProportions(input.matrix);
  const text = input.matrix.map((row, i) => row.map((count, j) => `${count}<br>${Math.round(shares[i][j] * 100)}%`));
  const total = input.matrix.flat().reduce((s, v) => s + v, 0);
  const correct = input.matrix.reduce((s, row, i) => s + (row[i] ?? 0), 0);
  return {
    data: [
      {
        type: 'heatmap',
        name: 'confusion',
        x: names,
        y: names,
        z: shares,
        zmin: 0,
        zmax: 1,
        colorscale: 'Blues',
        // plotly's Blues runs dark to light; reversed, a larger share is darker.
        reversescale: true,
        colorbar: { title: { text: 'share of row' } },
        text,
        texttemplate: '%{text}',
        hovertemplate: 'true: %{y}<br>predicted: %{x}<br>%{text}<extra></extra>',
      },
    ],
    layout: baseLayout({
      title: 'Confusion matrix',
      // Predicted classes along the bottom: on top, their axis title collides with the figure title.
      x: axis('predicted class', { type: 'category' }),
      y: axis('true class', { type: 'category', autorange: 'reversed' }),
    }),
    description: `Confusion matrix of ${plural(names.length, 'class', 'classes')}: ${correct} of ${total} rows on the diagonal (correct)`,
  };
}
