import { afterEach, describe, expect, it, vi } from 'vitest';
import { Runtime, type CellLink, type CellState } from '../../../src/lib/notebook/runtime';

/** `cells('a', 'b<a', 'c<a,b')`: a cell per argument, inputs after '<'. */
function cells(...specs: string[]): CellLink[] {
  return specs.map((spec) => {
    const [id, inputs = ''] = spec.split('<');
    return { id, inputs: inputs ? inputs.split(',') : [] };
  });
}

/** Lets every pending promise callback and microtask run. */
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Resolves to 'settled' if `promise` resolves within a tick, else 'pending'. */
async function within(promise: Promise<unknown>): Promise<'settled' | 'pending'> {
  return Promise.race([promise.then(() => 'settled' as const), tick().then(() => 'pending' as const)]);
}

interface Call {
  id: string;
  inputs: Record<string, unknown>;
  signal: AbortSignal;
  resolve: (output: unknown) => void;
  reject: (error: unknown) => void;
}

/** A run function whose calls the test finishes by hand. It ignores the abort signal. */
function controlledRun() {
  const calls: Call[] = [];
  const run = (id: string, inputs: Record<string, unknown>, signal: AbortSignal) =>
    new Promise<unknown>((resolve, reject) => {
      calls.push({ id, inputs, signal, resolve, reject });
    });
  const callsOf = (id: string) => calls.filter((c) => c.id === id);
  const last = (id: string): Call => {
    const call = callsOf(id).at(-1);
    if (!call) throw new Error(`'${id}' was never run`);
    return call;
  };
  return { calls, run, callsOf, last };
}

/** A synchronous run function that records the order of runs; each cell outputs `id#n`. */
function loggingRun() {
  const log: string[] = [];
  const counts: Record<string, number> = {};
  const run = (id: string) => {
    log.push(id);
    counts[id] = (counts[id] ?? 0) + 1;
    return `${id}#${counts[id]}`;
  };
  return { log, counts, run };
}

const statusOf = (rt: Runtime, ...ids: string[]) => ids.map((id) => rt.getState(id).status);

/** Starts cell 'a', then sets the option to 1…10, invalidating every 4 ms while runs take 50 ms; waits until settled. */
async function invalidateEvery4ms(rt: Runtime, setOption: (value: number) => void): Promise<void> {
  rt.setCells(cells('a'));
  await vi.advanceTimersByTimeAsync(0);
  for (let i = 1; i <= 10; i++) {
    await vi.advanceTimersByTimeAsync(4);
    setOption(i);
    rt.invalidate('a');
  }
  await vi.advanceTimersByTimeAsync(200);
  await rt.settled();
}

describe('Runtime: running in order', () => {
  it('runs cells after their inputs and passes outputs keyed by input id', async () => {
    let clock = 0;
    const seen: Record<string, Record<string, unknown>> = {};
    const rt = new Runtime({
      now: () => clock,
      run: (id, inputs) => {
        seen[id] = inputs;
        clock += 7; // each run "takes" 7 ms on the fake clock
        return id === 'a' ? 1 : Object.values(inputs).reduce((s: number, v) => s + (v as number), 0) + 1;
      },
    });
    rt.setCells(cells('c<a,b', 'b<a', 'a'));
    await rt.settled();

    expect(Object.keys(seen)).toEqual(['a', 'b', 'c']);
    expect(seen.c).toEqual({ a: 1, b: 2 });
    expect(rt.getState('c')).toEqual({ status: 'idle', output: 4, runs: 1, lastDurationMs: 7 });
  });

  it('goes queued → running → idle, and a dependent waits for its input', async () => {
    const { run, last } = controlledRun();
    const rt = new Runtime({ run });
    const events: string[] = [];
    rt.subscribe((id, state) => events.push(`${id}:${state.status}`));

    rt.setCells(cells('a', 'b<a'));
    expect(statusOf(rt, 'a', 'b')).toEqual(['queued', 'queued']);
    await tick();
    expect(statusOf(rt, 'a', 'b')).toEqual(['running', 'queued']);
    last('a').resolve('A');
    await tick();
    expect(last('b').inputs).toEqual({ a: 'A' });
    last('b').resolve('B');
    await rt.settled();

    expect(events).toEqual(['a:queued', 'b:queued', 'a:running', 'a:idle', 'b:running', 'b:idle']);
    expect(rt.getState('b').output).toBe('B');
  });

  it('runs independent cells side by side: a slow fit does not hold up an unrelated cell', async () => {
    const { run, last, callsOf } = controlledRun();
    const rt = new Runtime({ run });
    rt.setCells(cells('fit', 'other'));
    await tick();
    expect(statusOf(rt, 'fit', 'other')).toEqual(['running', 'running']);
    last('other').resolve(1);
    await tick();
    expect(statusOf(rt, 'fit', 'other')).toEqual(['running', 'idle']);
    rt.invalidate('other');
    await tick();
    last('other').resolve(2);
    await tick();
    expect(rt.getState('other')).toMatchObject({ status: 'idle', output: 2 });
    expect(callsOf('fit')).toHaveLength(1);
    expect(rt.getState('fit').status).toBe('running');
  });
});

describe('Runtime: errors', () => {
  it('a throw becomes the error; dependents wait with an error and are not run', async () => {
    let broken: unknown = new Error('bad data');
    const { log, run } = loggingRun();
    const rt = new Runtime({
      run: (id) => {
        if (id === 'b' && broken) throw broken;
        return run(id);
      },
    });
    rt.setCells(cells('a', 'b<a', 'c<b', 'd<c', 'x'));
    await rt.settled();

    expect(rt.getState('b')).toEqual({ status: 'error', error: 'bad data', runs: 1, lastDurationMs: expect.any(Number) });
    expect(rt.getState('c')).toMatchObject({ status: 'error', error: "Waiting for 'b', which has an error" });
    expect(rt.getState('d')).toMatchObject({ status: 'error', error: "Waiting for 'b', which has an error" });
    expect(rt.getState('x').status).toBe('idle');
    expect(log).toEqual(['a', 'x']);

    broken = 'not an Error object';
    rt.invalidate('b');
    await rt.settled();
    expect(rt.getState('b').error).toBe('not an Error object');

    broken = undefined;
    rt.invalidate('b');
    await rt.settled();
    expect(statusOf(rt, 'b', 'c', 'd')).toEqual(['idle', 'idle', 'idle']);
    expect(rt.getState('c').error).toBeUndefined();
    expect(log).toEqual(['a', 'x', 'b', 'c', 'd']);
  });

  it('a rejected promise is an error too, and the output is cleared', async () => {
    let fail = false;
    const rt = new Runtime({ run: async () => (fail ? Promise.reject(new Error('diverged')) : 'ok') });
    rt.setCells(cells('fit'));
    await rt.settled();
    expect(rt.getState('fit').output).toBe('ok');
    fail = true;
    rt.invalidate('fit');
    await rt.settled();
    expect(rt.getState('fit')).toMatchObject({ status: 'error', error: 'diverged', runs: 2 });
    expect(rt.getState('fit')).not.toHaveProperty('output');
  });

  it('graph errors are cell errors: nothing throws, broken cells never run, the rest does', async () => {
    const { log, run } = loggingRun();
    const rt = new Runtime({ run });
    expect(() => rt.setCells(cells('ok', 'a<b', 'b<a', 'c<a', 'm<missing', 'n<m'))).not.toThrow();
    await rt.settled();

    expect(log).toEqual(['ok']);
    expect(rt.getState('a')).toMatchObject({ status: 'error', error: 'Cells a → b → a depend on each other' });
    expect(rt.getState('b')).toMatchObject({ status: 'error', error: 'Cells a → b → a depend on each other' });
    expect(rt.getState('c')).toMatchObject({ status: 'error', error: "Waiting for 'a', which has an error" });
    expect(rt.getState('m')).toMatchObject({
      status: 'error',
      error: "Input 'missing' does not name a cell in this notebook",
    });
    expect(rt.getState('n')).toMatchObject({ status: 'error', error: "Waiting for 'm', which has an error" });
    // Calls on broken cells are harmless.
    expect(() => {
      rt.invalidate('a');
      rt.cancel('a');
    }).not.toThrow();
    await rt.runCell('c');

    // Fixing the wiring runs what was blocked.
    rt.setCells(cells('ok', 'a', 'b<a', 'c<a', 'm<ok', 'n<m'));
    await rt.settled();
    // Cells whose inputs are ready start together, in run order: ok, a, m first.
    expect(log).toEqual(['ok', 'a', 'm', 'b', 'c', 'n']);
    expect(statusOf(rt, 'a', 'b', 'c', 'm', 'n')).toEqual(['idle', 'idle', 'idle', 'idle', 'idle']);
  });
});

describe('Runtime: invalidate', () => {
  it('re-runs only the cell and its dependents, in topological order', async () => {
    const { log, counts, run } = loggingRun();
    const rt = new Runtime({ run });
    rt.setCells(cells('a', 'b<a', 'x', 'c<b', 'y<x'));
    await rt.settled();
    log.length = 0;

    rt.invalidate('b');
    await rt.settled();
    expect(log).toEqual(['b', 'c']);

    log.length = 0;
    rt.invalidate('a');
    await rt.settled();
    expect(log).toEqual(['a', 'b', 'c']);
    expect(counts).toEqual({ a: 2, b: 3, c: 3, x: 1, y: 1 });
    expect(rt.getState('c')).toMatchObject({ status: 'idle', output: 'c#3', runs: 3 });
  });

  it('a diamond runs the bottom once per change, after both sides', async () => {
    const { run, last, callsOf } = controlledRun();
    const rt = new Runtime({ run });
    rt.setCells(cells('a', 'b<a', 'c<a', 'd<b,c'));
    for (const round of [1, 2]) {
      if (round === 2) rt.invalidate('a');
      await tick();
      last('a').resolve(`a${round}`);
      await tick();
      last('b').resolve(`b${round}`);
      await tick();
      expect(callsOf('d')).toHaveLength(round - 1); // c is still running
      last('c').resolve(`c${round}`);
      await tick();
      expect(callsOf('d')).toHaveLength(round);
      expect(last('d').inputs).toEqual({ b: `b${round}`, c: `c${round}` });
      last('d').resolve(`d${round}`);
      await rt.settled();
    }
    expect(rt.getState('d')).toMatchObject({ status: 'idle', output: 'd2', runs: 2 });
  });
});

describe('Runtime: stale runs are cancelled', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('invalidating an upstream cell aborts a running dependent and drops its late result', async () => {
    const { run, last, callsOf } = controlledRun();
    const rt = new Runtime({ run });
    rt.setCells(cells('a', 'b<a'));
    await tick();
    last('a').resolve(1);
    await tick();
    const firstB = last('b');
    expect(firstB.inputs).toEqual({ a: 1 });

    rt.invalidate('a');
    expect(firstB.signal.aborted).toBe(true);
    expect(statusOf(rt, 'a', 'b')).toEqual(['queued', 'queued']);
    await tick();
    firstB.resolve('late result from a=1');
    await tick();
    expect(rt.getState('b').output).toBeUndefined();

    last('a').resolve(2);
    await tick();
    expect(callsOf('b')).toHaveLength(2);
    expect(last('b').inputs).toEqual({ a: 2 });
    last('b').resolve('from a=2');
    await rt.settled();
    expect(rt.getState('b')).toMatchObject({ status: 'idle', output: 'from a=2', runs: 1 });
  });

  it('a cell invalidated while running is re-run once, after the abandoned call settles', async () => {
    let option = 0;
    const { run: controlled, last, callsOf } = controlledRun();
    const seenOption: number[] = [];
    const rt = new Runtime({
      run: (id, inputs, signal) => {
        seenOption.push(option); // a real cell reads its options at call time
        return controlled(id, inputs, signal);
      },
    });
    rt.setCells(cells('a'));
    await tick();
    const first = last('a');

    for (let i = 1; i <= 10; i++) {
      option = i;
      rt.invalidate('a');
    }
    expect(first.signal.aborted).toBe(true);
    await tick();
    // This run function ignores the signal: no second call while the first is still going.
    expect(callsOf('a')).toHaveLength(1);
    expect(rt.getState('a').status).toBe('queued');

    first.resolve('stale');
    await tick();
    expect(callsOf('a')).toHaveLength(2);
    expect(rt.getState('a').status).toBe('running');
    last('a').resolve(`option ${option}`);
    await rt.settled();

    expect(seenOption).toEqual([0, 10]);
    expect(rt.getState('a')).toMatchObject({ status: 'idle', output: 'option 10', runs: 1 });
  });

  it('ten synchronous invalidations of an idle cell make one run', async () => {
    let option = 0;
    let calls = 0;
    const rt = new Runtime({
      run: () => {
        calls++;
        return option;
      },
    });
    rt.setCells(cells('a', 'b<a'));
    await rt.settled();
    for (let i = 1; i <= 10; i++) {
      option = i;
      rt.invalidate('a');
    }
    await rt.settled();
    expect(calls).toBe(4); // a and b once at first, once more after the burst
    expect(rt.getState('a').output).toBe(10);
    expect(rt.getState('b').output).toBe(10);
  });

  it('invalidations every 4 ms during 50 ms runs that ignore the signal: one abandoned run plus one more', async () => {
    vi.useFakeTimers();
    let option = 0;
    let calls = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const rt = new Runtime({
      run: async () => {
        calls++;
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        const seen = option;
        await new Promise((resolve) => setTimeout(resolve, 50));
        inFlight--;
        return seen;
      },
    });
    await invalidateEvery4ms(rt, (i) => (option = i));

    expect(calls).toBe(2);
    expect(maxInFlight).toBe(1);
    expect(rt.getState('a')).toMatchObject({ status: 'idle', output: 10, runs: 1 });
  });

  it('with a run that honours the signal, each invalidation aborts at once and only the last result lands', async () => {
    vi.useFakeTimers();
    let option = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const aborted: number[] = [];
    const rt = new Runtime({
      run: (_id, _inputs, signal) => {
        const seen = option;
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => {
            inFlight--;
            resolve(seen);
          }, 50);
          signal.addEventListener('abort', () => {
            clearTimeout(timer);
            inFlight--;
            aborted.push(seen);
            reject(signal.reason);
          });
        });
      },
    });
    await invalidateEvery4ms(rt, (i) => (option = i));

    expect(aborted).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(maxInFlight).toBe(1);
    // The aborted runs' rejections are not errors: they were abandoned.
    expect(rt.getState('a')).toEqual({ status: 'idle', output: 10, runs: 1, lastDurationMs: expect.any(Number) });
  });
});

describe('Runtime: manual cells', () => {
  function notebook() {
    const { log, run } = loggingRun();
    const rt = new Runtime({ run, isManual: (id) => id.startsWith('fit') });
    rt.setCells(cells('data', 'fit<data', 'plot<fit', 'table<data'));
    return { rt, log };
  }

  it('run on the first run, then go stale (keeping their output) instead of re-running', async () => {
    const { rt, log } = notebook();
    await rt.settled();
    expect(log).toEqual(['data', 'fit', 'table', 'plot']);
    log.length = 0;

    rt.invalidate('fit');
    await rt.settled();
    expect(rt.getState('fit')).toMatchObject({ status: 'stale', output: 'fit#1', runs: 1 });
    expect(rt.getState('plot')).toMatchObject({ status: 'stale', output: 'plot#1' });

    rt.invalidate('data');
    await rt.settled();
    // data and table are reactive; fit waits, and plot is not run with fit's outdated output.
    expect(log).toEqual(['data', 'table']);
    expect(statusOf(rt, 'data', 'fit', 'plot', 'table')).toEqual(['idle', 'stale', 'stale', 'idle']);
  });

  it('runCell brings the manual cell and its dependents up to date', async () => {
    const { rt, log } = notebook();
    await rt.settled();
    rt.invalidate('data');
    await rt.settled();
    log.length = 0;

    await rt.runCell('fit');
    expect(log).toEqual(['fit', 'plot']);
    expect(rt.getState('fit')).toMatchObject({ status: 'idle', output: 'fit#2' });
    expect(rt.getState('plot')).toMatchObject({ status: 'idle', output: 'plot#2' });
  });

  it('runCell runs stale cells upstream first; a manual cell downstream stays stale', async () => {
    const { log, run } = loggingRun();
    const rt = new Runtime({ run, isManual: (id) => id.startsWith('fit') });
    rt.setCells(cells('data', 'fit', 'plot<fit', 'fit2<plot', 'plot2<fit2'));
    await rt.settled();
    rt.invalidate('fit');
    log.length = 0;

    await rt.runCell('plot');
    expect(log).toEqual(['fit', 'plot']);
    expect(statusOf(rt, 'fit', 'plot', 'fit2', 'plot2')).toEqual(['idle', 'idle', 'stale', 'stale']);
    expect(rt.getState('fit2').output).toBe('fit2#1');
  });

  it('runCell re-runs a cell that is already up to date (Fit again)', async () => {
    const { rt, log } = notebook();
    await rt.settled();
    log.length = 0;
    await rt.runCell('fit');
    expect(log).toEqual(['fit', 'plot']);
  });
});

describe('Runtime: cancel (Stop)', () => {
  it('aborts the run, keeps the old output marked stale, and drops the late result', async () => {
    const { run, last, callsOf } = controlledRun();
    const rt = new Runtime({ run });
    rt.setCells(cells('a', 'b<a', 'c<b'));
    await tick();
    last('a').resolve(1);
    await tick();
    last('b').resolve('b1');
    await tick();
    last('c').resolve('c1');
    await rt.settled();

    rt.invalidate('b');
    await tick();
    const running = last('b');
    rt.cancel('b');
    expect(running.signal.aborted).toBe(true);
    expect(rt.getState('b')).toMatchObject({ status: 'stale', output: 'b1' });
    expect(rt.getState('c')).toMatchObject({ status: 'stale', output: 'c1' });
    expect(await within(rt.settled())).toBe('settled');

    running.resolve('b-late');
    await tick();
    expect(rt.getState('b')).toMatchObject({ status: 'stale', output: 'b1' });
    expect(callsOf('b')).toHaveLength(2);

    const done = rt.runCell('b');
    await tick();
    last('b').resolve('b3');
    await tick();
    last('c').resolve('c3');
    await done;
    expect(rt.getState('b')).toMatchObject({ status: 'idle', output: 'b3' });
    expect(rt.getState('c')).toMatchObject({ status: 'idle', output: 'c3' });
  });

  it('does nothing to a cell that is up to date', async () => {
    const rt = new Runtime({ run: () => 1 });
    rt.setCells(cells('a'));
    await rt.settled();
    const events: string[] = [];
    rt.subscribe((id, s) => events.push(`${id}:${s.status}`));
    rt.cancel('a');
    rt.cancel('not-a-cell');
    expect(events).toEqual([]);
    expect(rt.getState('a').status).toBe('idle');
  });
});

describe('Runtime: setCells', () => {
  it('keeps outputs of unchanged cells; new and rewired cells and their dependents run', async () => {
    const { log, run } = loggingRun();
    const rt = new Runtime({ run });
    rt.setCells(cells('a', 'b<a', 'c<b'));
    await rt.settled();
    const aBefore = rt.getState('a');
    log.length = 0;

    rt.setCells(cells('a', 'b<a', 'c<b', 'd<a'));
    await rt.settled();
    expect(log).toEqual(['d']);
    expect(rt.getState('a')).toBe(aBefore);

    log.length = 0;
    rt.setCells(cells('a', 'x', 'b<x', 'c<b', 'd<a'));
    await rt.settled();
    expect(log).toEqual(['x', 'b', 'c']);

    log.length = 0;
    rt.setCells(cells('a', 'b<x', 'c<b', 'd<a'));
    await rt.settled();
    expect(log).toEqual([]);
    expect(rt.getState('b')).toMatchObject({ status: 'error', error: "Input 'x' does not name a cell in this notebook" });
    expect(rt.getState('c')).toMatchObject({ status: 'error', error: "Waiting for 'b', which has an error" });
    expect(rt.getState('x')).toEqual({ status: 'idle', runs: 0 });
    expect(rt.getState('d').status).toBe('idle');

    // Bringing 'x' back runs it afresh, and what it blocked.
    rt.setCells(cells('a', 'x', 'b<x', 'c<b', 'd<a'));
    await rt.settled();
    expect(log).toEqual(['x', 'b', 'c']);
    expect(rt.getState('x')).toMatchObject({ status: 'idle', output: 'x#2', runs: 1 });
  });

  it('a rewired manual cell goes stale', async () => {
    const { run } = loggingRun();
    const rt = new Runtime({ run, isManual: (id) => id === 'fit' });
    rt.setCells(cells('a', 'b', 'fit<a'));
    await rt.settled();
    rt.setCells(cells('a', 'b', 'fit<b'));
    await rt.settled();
    expect(rt.getState('fit')).toMatchObject({ status: 'stale', output: 'fit#1' });
  });

  it('removing a running cell aborts it and ignores its result', async () => {
    const { run, last } = controlledRun();
    const rt = new Runtime({ run });
    const events: string[] = [];
    rt.setCells(cells('a', 'b'));
    await tick();
    rt.subscribe((id) => events.push(id));
    const a = last('a');
    rt.setCells(cells('b'));
    expect(a.signal.aborted).toBe(true);
    a.resolve('late');
    await tick();
    expect(events).toEqual([]);
    expect(rt.getState('a')).toEqual({ status: 'idle', runs: 0 });
  });
});

describe('Runtime: runAll', () => {
  it('retries cells that threw, leaves stale manual cells unless asked', async () => {
    let attempts = 0;
    const { log, run } = loggingRun();
    const rt = new Runtime({
      isManual: (id) => id === 'fit',
      run: (id) => {
        if (id === 'flaky' && ++attempts === 1) throw new Error('network');
        return run(id);
      },
    });
    rt.setCells(cells('flaky', 'fit', 'plot<fit'));
    await rt.runAll();
    expect(rt.getState('flaky').status).toBe('error');
    expect(log).toEqual(['fit', 'plot']);

    rt.invalidate('fit');
    log.length = 0;
    await rt.runAll();
    expect(rt.getState('flaky')).toMatchObject({ status: 'idle', output: 'flaky#1' });
    expect(statusOf(rt, 'fit', 'plot')).toEqual(['stale', 'stale']);
    expect(log).toEqual(['flaky']);

    await rt.runAll({ includeStale: true });
    expect(statusOf(rt, 'fit', 'plot')).toEqual(['idle', 'idle']);
    expect(log).toEqual(['flaky', 'fit', 'plot']);
  });
});

describe('Runtime: listeners, settled, dispose', () => {
  it('tells listeners every state change, with the state getState returns; unsubscribing stops it', async () => {
    const rt = new Runtime({ run: (id) => id.toUpperCase() });
    const events: [string, CellState][] = [];
    const unsubscribe = rt.subscribe((id, state) => events.push([id, state]));
    rt.setCells(cells('a', 'b<a'));
    await rt.settled();

    expect(events.map(([id, s]) => `${id}:${s.status}`)).toEqual([
      'a:queued',
      'b:queued',
      'a:running',
      'a:idle',
      'b:running',
      'b:idle',
    ]);
    expect(events.at(-1)![1]).toBe(rt.getState('b'));
    expect(events.at(-1)![1]).toEqual({ status: 'idle', output: 'B', runs: 1, lastDurationMs: expect.any(Number) });

    unsubscribe();
    rt.invalidate('a');
    await rt.settled();
    expect(events).toHaveLength(6);
    expect(rt.getState('a').runs).toBe(2);
  });

  it('settled resolves at once when nothing is queued or running, and waits otherwise', async () => {
    const empty = new Runtime({ run: () => 0 });
    expect(await within(empty.settled())).toBe('settled');

    const { run, last } = controlledRun();
    const rt = new Runtime({ run });
    rt.setCells(cells('a'));
    const waiting = rt.settled();
    await tick();
    expect(await within(waiting)).toBe('pending');
    last('a').resolve(1);
    expect(await within(waiting)).toBe('settled');
    expect(await within(rt.settled())).toBe('settled');
  });

  it('dispose aborts running cells, drops their results, and releases waiters', async () => {
    const { run, last } = controlledRun();
    const rt = new Runtime({ run });
    rt.setCells(cells('a'));
    await tick();
    const waiting = rt.settled();
    rt.dispose();
    expect(last('a').signal.aborted).toBe(true);
    expect(await within(waiting)).toBe('settled');
    last('a').resolve('late');
    await tick();
    expect(rt.getState('a').output).toBeUndefined();
    expect(() => rt.invalidate('a')).not.toThrow();
  });
});
