// One place for how fitbook's figures look: colours, fonts, margins.

/**
 * Okabe–Ito, a palette that colour-blind readers can tell apart (Okabe & Ito, 2008),
 * reordered so the first classes get the most distinct hues. Black comes last.
 */
export const CLASS_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'] as const;

/** The colour of class number `k` (wraps round after eight classes). */
export function classColour(k: number): string {
  return CLASS_COLOURS[k % CLASS_COLOURS.length];
}

/** Roles rather than hues, so a figure says what a colour means. */
export const COLOURS = {
  data: '#0072B2',
  fit: '#D55E00',
  residual: '#8a93a3',
  train: '#0072B2',
  validation: '#E69F00',
  reference: '#5b6475',
  threshold: '#CC79A7',
  best: '#009E73',
  text: '#1d2330',
  grid: '#e6e9ef',
} as const;

/** A sequential, colour-blind-safe scale for numeric colouring and probabilities. */
export const SEQUENTIAL_SCALE = 'Viridis';

/** A diverging scale from one class colour to the other, for binary probabilities. */
export const PROBABILITY_SCALE: [number, string][] = [
  [0, CLASS_COLOURS[0]],
  [0.5, '#f7f7f7'],
  [1, CLASS_COLOURS[1]],
];

export const FONT = {
  family: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  size: 13,
  color: COLOURS.text,
} as const;

export const MARGIN = { l: 60, r: 20, t: 50, b: 55 } as const;

/** Marker size that keeps dense scatters readable: smaller as points multiply. */
export function markerSize(points: number): number {
  if (points > 10_000) return 3;
  if (points > 1_000) return 4;
  return 7;
}
