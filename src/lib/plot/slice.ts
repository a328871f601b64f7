// A picture over the plane of two features when the model reads more: the
// other features are held at fixed values (a slice through the model), and
// the figure's title and description say which values. The points drawn on
// top are every row seen from above, whatever its other features hold.
import { formatNumber } from './numbers';
import type { Figure } from './types';

/** A feature held at one value while the picture varies two others. */
export interface Held {
  name: string;
  value: number;
}

/** "a = 1.5, b = 2" */
export function heldList(held: readonly Held[]): string {
  return held.map((h) => `${h.name} = ${formatNumber(h.value)}`).join(', ');
}

/** Up to this many held values are listed in the title; more are counted. */
const LISTED = 3;

/** What the held values are, for one feature and for several ("its training median", "their training medians"). */
export interface HeldAt {
  one: string;
  many: string;
}

/** The figure, titled and described as a slice with `held` fixed at the values `what` names. */
export function asSlice(figure: Figure, held: readonly Held[], what: HeldAt): Figure {
  if (held.length === 0) return figure;
  const title = figure.layout.title?.text ?? '';
  const whose = held.length === 1 ? what.one : what.many;
  const subtitle = held.length <= LISTED ? `${heldList(held)} (${whose})` : `${held.length} other features at ${what.many}`;
  return {
    ...figure,
    layout: { ...figure.layout, title: { ...figure.layout.title, text: `${title}<br><sub>${subtitle}</sub>` } },
    description: `${figure.description}; the other ${held.length === 1 ? 'feature' : 'features'} held at ${whose} (${heldList(held)}), each point drawn whatever its other values`,
  };
}
