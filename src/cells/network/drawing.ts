// The network as a picture (TensorFlow Playground's): one column of nodes per
// layer, a line per weight whose width shows |w| and whose colour its sign,
// and for each hidden unit a thumbnail of its output over the input plane.
// Geometry and pixels only; NetworkDrawing.svelte draws them.
import type { LayerWeights } from '../../lib/nn/types';

export interface Node {
  x: number;
  y: number;
  /** 0 for inputs, 1… for hidden layers, the last for the output. */
  layer: number;
  index: number;
  label?: string;
}

export interface Edge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  positive: boolean;
  weight: number;
}

export const NODE = 28;
/** Units drawn per layer at most (as Playground's 8): wider layers show their first ones, and say how many more. */
export const SHOWN_UNITS = 10;
const COLUMN_GAP = 110;
const ROW_GAP = 40;
const PAD = 20;
const MAX_WIDTH = 6;
const MIN_WIDTH = 0.3;

/**
 * Node positions (centres), edges and the drawing's size for these layer widths and weights.
 * Layers wider than SHOWN_UNITS draw their first SHOWN_UNITS units (and the weights between those),
 * so a 128-unit layer costs a few hundred lines, not thousands.
 */
export function layout(allWidths: number[], weights: LayerWeights[] | undefined, inputNames: string[]): { nodes: Node[]; edges: Edge[]; width: number; height: number } {
  const widths = allWidths.map((w) => Math.min(w, SHOWN_UNITS));
  const tallest = Math.max(...widths);
  const height = PAD * 2 + (tallest - 1) * ROW_GAP + NODE;
  const nodes: Node[][] = widths.map((count, layer) => {
    const top = (height - (count - 1) * ROW_GAP) / 2;
    return Array.from({ length: count }, (_, index) => ({
      x: PAD + NODE / 2 + layer * COLUMN_GAP + (layer === 0 ? 60 : 0),
      y: top + index * ROW_GAP,
      layer,
      index,
      label: layer === 0 ? inputNames[index] : undefined,
    }));
  });
  const largest = Math.max(1e-12, ...(weights ?? []).flatMap((w) => Array.from(w.kernel, Math.abs)));
  const edges: Edge[] = [];
  weights?.forEach((w, l) => {
    for (let i = 0; i < w.inputs; i++) {
      for (let u = 0; u < w.units; u++) {
        const from = nodes[l][i];
        const to = nodes[l + 1]?.[u];
        if (!from || !to) continue;
        const weight = w.kernel[i * w.units + u];
        edges.push({ x1: from.x + NODE / 2, y1: from.y, x2: to.x - NODE / 2, y2: to.y, weight, positive: weight >= 0, width: MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * (Math.abs(weight) / largest) });
      }
    }
  });
  const width = PAD * 2 + NODE + (widths.length - 1) * COLUMN_GAP + 60;
  return { nodes: nodes.flat(), edges, width, height };
}

/** Colours of negative and positive values (weights, unit outputs), as Playground uses them. */
export const NEGATIVE: [number, number, number] = [230, 120, 20];
export const POSITIVE: [number, number, number] = [20, 110, 190];

/**
 * RGBA pixels of a unit's values on a size × size grid whose row j is the j-th
 * value of the second feature from the bottom: scaled by the largest |value|,
 * orange below zero, white at zero, blue above. The image's top row is the top of the plane.
 */
export function thumbnailPixels(values: ArrayLike<number>, size: number): Uint8ClampedArray<ArrayBuffer> {
  let largest = 1e-12;
  for (let k = 0; k < values.length; k++) largest = Math.max(largest, Math.abs(values[k]));
  const pixels = new Uint8ClampedArray(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const t = values[j * size + i] / largest;
      const colour = t < 0 ? NEGATIVE : POSITIVE;
      const a = Math.abs(t);
      const p = ((size - 1 - j) * size + i) * 4;
      for (let c = 0; c < 3; c++) pixels[p + c] = Math.round(255 * (1 - a) + colour[c] * a);
      pixels[p + 3] = 255;
    }
  }
  return pixels;
}
