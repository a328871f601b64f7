/**
 * The reactive runtime: runs cells in dependency order, re-runs what a change
 * makes out of date, and cancels runs whose result would be stale.
 *
 * How it works, in one place:
 * - Each cell has a few facts (`Entry`): is its output out of date (`dirty`),
 *   is it `held` back until someone asks (manual cell, or stopped), is a run
 *   `live`, and is a run function call still `busy` (even an abandoned one).
 * - After every change, `refresh` derives every cell's public `CellState` from
 *   those facts in run order, and tells listeners what changed.
 * - `pump` (scheduled on a microtask, so synchronous bursts of changes
 *   coalesce) starts every queued cell whose inputs are all idle. Independent
 *   cells run concurrently; a cell never has two calls of `run` at once.
 * - Abandoning a run aborts its signal and bumps the cell's `generation`; a
 *   result that arrives for an older generation is dropped.
 */
import { errorMessage, NOT_A_CELL, sameState, type CellState, type CellStatus } from './cell-state';
import { buildGraph, type CellGraph, type CellLink } from './graph';

export type { CellState, CellStatus } from './cell-state';
export type { CellLink } from './graph';

export interface RuntimeOptions {
  /** Runs one cell. `inputs` holds the outputs of its input cells, keyed by id. */
  run: (id: string, inputs: Record<string, unknown>, signal: AbortSignal) => Promise<unknown> | unknown;
  /** Manual cells (a slow fit) do not re-run on upstream or option changes once
   *  they have run; they go 'stale' until `runCell` is called. */
  isManual?: (id: string) => boolean;
  /** Clock for `lastDurationMs`; defaults to `performance.now`. */
  now?: () => number;
}

export type StateListener = (id: string, state: CellState) => void;

export interface RunAllOptions {
  /** Also run cells held back as 'stale' (manual cells that have run, stopped cells). */
  includeStale?: boolean;
}

interface Entry {
  readonly id: string;
  /** `input:` names as last given to `setCells`, to notice rewiring. */
  inputs: readonly string[];
  /** The output is out of date and the cell needs a run. */
  dirty: boolean;
  /** Dirty, but must not run until asked: a manual cell that has run, or a stopped cell. */
  held: boolean;
  hasOutput: boolean;
  output: unknown;
  /** Message of the last run's throw (cleared by a successful run). */
  runError?: string;
  runs: number;
  lastDurationMs?: number;
  /** Bumped whenever the live run is abandoned; a result from an older generation is dropped. */
  generation: number;
  /** The run whose result will be applied, if any. */
  live?: AbortController;
  /** A call of `run` has not settled yet, live or abandoned. */
  busy: boolean;
  /** Last published state. */
  state: CellState;
  /** For a cell in 'error': the cell whose own error is the cause. */
  errorRoot?: string;
}

interface Waiter {
  done: () => boolean;
  resolve: () => void;
}

export class Runtime {
  private graphNow: CellGraph = buildGraph([]);
  /** Every id ever seen; removed cells keep their entry so a late result can be recognised and dropped. */
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<StateListener>();
  private waiters: Waiter[] = [];
  private pumpScheduled = false;
  private refreshing = false;
  private refreshAgain = false;
  private disposed = false;
  private readonly isManual: (id: string) => boolean;
  private readonly now: () => number;

  constructor(private readonly options: RuntimeOptions) {
    this.isManual = options.isManual ?? (() => false);
    this.now = options.now ?? (() => performance.now());
  }

  /** The current cell graph (order, errors, dependents). */
  get graph(): CellGraph {
    return this.graphNow;
  }

  /**
   * Replaces the notebook's cells. Cells that are new, or whose inputs changed,
   * are out of date, and so is everything downstream of them; other cells keep
   * their outputs. Option or kind changes are not visible here: call `invalidate`.
   */
  setCells(cells: readonly CellLink[]): void {
    if (this.disposed) return;
    const next = buildGraph(cells);
    const changed: string[] = [];
    const seen = new Set<string>();
    for (const cell of cells) {
      if (seen.has(cell.id)) continue; // a duplicate id: the graph reports it
      seen.add(cell.id);
      const entry = this.entries.get(cell.id);
      if (!entry) {
        this.entries.set(cell.id, newEntry(cell.id, cell.inputs));
        changed.push(cell.id);
      } else if (!this.graphNow.has(cell.id)) {
        resetEntry(entry, cell.inputs); // removed earlier, back now: start afresh
        changed.push(cell.id);
      } else if (!sameList(entry.inputs, cell.inputs)) {
        entry.inputs = [...cell.inputs];
        changed.push(cell.id);
      }
    }
    for (const id of this.graphNow.order) {
      if (!next.has(id)) resetEntry(this.entry(id), []);
    }

    this.graphNow = next;
    for (const id of changed) this.markDirty(id);
    // A cell the graph cannot run is not up to date, whatever it held before.
    for (const id of next.order) {
      if (next.error(id) && !this.entry(id).dirty) this.markDirty(id);
    }
    this.update();
  }

  /** Runs everything that is not up to date and waits until nothing is queued or running.
   *  Cells that threw are retried; manual cells that never ran are included. */
  async runAll(options: RunAllOptions = {}): Promise<void> {
    if (this.disposed) return;
    for (const id of this.graphNow.order) {
      const entry = this.entry(id);
      if (this.graphNow.error(id)) continue;
      if (!entry.dirty && entry.runError !== undefined) {
        this.markDirty(id);
        entry.held = false;
      }
      if (entry.held && (options.includeStale || entry.runs === 0)) entry.held = false;
    }
    this.update();
    await this.settled();
  }

  /** The cell's options changed: re-run it (a manual cell goes 'stale'), then its dependents. */
  invalidate(id: string): void {
    if (this.disposed || !this.graphNow.has(id)) return;
    this.markDirty(id);
    this.update();
  }

  /**
   * Explicit run (the Fit button): runs the cell even if it is up to date, after
   * any stale cells upstream, then its dependents. Resolves when the cell and its
   * dependents are no longer queued or running.
   */
  async runCell(id: string): Promise<void> {
    if (this.disposed || !this.graphNow.has(id)) return;
    for (const up of this.graphNow.ancestors(id)) this.entry(up).held = false;
    this.markDirty(id);
    this.entry(id).held = false;
    this.update();
    const watched = [id, ...this.graphNow.dependents(id)];
    await this.waitFor(() => watched.every((c) => !isBusyStatus(this.getState(c).status)));
  }

  /** The Stop button: abandons the cell's run (or its place in the queue); it goes 'stale'
   *  and keeps its last output. Its dependents wait, also 'stale'. */
  cancel(id: string): void {
    if (this.disposed || !this.graphNow.has(id) || this.graphNow.error(id)) return;
    const entry = this.entry(id);
    if (!entry.live && !entry.dirty) return; // up to date: nothing to stop
    this.abandon(entry);
    entry.dirty = true;
    entry.held = true;
    this.update();
  }

  getState(id: string): CellState {
    return this.graphNow.has(id) ? this.entry(id).state : NOT_A_CELL;
  }

  /** Called with every state change, after it happens. Returns the unsubscribe function. */
  subscribe(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Resolves when no cell is queued or running (at once if none is). */
  settled(): Promise<void> {
    return this.waitFor(() => this.graphNow.order.every((id) => !isBusyStatus(this.entry(id).state.status)));
  }

  /** Aborts every run and stops listening; pending `settled`/`runCell` promises resolve. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const entry of this.entries.values()) this.abandon(entry);
    this.listeners.clear();
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.resolve();
  }

  // ---------------------------------------------------------------- changes

  private entry(id: string): Entry {
    return this.entries.get(id)!;
  }

  /** The cell and everything downstream are out of date; in-flight runs among them are abandoned. */
  private markDirty(id: string): void {
    for (const target of [id, ...this.graphNow.dependents(id)]) {
      const entry = this.entry(target);
      this.abandon(entry);
      entry.dirty = true;
      // A manual cell runs by itself only the first time; after that it waits for `runCell`.
      entry.held = this.isManual(target) && entry.runs > 0;
    }
  }

  private abandon(entry: Entry): void {
    if (!entry.live) return;
    entry.live.abort();
    entry.live = undefined;
    entry.generation++;
  }

  private update(): void {
    this.refresh();
    this.schedulePump();
  }

  // ---------------------------------------------------------------- running

  private schedulePump(): void {
    if (this.pumpScheduled || this.disposed) return;
    this.pumpScheduled = true;
    queueMicrotask(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  /** Starts every queued cell whose inputs are all up to date. */
  private pump(): void {
    if (this.disposed) return;
    let started = false;
    for (const id of this.graphNow.order) {
      const entry = this.entry(id);
      if (entry.state.status !== 'queued' || entry.busy) continue;
      const inputsReady = this.graphNow.dependencies(id).every((d) => this.entry(d).state.status === 'idle');
      if (!inputsReady) continue;
      this.start(entry);
      started = true;
    }
    if (started) this.refresh();
  }

  private start(entry: Entry): void {
    const controller = new AbortController();
    const generation = entry.generation;
    entry.live = controller;
    entry.busy = true;

    const inputs: Record<string, unknown> = {};
    for (const d of this.graphNow.dependencies(entry.id)) inputs[d] = this.entry(d).output;
    const startedAt = this.now();

    const finish = (apply: () => void) => {
      entry.busy = false;
      if (!this.disposed && generation === entry.generation) {
        entry.live = undefined;
        entry.dirty = false;
        entry.held = false;
        entry.runs++;
        entry.lastDurationMs = this.now() - startedAt;
        apply();
      }
      // Even a dropped result frees the cell for its next run.
      this.update();
    };

    let pending: Promise<unknown>;
    try {
      pending = Promise.resolve(this.options.run(entry.id, inputs, controller.signal));
    } catch (thrown) {
      pending = Promise.reject(thrown);
    }
    pending.then(
      (output) =>
        finish(() => {
          entry.output = output;
          entry.hasOutput = true;
          entry.runError = undefined;
        }),
      (thrown: unknown) =>
        finish(() => {
          entry.output = undefined;
          entry.hasOutput = false;
          entry.runError = errorMessage(thrown);
        }),
    );
  }

  // ---------------------------------------------------------------- publishing

  /** Re-derives every cell's state in run order and tells listeners what changed. */
  private refresh(): void {
    if (this.disposed) return;
    // A listener may change the runtime; finish this pass, then derive again.
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = true;
    try {
      do {
        this.refreshAgain = false;
        const changed: Entry[] = [];
        for (const id of this.graphNow.order) {
          const entry = this.entry(id);
          const { state, errorRoot } = this.derive(entry);
          entry.errorRoot = errorRoot;
          if (!sameState(state, entry.state)) {
            entry.state = state;
            changed.push(entry);
          }
        }
        for (const entry of changed) this.notify(entry.id, entry.state);
      } while (this.refreshAgain && !this.disposed);
    } finally {
      this.refreshing = false;
    }
    this.checkWaiters();
  }

  /** A cell's public state from its facts and its inputs' states (already derived: run order). */
  private derive(entry: Entry): { state: CellState; errorRoot?: string } {
    const counters: CellState = { status: 'idle', runs: entry.runs };
    if (entry.lastDurationMs !== undefined) counters.lastDurationMs = entry.lastDurationMs;
    const failed = (error: string, errorRoot: string) => ({
      state: { ...counters, status: 'error' as const, error },
      errorRoot,
    });
    const ok = (status: CellStatus) => ({
      state: entry.hasOutput ? { ...counters, status, output: entry.output } : { ...counters, status },
    });

    const graphError = this.graphNow.error(entry.id);
    if (graphError) return failed(graphError.message, graphError.blockedBy ?? entry.id);
    if (entry.live) return ok('running');
    if (!entry.dirty) {
      return entry.runError !== undefined ? failed(entry.runError, entry.id) : ok('idle');
    }
    let waitsForStale = entry.held;
    for (const d of this.graphNow.dependencies(entry.id)) {
      const input = this.entry(d);
      if (input.state.status === 'error') {
        const root = input.errorRoot ?? d;
        return failed(`Waiting for '${root}', which has an error`, root);
      }
      if (input.state.status === 'stale') waitsForStale = true;
    }
    return ok(waitsForStale ? 'stale' : 'queued');
  }

  private notify(id: string, state: CellState): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(id, state);
      } catch (thrown) {
        // A broken listener must not break the runtime; report it out of band.
        queueMicrotask(() => {
          throw thrown;
        });
      }
    }
  }

  private waitFor(done: () => boolean): Promise<void> {
    if (this.disposed || done()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ done, resolve }));
  }

  private checkWaiters(): void {
    if (this.waiters.length === 0) return;
    const waiting: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (waiter.done()) waiter.resolve();
      else waiting.push(waiter);
    }
    this.waiters = waiting;
  }
}

function isBusyStatus(status: CellStatus): boolean {
  return status === 'queued' || status === 'running';
}

function newEntry(id: string, inputs: readonly string[]): Entry {
  return {
    id,
    inputs: [...inputs],
    dirty: true,
    held: false,
    hasOutput: false,
    output: undefined,
    runs: 0,
    generation: 0,
    busy: false,
    state: NOT_A_CELL,
  };
}

/** Forget a cell's results but keep `generation` and `busy`, so a run still in flight stays recognisable. */
function resetEntry(entry: Entry, inputs: readonly string[]): void {
  entry.live?.abort();
  if (entry.live) entry.generation++;
  entry.live = undefined;
  entry.inputs = [...inputs];
  entry.dirty = true;
  entry.held = false;
  entry.hasOutput = false;
  entry.output = undefined;
  entry.runError = undefined;
  entry.runs = 0;
  entry.lastDurationMs = undefined;
  entry.state = NOT_A_CELL;
  entry.errorRoot = undefined;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
