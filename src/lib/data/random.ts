// Seeded randomness for everything that must be reproducible: shuffles,
// splits, folds. Math.random cannot be seeded, and a notebook that splits
// differently on every run teaches nothing about variance.
//
// The generator is mulberry32 (Tommy Ettinger, public domain): 32 bits of
// state, one addition and a few multiply-xorshift rounds per number, period
// 2^32. It is not cryptographic and its period is short for simulations with
// billions of draws, but it passes the common statistical batteries for the
// sizes a notebook shuffles, and it is tiny and fast in JavaScript. The test
// compares its stream with a transcription of the reference C code.

import { inSteps, runSteps, type Steps } from './slices';

export interface Rng {
  /** The next 32-bit unsigned integer of the stream. */
  nextUint32(): number;
  /** A float in [0, 1) with 32 random bits. */
  next(): number;
  /** A uniform integer in [0, bound), without modulo bias (rejection sampling). */
  int(bound: number): number;
}

/**
 * A mulberry32 generator. The seed is any integer; it is reduced to 32 bits
 * (seed >>> 0), so -1 and 4294967295 give the same stream.
 */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) {
    throw new Error(`The random seed must be a whole number, got ${seed}.`);
  }
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return (z ^ (z >>> 14)) >>> 0;
  };
  const int = (bound: number): number => {
    if (!Number.isInteger(bound) || bound < 1 || bound > 2 ** 32) {
      throw new Error(`Rng.int needs a whole bound in [1, 2^32], got ${bound}.`);
    }
    // Reject the top sliver of 2^32 that would make small results more likely.
    const limit = 2 ** 32 - (2 ** 32 % bound);
    let x = nextUint32();
    while (x >= limit) x = nextUint32();
    return x % bound;
  };
  return { nextUint32, next: () => nextUint32() / 2 ** 32, int };
}

/** The generator as a plain function of floats in [0, 1), for code that only needs `random()`. */
export function floatStream(seed: number): () => number {
  const rng = createRng(seed);
  return rng.next;
}

/** Accepts either a seed or a generator already in use (so several steps can share one stream). */
export function toRng(seedOrRng: number | Rng): Rng {
  return typeof seedOrRng === 'number' ? createRng(seedOrRng) : seedOrRng;
}

/** Shuffles in place by Fisher–Yates (Durstenfeld's version): every order is equally likely. */
export function shuffleInPlace<T extends Shuffleable>(items: T, seedOrRng: number | Rng): T {
  return runSteps(shuffleSteps(items, seedOrRng));
}

type Shuffleable = { length: number; [i: number]: unknown };

/** shuffleInPlace as steps (lib/data/slices.ts), for a page that must not freeze on a million rows. */
export function* shuffleSteps<T extends Shuffleable>(items: T, seedOrRng: number | Rng): Steps<T> {
  const rng = toRng(seedOrRng);
  // Positions n−1 down to 1, STEP at a time: the same swaps, in the same order, as one loop.
  yield* inSteps(items.length - 1, (start, end) => swapDown(items, rng, items.length - 1 - start, items.length - 1 - end));
  return items;
}

/** Fisher–Yates' swaps for positions from down to (exclusive) stop. */
function swapDown(items: Shuffleable, rng: Rng, from: number, stop: number): void {
  for (let i = from; i > stop; i--) {
    const j = rng.int(i + 1);
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
}

/** A random permutation of 0 … n − 1. */
export function permutation(n: number, seedOrRng: number | Rng): Int32Array {
  return runSteps(permutationSteps(n, seedOrRng));
}

export function* permutationSteps(n: number, seedOrRng: number | Rng): Steps<Int32Array> {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return yield* shuffleSteps(order, seedOrRng);
}

/** Standard normal deviates (Box–Muller). */
export function gaussian(random: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = random();
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}
