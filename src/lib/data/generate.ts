// Generated two-feature datasets for teaching classification: shapes a
// straight line cannot separate (moons, rings, circle, XOR, a spiral) and one it can
// (two Gaussian blobs). Seeded, so a notebook shows the same points every
// time. The shapes follow scikit-learn's make_moons and make_circles and
// TensorFlow Playground's circle, XOR, Gaussian and spiral sets: the clean point is
// drawn and labelled first, then Gaussian noise of standard deviation `noise`
// is added to both coordinates, so a larger noise blurs the boundary without
// changing which class a point was drawn for. A new shape is one more entry
// in SHAPES.
import { floatStream, gaussian } from './random';
import type { Table } from './table';

/** A clean point of class 0 or 1, from uniform draws in [0, 1). */
type Draw = (u: () => number, label: 0 | 1) => [number, number];

const SHAPES = {
  // Two interleaved half circles (make_moons).
  moons: (u, label) => {
    const t = Math.PI * u();
    return label === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
  },
  // A ring inside a ring, radii 0.5 and 1 (make_circles with factor 0.5).
  rings: (u, label) => {
    const t = 2 * Math.PI * u();
    const r = label === 0 ? 1 : 0.5;
    return [r * Math.cos(t), r * Math.sin(t)];
  },
  // Playground's circle: a filled disc (radius < 0.5) inside a thick ring (0.7 to 1), a gap
  // between them; unlike rings, the classes fill areas, so the boundary has room to move.
  circle: (u, label) => {
    const t = 2 * Math.PI * u();
    const r = label === 0 ? 0.7 + 0.3 * u() : 0.5 * u();
    return [r * Math.cos(t), r * Math.sin(t)];
  },
  // Opposite quadrants share a class: positive when x1·x2 > 0 (Playground's XOR).
  xor: (u, label) => {
    const a = 0.1 + 0.9 * u();
    const b = 0.1 + 0.9 * u();
    const flip = u() < 0.5 ? 1 : -1;
    return label === 1 ? [flip * a, flip * b] : [flip * a, -flip * b];
  },
  // Two round clouds, centred at (-1, -1) and (1, 1): linearly separable at low noise.
  gaussian: (u, label) => {
    const g = gaussian(u);
    const c = label === 1 ? 1 : -1;
    return [c + 0.4 * g(), c + 0.4 * g()];
  },
  // Two arms winding one and a half times around the centre (Playground's spiral).
  spiral: (u, label) => {
    const r = u();
    const t = 3 * Math.PI * r + (label === 1 ? Math.PI : 0);
    return [r * Math.sin(t), r * Math.cos(t)];
  },
} satisfies Record<string, Draw>;

export type Shape = keyof typeof SHAPES;
export const SHAPE_NAMES = Object.keys(SHAPES) as Shape[];

export interface GenerateOptions {
  shape: Shape;
  rows: number;
  /** Standard deviation of the Gaussian noise added to each coordinate. */
  noise: number;
  seed: number;
}

/** Column names of a generated table. */
export const GENERATED_COLUMNS = { x1: 'x1', x2: 'x2', label: 'class' } as const;

/**
 * A table of `rows` points (x1, x2) and their class ('A' or 'B'). The rows
 * alternate A, B, A, … so each class has half (A gets the odd one); a split
 * shuffles them anyway.
 */
export function generateDataset({ shape, rows, noise, seed }: GenerateOptions): Table {
  const draw: Draw = SHAPES[shape];
  if (!draw) throw new Error(`There is no generated shape '${shape}'. The shapes are: ${SHAPE_NAMES.join(', ')}.`);
  if (!Number.isInteger(rows) || rows < 2 || rows > 100_000) throw new Error(`A generated dataset needs between 2 and 100000 rows (got ${rows}).`);
  if (!(noise >= 0)) throw new Error(`The noise must be zero or more (got ${noise}).`);
  const u = floatStream(seed);
  const g = gaussian(u);
  const x1 = new Float64Array(rows);
  const x2 = new Float64Array(rows);
  const labels: string[] = [];
  for (let i = 0; i < rows; i++) {
    // Alternate the classes so both get half, then draw the point.
    const label = (i % 2) as 0 | 1;
    const [a, b] = draw(u, label);
    x1[i] = a + noise * g();
    x2[i] = b + noise * g();
    labels.push(label === 0 ? 'A' : 'B');
  }
  return {
    rowCount: rows,
    columns: [
      { name: GENERATED_COLUMNS.x1, type: 'numeric', values: x1 },
      { name: GENERATED_COLUMNS.x2, type: 'numeric', values: x2 },
      { name: GENERATED_COLUMNS.label, type: 'categorical', values: labels },
    ],
  };
}
