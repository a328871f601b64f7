// Playground's circle: without noise, class A (0) lies in the ring 0.7 ≤ r < 1 and class B (1)
// in the disc r < 0.5, and both fill their areas (radii spread, unlike 'rings').
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/lib/data/generate';

describe('circle', () => {
  it('a disc inside a ring, with a gap', () => {
    const table = generateDataset({ shape: 'circle', rows: 400, noise: 0, seed: 2 });
    const [x1, x2, label] = table.columns.map((c) => c.values);
    const radii = { A: [] as number[], B: [] as number[] };
    for (let i = 0; i < 400; i++) radii[(label as string[])[i] as 'A' | 'B'].push(Math.hypot((x1 as Float64Array)[i], (x2 as Float64Array)[i]));
    expect(Math.min(...radii.A)).toBeGreaterThanOrEqual(0.7);
    expect(Math.max(...radii.A)).toBeLessThan(1);
    expect(Math.max(...radii.B)).toBeLessThan(0.5);
    expect(Math.max(...radii.A) - Math.min(...radii.A)).toBeGreaterThan(0.25);
    expect(Math.max(...radii.B) - Math.min(...radii.B)).toBeGreaterThan(0.4);
  });
});
