import { axis, baseLayout, lineShape, scatterType } from './layout';
import { COLOURS } from './theme';
import type { Figure, TraceSpec } from './types';

export interface BootstrapInput {
  terms: { name: string; estimate: number; samples: ArrayLike<number>; sd: number }[];
  title: string;
}

/** A spread of offsets in [-0.3, 0.3] that looks random but is the same every time (golden-ratio steps). */
function jitter(i: number): number {
  return (((i * 0.6180339887498949) % 1) - 0.5) * 0.6;
}

/**
 * Each coefficient's estimates over the bootstrap resamples, as a column of
 * dots (a strip plot), with the estimate on all rows marked. Teaches: a wide
 * column is a coefficient the data cannot pin down; correlated features have
 * wide columns, and a penalty narrows them.
 */
export function bootstrapFigure(input: BootstrapInput): Figure {
  const points = input.terms.reduce((n, t) => n + t.samples.length, 0);
  const x: number[] = [];
  const y: number[] = [];
  const text: string[] = [];
  input.terms.forEach((term, k) => {
    for (let b = 0; b < term.samples.length; b++) {
      x.push(k + jitter(b));
      y.push(term.samples[b]);
      text.push(term.name);
    }
  });
  const data: TraceSpec[] = [
    {
      type: scatterType(points),
      mode: 'markers',
      name: 'one resample',
      x,
      y,
      text,
      marker: { color: COLOURS.data, size: 4, opacity: 0.35 },
      hovertemplate: '%{text}: %{y}<extra>one resample</extra>',
    },
    {
      type: 'scatter',
      mode: 'markers',
      name: 'all training rows',
      x: input.terms.map((_, k) => k),
      y: input.terms.map((t) => t.estimate),
      text: input.terms.map((t) => `${t.name}, SD ${t.sd.toPrecision(3)}`),
      marker: { color: COLOURS.fit, size: 12, symbol: 'diamond', line: { color: '#ffffff', width: 1 } },
      hovertemplate: '%{text}<br>estimate: %{y}<extra></extra>',
    },
  ];
  const xAxis = axis('term', {
    tickmode: 'array',
    tickvals: input.terms.map((_, k) => k),
    ticktext: input.terms.map((t) => t.name),
    range: [-0.6, input.terms.length - 0.4],
  });
  const zero = lineShape(0, 0, 1, 0, { color: COLOURS.reference, dash: 'dot' }, { xref: 'paper' });
  const widest = input.terms.reduce((a, b) => (b.sd > a.sd ? b : a), input.terms[0]);
  return {
    data,
    layout: baseLayout({ title: input.title, x: xAxis, y: axis('coefficient') }, { shapes: [zero] }),
    description: `${input.title}: ${input.terms.length} terms${widest ? `; the widest spread is ${widest.name} (SD ${widest.sd.toPrecision(3)})` : ''}`,
  };
}
