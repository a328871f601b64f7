import { axis, baseLayout } from './layout';
import { formatNumber, plural } from './numbers';
import { COLOURS } from './theme';
import type { Figure, TraceSpec } from './types';

/** z for a two-sided 95% normal interval. */
export const Z95 = 1.96;

export interface CoefficientsInput {
  names: readonly string[];
  estimates: ArrayLike<number>;
  /** Standard errors; when given, bars get ± 1.96 SE error bars (95% intervals). */
  standardErrors?: ArrayLike<number>;
  title?: string;
}

/**
 * One bar per coefficient, with a 95% interval (± 1.96 standard errors) when the
 * standard errors are known. Teaches: the size and sign of each feature's effect
 * (on scaled features, comparable), and whether its interval includes zero.
 */
export function coefficientsFigure(input: CoefficientsInput): Figure {
  const estimates = Array.from(input.estimates);
  const halfWidths = input.standardErrors ? Array.from(input.standardErrors, (se) => Z95 * se) : undefined;
  const text = estimates.map((b, i) =>
    halfWidths ? `${formatNumber(b)} (95% CI ${formatNumber(b - halfWidths[i])} to ${formatNumber(b + halfWidths[i])})` : formatNumber(b),
  );
  const bars: TraceSpec = {
    type: 'bar',
    name: 'coefficient',
    x: [...input.names],
    y: estimates,
    marker: { color: estimates.map((b) => (b < 0 ? COLOURS.validation : COLOURS.train)) },
    hovertext: text,
    hovertemplate: '%{x}: %{hovertext}<extra></extra>',
  };
  if (halfWidths) bars.error_y = { type: 'data', array: halfWidths, visible: true, color: COLOURS.text, thickness: 1.5 };
  return {
    data: [bars],
    layout: baseLayout(
      { title: input.title ?? 'Coefficients', x: axis('feature', { type: 'category' }), y: axis('coefficient', { zeroline: true }) },
      { showlegend: false },
    ),
    description: `Bar chart of ${plural(estimates.length, 'coefficient')}${halfWidths ? ' with 95% intervals' : ''}`,
  };
}
