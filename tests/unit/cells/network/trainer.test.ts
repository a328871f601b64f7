// The trainer's lifecycle against a scripted session (the real engine is
// tested in tests/unit/nn): what each button does, that pictures and metrics
// follow, and that every session it builds is disposed exactly when it should be.
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../../../src/lib/data/csv/read';
import type { CreateSession, EpochReport, SessionState, TrainingSession } from '../../../../src/lib/nn/types';
import { NetworkTrainer } from '../../../../src/cells/network/trainer';
import { networkInputs } from '../../../../src/cells/network/prepare';
import { probeFor } from '../../../../src/cells/network/figures';
import { networkSchema } from '../../../../src/cells/network/schema';
import { specOf, trainOptionsOf } from '../../../../src/cells/network/run';

const train = readCsvText('x1,x2,y\n0,0,A\n1,0,B\n0,1,B\n1,1,A\n').table;

/** A session that "trains" by counting epochs; predict answers 0.75 for every row. */
function scripted(log: { created: number; disposed: number }): CreateSession {
  return async (spec, options) => {
    log.created++;
    let state: SessionState = 'ready';
    let epoch = 0;
    let pauseAsked = false;
    let disposed = false;
    const history: EpochReport[] = [];
    const one = () => {
      epoch++;
      const report = { epoch, trainLoss: 1 / epoch, validationLoss: null, trainAccuracy: null, validationAccuracy: null };
      history.push(report);
      return report;
    };
    const session: TrainingSession = {
      get state() {
        return state;
      },
      get epoch() {
        return epoch;
      },
      history,
      backend: 'cpu',
      error: null,
      async run(onEpoch) {
        state = 'running';
        while (epoch < options.epochs) {
          if (pauseAsked) {
            pauseAsked = false;
            return (state = 'paused');
          }
          await onEpoch?.(one());
        }
        return (state = 'finished');
      },
      pause: () => (pauseAsked = true),
      async step() {
        const report = one();
        state = epoch >= options.epochs ? 'finished' : 'paused';
        return report;
      },
      stop: () => (state = 'stopped'),
      async weights() {
        return [{ inputs: spec.inputs, units: 1, kernel: new Float32Array(spec.inputs), bias: new Float32Array(1), activation: 'output' as const }];
      },
      async predict(_X, rows) {
        return { output: new Float32Array(rows).fill(0.75), units: [] };
      },
      dispose() {
        if (!disposed) log.disposed++;
        disposed = true;
      },
    };
    return session;
  };
}

async function trainer(log: { created: number; disposed: number }, epochs = 5) {
  const options = networkSchema.parse({ input: 'd', target: 'y', features: ['x1', 'x2'], epochs, hidden: [] });
  const inputs = networkInputs(options, { train });
  return NetworkTrainer.create({
    spec: specOf(options, inputs),
    options: trainOptionsOf(options, false),
    inputs,
    probe: probeFor(inputs, train),
    create: scripted(log),
    frame: () => Promise.resolve(),
  });
}

describe('the network trainer', () => {
  it('trains to the budget, draws while training and measures every part when it halts', async () => {
    const log = { created: 0, disposed: 0 };
    const t = await trainer(log);
    expect(t.state).toBe('ready');
    const seen: number[] = [];
    expect(await t.train((r) => seen.push(r.epoch))).toBe('finished');
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(t.snapshot.history).toHaveLength(5);
    expect(t.snapshot.draws).toBeGreaterThan(1);
    expect(t.snapshot.output).toHaveLength(40 * 40);
    // Every row predicted 0.75 for B: half right, log loss of −(ln 0.75 + ln 0.25)/2.
    expect(t.snapshot.metrics.train!.accuracy).toBe(0.5);
    expect(t.snapshot.metrics.train!.logLoss).toBeCloseTo(-(Math.log(0.75) + Math.log(0.25)) / 2, 6);
  });

  it('pauses, resumes, steps one epoch, and resets to a fresh network (disposing the old one)', async () => {
    const log = { created: 0, disposed: 0 };
    const t = await trainer(log, 10);
    expect(await t.train((r) => r.epoch === 3 && t.pause())).toBe('paused');
    // Pause takes effect at the end of the epoch it was asked in.
    expect(t.snapshot.epoch).toBe(3);
    await t.step();
    expect(t.snapshot.epoch).toBe(4);
    expect(await t.train()).toBe('finished');
    expect(t.snapshot.epoch).toBe(10);
    await t.reset();
    expect(log).toEqual({ created: 2, disposed: 1 });
    expect(t.snapshot.epoch).toBe(0);
    expect(t.snapshot.metrics).toEqual({});
  });

  it('frees its session once on dispose, even twice, and then does nothing', async () => {
    const log = { created: 0, disposed: 0 };
    const t = await trainer(log);
    t.dispose();
    t.dispose();
    expect(log.disposed).toBe(1);
    expect(t.state).toBe('disposed');
    expect(await t.train()).toBe('disposed');
  });
});
