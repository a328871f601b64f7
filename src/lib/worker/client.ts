// The page's side of the engine protocol: runTask(name, args, {tables,
// signal, onProgress}). One worker runs one task at a time, in the order
// asked; tables are sent once and then named by id (tables.ts); small work
// runs right here, with the same task function, because a round trip to the
// worker costs more than it saves.
//
// Cancelling: an aborted signal rejects the call at once (the runtime is
// never kept waiting) and asks the worker to abort the task, which stops at
// its next check (between folds, between sweep values). A task busy in one
// long synchronous step (a single fit) cannot see the request, so if the
// worker has not finished after a short grace period it is terminated and a
// fresh one takes the next task; the tables are sent again as needed.
import { proxy, wrap, type Endpoint, type Remote } from 'comlink';
import type { Table } from '../data/table';
import { abortError, type EngineHost, type TaskTable } from './protocol';
import { sendTable, tableWork } from './tables';

/** What the client needs of a Worker (a MessagePort with `terminate` in tests). */
export interface WorkerLike extends Endpoint {
  terminate(): void;
}

export interface RunnerOptions {
  /** The task table, run in this thread for small work or when there is no worker. */
  tasks: TaskTable;
  /** Starts a worker that exposes `createEngineHost(tasks)`; absent where there are no workers (Node). */
  createWorker?: () => WorkerLike;
  /** Work (numbers touched, see RunOptions.work) below which a task runs in this thread. */
  inlineBelow?: number;
  /** How long a cancelled task may take to stop before its worker is replaced, in ms. */
  cancelGraceMs?: number;
  /** Tables the worker keeps; the least recently used beyond this are forgotten. */
  maxTables?: number;
  /** Send numeric columns as SharedArrayBuffer views (no copy); needs cross-origin isolation in browsers. */
  shareMemory?: boolean;
}

export interface RunOptions<P> {
  /** Tables the task reads, by the names it expects. */
  tables?: Record<string, Table>;
  signal?: AbortSignal;
  onProgress?: (update: P) => void;
  /** An estimate of the numbers the task touches; defaults to the tables' cells. */
  work?: number;
  /** Force a place (tests, the benchmark); 'auto' chooses by `work`. */
  where?: 'auto' | 'worker' | 'inline';
}

export interface RunnerStats {
  inline: number;
  inWorker: number;
  workersStarted: number;
  tablesSent: number;
}

export interface TaskRunner {
  run<R, P = unknown>(name: string, args: unknown, options?: RunOptions<P>): Promise<R>;
  /** Where a task with this much work would run. */
  placeFor(work: number): 'worker' | 'inline';
  readonly stats: RunnerStats;
  /** Ids of the tables the worker holds now (asks the worker). */
  held(): Promise<number[]>;
  /** For tests and the benchmark: where calls without their own `where` run, and whether columns go as shared memory. */
  tune(settings: { where?: 'auto' | 'worker' | 'inline'; shareMemory?: boolean }): void;
  dispose(): void;
}

/** About 0.2 M numbers: below this a fit takes a few ms, less than sending it to a worker (docs/performance.md). */
export const INLINE_BELOW = 200_000;

interface Job {
  taskId: number;
  name: string;
  args: unknown;
  tables: Record<string, Table>;
  signal?: AbortSignal;
  onProgress?: (update: unknown) => void;
  done: boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface LiveWorker {
  endpoint: WorkerLike;
  remote: Remote<EngineHost>;
  /** Ids of the tables this worker holds, least recently used first. */
  held: Map<number, Table>;
}

export function createTaskRunner(options: RunnerOptions): TaskRunner {
  const { tasks, createWorker, inlineBelow = INLINE_BELOW, cancelGraceMs = 150, maxTables = 8 } = options;
  let shareMemory = options.shareMemory ?? (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  let placement: 'auto' | 'worker' | 'inline' = 'auto';
  const stats: RunnerStats = { inline: 0, inWorker: 0, workersStarted: 0, tablesSent: 0 };
  const ids = new WeakMap<Table, number>();
  let nextTableId = 1;
  let nextTaskId = 1;
  let live: LiveWorker | null = null;
  let current: Job | null = null;
  const queue: Job[] = [];

  const idOf = (table: Table) => {
    let id = ids.get(table);
    if (id === undefined) ids.set(table, (id = nextTableId++));
    return id;
  };

  function startWorker(): LiveWorker {
    const endpoint = createWorker!();
    const worker: LiveWorker = { endpoint, remote: wrap<EngineHost>(endpoint), held: new Map() };
    stats.workersStarted++;
    // A worker that crashes (out of memory, a bug in its module) fails the task it was running.
    endpoint.addEventListener('error', (event) => {
      if (live !== worker) return;
      const message = (event as ErrorEvent).message || 'it could not start or ran out of memory';
      replace(worker, new Error(`The engine worker stopped (${message}).`));
    });
    return worker;
  }

  /** Terminates a worker; its running task, if not already settled, fails with `error`. */
  function replace(worker: LiveWorker, error: unknown) {
    worker.endpoint.terminate();
    if (live === worker) live = null;
    const job = current;
    current = null;
    if (job) settle(job, () => job.reject(error));
    pump();
  }

  function settle(job: Job, how: () => void) {
    if (job.done) return;
    job.done = true;
    how();
  }

  function pump() {
    if (current) return;
    let job: Job | undefined;
    while ((job = queue.shift()) && job.done);
    if (!job) return;
    current = job;
    void execute(job);
  }

  async function execute(job: Job) {
    const worker = (live ??= startWorker());
    try {
      const named: Record<string, number> = {};
      for (const [key, table] of Object.entries(job.tables)) {
        const id = idOf(table);
        if (!worker.held.has(id)) {
          await sendTable(worker.remote, id, table, { shareMemory, cancelled: () => job.done });
          stats.tablesSent++;
        }
        worker.held.delete(id);
        worker.held.set(id, table);
        named[key] = id;
      }
      await forgetBeyond(worker, new Set(Object.values(named)));
      if (job.done) return;
      const onProgress = job.onProgress;
      const result = await worker.remote.run(job.taskId, job.name, job.args, named, onProgress && proxy((u: unknown) => onProgress(u)));
      stats.inWorker++;
      settle(job, () => job.resolve(result));
    } catch (error) {
      settle(job, () => job.reject(error));
    } finally {
      // A replaced worker's job was already moved on from.
      if (current === job && live === worker) {
        current = null;
        pump();
      }
    }
  }

  async function forgetBeyond(worker: LiveWorker, keep: Set<number>) {
    const drop: number[] = [];
    for (const id of worker.held.keys()) {
      if (worker.held.size - drop.length <= maxTables) break;
      if (!keep.has(id)) drop.push(id);
    }
    for (const id of drop) worker.held.delete(id);
    if (drop.length) await worker.remote.forget(drop);
  }

  function cancel(job: Job) {
    settle(job, () => job.reject(job.signal?.reason ?? abortError()));
    if (current !== job || !live) return;
    const worker = live;
    void worker.remote.cancel(job.taskId);
    setTimeout(() => {
      if (current === job && live === worker) replace(worker, abortError());
    }, cancelGraceMs);
  }

  async function runInline<R>(name: string, args: unknown, opts: RunOptions<unknown>): Promise<R> {
    const task = Object.hasOwn(tasks, name) ? tasks[name] : undefined;
    if (!task) throw new Error(`The engine has no task '${name}'.`);
    stats.inline++;
    const signal = opts.signal ?? new AbortController().signal;
    return (await task(args, opts.tables ?? {}, { signal, progress: (u) => opts.onProgress?.(u) })) as R;
  }

  const placeFor = (work: number) => (createWorker && work >= inlineBelow ? 'worker' : 'inline');

  return {
    stats,
    placeFor,
    run<R, P = unknown>(name: string, args: unknown, opts: RunOptions<P> = {}): Promise<R> {
      const { signal } = opts;
      if (signal?.aborted) return Promise.reject(signal.reason ?? abortError());
      const tables = opts.tables ?? {};
      const asked = opts.where ?? placement;
      const where = asked === 'worker' && createWorker ? 'worker' : asked === 'inline' ? 'inline' : placeFor(opts.work ?? tableWork(tables));
      if (where === 'inline') return runInline<R>(name, args, opts as RunOptions<unknown>);
      return new Promise<R>((resolve, reject) => {
        const job: Job = {
          taskId: nextTaskId++,
          name,
          args,
          tables,
          signal,
          onProgress: opts.onProgress as ((u: unknown) => void) | undefined,
          done: false,
          resolve: resolve as (value: unknown) => void,
          reject,
        };
        signal?.addEventListener('abort', () => cancel(job), { once: true });
        queue.push(job);
        pump();
      });
    },
    tune(settings) {
      placement = settings.where ?? placement;
      shareMemory = settings.shareMemory ?? shareMemory;
    },
    async held() {
      return live ? live.remote.held() : [];
    },
    dispose() {
      if (live) replace(live, abortError());
      for (const job of queue.splice(0)) settle(job, () => job.reject(abortError()));
    },
  };
}
