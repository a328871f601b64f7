import { describe, expect, it } from 'vitest';
import { layout, NEGATIVE, POSITIVE, thumbnailPixels } from '../../../../src/cells/network/drawing';

describe('the network drawing', () => {
  it('draws one line per weight, widest for the largest |w|, coloured by sign', () => {
    const weights = [
      { inputs: 2, units: 3, kernel: Float32Array.of(1, -2, 0.5, 0, 4, -4), bias: new Float32Array(3), activation: 'tanh' as const },
      { inputs: 3, units: 1, kernel: Float32Array.of(0.1, -0.1, 2), bias: new Float32Array(1), activation: 'output' as const },
    ];
    const { nodes, edges } = layout([2, 3, 1], weights, ['x1', 'x2']);
    expect(nodes).toHaveLength(6);
    expect(edges).toHaveLength(2 * 3 + 3);
    const widest = Math.max(...edges.map((e) => e.width));
    expect(edges.filter((e) => e.width === widest).map((e) => e.weight)).toEqual([4, -4]);
    expect(edges.find((e) => e.weight === -2)!.positive).toBe(false);
    // Kernel row i, column u joins input i to unit u.
    const e = edges[1];
    expect([e.y1, e.y2]).toEqual([nodes[0].y, nodes[2 + 1].y]);
  });

  it('colours a thumbnail by the sign and size of each value, the plane upright', () => {
    // 2 × 2 grid, row j = second feature from the bottom.
    const px = thumbnailPixels([-1, 0, 0.5, 1], 2);
    const rgb = (row: number, col: number) => Array.from(px.subarray((row * 2 + col) * 4, (row * 2 + col) * 4 + 3));
    expect(rgb(1, 0)).toEqual(NEGATIVE); // bottom-left: value −1
    expect(rgb(1, 1)).toEqual([255, 255, 255]); // zero is white
    expect(rgb(0, 1)).toEqual(POSITIVE); // top-right: value 1
    expect(rgb(0, 0)).toEqual(POSITIVE.map((c) => Math.round(255 * 0.5 + c * 0.5)));
  });
});
