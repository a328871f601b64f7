// Long loops that run on the page, cut into slices so the page can draw between them.
//
// A loop over a million rows (a shuffle, gathering a part's rows, encoding labels) takes
// 100–400 ms; run in one go on the page it freezes scrolling and every animation for that
// long. Written as a generator that yields every STEP items, the same code runs either in one
// go (runSteps: tests, workers, Node) or in slices of a few milliseconds with a turn of the
// event loop between them (runInSlices: the page). The hot inner loops stay in plain functions
// called once per step, so the generator's own cost is one resumption per STEP items.
import { abortError, yieldToEventLoop } from '../ml/yield';

/** Work that yields (undefined) whenever it is a good moment to pause, and returns T at the end. */
export type Steps<T> = Generator<undefined, T, undefined>;

/** Items of simple work (a swap, a copy, a map look-up) between two chances to pause. */
export const STEP = 1 << 15;

/** Runs the steps to the end without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export interface SliceOptions {
  signal?: AbortSignal;
  /** Work this long (ms) before giving the event loop a turn: well under a frame. */
  budgetMs?: number;
}

/**
 * Runs the steps in slices of about budgetMs, giving the event loop a turn between slices
 * (scheduler.yield where the browser has it: the rest of the work keeps its place ahead of
 * other queued tasks, while input and rendering can run). Rejects with an AbortError once the
 * signal is aborted.
 */
export async function runInSlices<T>(steps: Steps<T>, { signal, budgetMs = 8 }: SliceOptions = {}): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart < budgetMs) continue;
    await pause();
    if (signal?.aborted) {
      steps.return(undefined as T);
      throw abortError(signal);
    }
    sliceStart = performance.now();
  }
}

function pause(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : yieldToEventLoop();
}

/** Below this much work (items: rows × columns touched) a run takes a few ms and is not worth a turn of the event loop. */
export const SLICED_ABOVE = 100_000;

/**
 * Small work at once (the caller gets T, with no turn of the event loop), large work in slices
 * (the caller gets a promise of T). `work` is a rough count of the items the steps will touch.
 */
export function runSized<T>(work: number, steps: Steps<T>, options: SliceOptions = {}): T | Promise<T> {
  return work > SLICED_ABOVE ? runInSlices(steps, options) : runSteps(steps);
}

/** Calls work(start, end) over [0, n), STEP items at a time, yielding between calls. */
export function* inSteps(n: number, work: (start: number, end: number) => void, step = STEP): Steps<void> {
  for (let start = 0; start < n; start += step) {
    work(start, Math.min(n, start + step));
    if (start + step < n) yield;
  }
}
