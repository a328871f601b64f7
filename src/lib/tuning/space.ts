// The space a hyperparameter search explores: each parameter a range, on a
// linear or log scale, whole numbers or not. Points are records of values;
// `toUnit` maps a point into [0, 1]^d, where searches compare and sample.
import type { Rng } from '../data/random';

export interface ParameterRange {
  name: string;
  min: number;
  max: number;
  scale: 'linear' | 'log';
  integer: boolean;
  /** Grid search: values per parameter (integers take every whole number when there are few). */
  steps: number;
}

export type Point = Record<string, number>;

function fromUnit(p: ParameterRange, u: number): number {
  const v = p.scale === 'log' ? 10 ** (Math.log10(p.min) + u * (Math.log10(p.max) - Math.log10(p.min))) : p.min + u * (p.max - p.min);
  return p.integer ? Math.round(v) : Number(v.toPrecision(6));
}

export function toUnit(params: readonly ParameterRange[], point: Point): number[] {
  return params.map((p) => {
    const v = point[p.name];
    const u = p.scale === 'log' ? (Math.log10(v) - Math.log10(p.min)) / (Math.log10(p.max) - Math.log10(p.min)) : (v - p.min) / (p.max - p.min);
    return p.max === p.min ? 0.5 : u;
  });
}

/** The values grid search tries for one parameter: `steps` evenly spaced on its scale, whole numbers once each. */
export function gridValues(p: ParameterRange): number[] {
  if (p.integer && p.max - p.min + 1 <= p.steps) return Array.from({ length: p.max - p.min + 1 }, (_, i) => p.min + i);
  const values = Array.from({ length: p.steps }, (_, i) => fromUnit(p, p.steps === 1 ? 0.5 : i / (p.steps - 1)));
  return [...new Set(values)];
}

/** Every combination of the grid values, the first parameter varying slowest. */
export function gridPoints(params: readonly ParameterRange[]): Point[] {
  return params.reduce<Point[]>((points, p) => points.flatMap((point) => gridValues(p).map((v) => ({ ...point, [p.name]: v }))), [{}]);
}

/** A point drawn uniformly on each parameter's scale (log-uniform on a log scale). */
export function randomPoint(params: readonly ParameterRange[], rng: Rng): Point {
  return Object.fromEntries(params.map((p) => [p.name, fromUnit(p, rng.next())]));
}

export const samePoint = (a: Point, b: Point) => Object.keys(a).every((k) => a[k] === b[k]);
