// Types for stats.mjs, so that the TypeScript half of the benchmark (bench.ts) can share it.
export interface Samples {
  ours: number[];
  reference: number[];
}
export function median(xs: number[]): number;
export function interleave(rounds: number, ours: (round: number) => Promise<number | number[]> | number, reference: (round: number) => Promise<number | number[]> | number): Promise<Samples>;
export function ms(x: number): string;
export function report(label: string, oursName: string, refName: string, samples: Samples): number;
