// The training session's lifecycle (pause, resume, step, stop, early stopping, divergence,
// abort, dispose) and its tensor hygiene, on the cpu backend.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../../src/lib/nn/session';
import type { HiddenLayer, NetworkData, NetworkSpec, NetworkTrainOptions, TrainingSession } from '../../../src/lib/nn/types';
import { useBackend } from './backends';
import { generatedRows } from './data';

const layer = (units: number, extra: Partial<HiddenLayer> = {}): HiddenLayer => ({ units, activation: 'tanh', l1: 0, l2: 0, dropout: 0, ...extra });
const binary = (hidden: HiddenLayer[], seed = 1): NetworkSpec => ({ task: 'binary', inputs: 2, outputs: 1, hidden, outputL1: 0, outputL2: 0, seed });
const adam = (epochs: number, extra: Partial<NetworkTrainOptions> = {}): NetworkTrainOptions => ({ optimizer: 'adam', learningRate: 0.03, batchSize: 16, epochs, ...extra });

const moons = generatedRows('moons', 80, 0.2, 3);

async function flatWeights(session: TrainingSession): Promise<number[]> {
  return (await session.weights()).flatMap((l) => [...l.kernel, ...l.bias]);
}

/** Mean log loss of 0/1 targets under probabilities, in float64. */
function logLoss(p: Float32Array, y: Float32Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s -= y[i] ? Math.log(p[i]) : Math.log(1 - p[i]);
  return s / y.length;
}

beforeAll(async () => {
  await useBackend('cpu');
});

describe('run, pause, resume and step', () => {
  it('pause ends run() at an epoch end; run() resumes; the result equals an uninterrupted run', async () => {
    const paused = await createSession(binary([layer(4)]), adam(8), moons, null);
    expect(paused.state).toBe('ready');
    expect(paused.backend).toBe('cpu');
    const state = await paused.run((r) => {
      expect(paused.state).toBe('running');
      if (r.epoch === 3) paused.pause();
    });
    expect(state).toBe('paused');
    expect(paused.epoch).toBe(3);
    expect(await paused.run()).toBe('finished');
    expect(paused.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const straight = await createSession(binary([layer(4)]), adam(8), moons, null);
    await straight.run();
    expect(await flatWeights(paused)).toEqual(await flatWeights(straight));
    expect(paused.history).toEqual(straight.history);
    // A finished run stays finished; a second concurrent run is refused.
    expect(await paused.run()).toBe('finished');
    paused.dispose();
    straight.dispose();
  });

  it('step trains exactly one epoch, the same epoch run() would train', async () => {
    const stepped = await createSession(binary([layer(4)]), adam(3), moons, null);
    const first = await stepped.step();
    expect(first.epoch).toBe(1);
    expect(stepped.epoch).toBe(1);
    expect(stepped.state).toBe('paused');
    await stepped.step();
    await stepped.step();
    expect(stepped.state).toBe('finished');
    const run = await createSession(binary([layer(4)]), adam(3), moons, null);
    await run.run();
    expect(await flatWeights(stepped)).toEqual(await flatWeights(run));
    // Step goes past the budget when asked.
    expect((await stepped.step()).epoch).toBe(4);
    stepped.dispose();
    run.dispose();
  });

  it('same seed, same run (dropout masks and batch order included); another seed, another run', async () => {
    const hidden = [layer(6, { dropout: 0.3 }), layer(4, { dropout: 0.2 })];
    const histories = [];
    for (const seed of [4, 4, 5]) {
      const s = await createSession(binary(hidden, seed), adam(4), moons, null);
      await s.run();
      histories.push(s.history.map((h) => h.trainLoss));
      s.dispose();
    }
    expect(histories[0]).toEqual(histories[1]);
    expect(histories[0]).not.toEqual(histories[2]);
  });

  it('the reported losses are in inference mode: no dropout, no penalty', async () => {
    const s = await createSession(binary([layer(8, { dropout: 0.5, l2: 0.1 })]), adam(2, { batchSize: 'full' }), moons, moons);
    const report = await s.step();
    const points = await s.predict(moons.X, moons.rows);
    expect(report.trainLoss).toBeCloseTo(logLoss(points.output, moons.y), 5);
    expect(report.validationLoss).toBeCloseTo(report.trainLoss, 6);
    s.dispose();
  });
});

describe('stop, early stopping, divergence', () => {
  it('stop() ends a run between two mini-batches, within the epoch under way', async () => {
    // Batch size 1: 80 mini-batches per epoch.
    const s = await createSession(binary([layer(4)]), adam(50, { batchSize: 1 }), moons, null);
    let afterFirst: number[] = [];
    const state = await s.run(async (r) => {
      if (r.epoch !== 1) return;
      afterFirst = await flatWeights(s);
      setTimeout(() => s.stop(), 0);
    });
    expect(state).toBe('stopped');
    expect(s.epoch).toBe(1); // epoch 2 began but did not finish
    expect(await flatWeights(s)).not.toEqual(afterFirst); // some of its batches ran
    await expect(s.run()).resolves.toBe('stopped');
    await expect(s.step()).rejects.toThrow(/stopped/);
    s.dispose();
  });

  it('stop() during step() rejects it with an AbortError', async () => {
    const s = await createSession(binary([layer(4)]), adam(5, { batchSize: 1 }), moons, null);
    const step = s.step();
    setTimeout(() => s.stop(), 0);
    await expect(step).rejects.toMatchObject({ name: 'AbortError' });
    expect(s.state).toBe('stopped');
    s.dispose();
  });

  it('early stopping on the validation loss puts back the best weights', async () => {
    // 12 noisy training points, a wide network: the validation loss turns up as it overfits.
    const train = generatedRows('moons', 12, 0.35, 8);
    const validation = generatedRows('moons', 200, 0.35, 9);
    const s = await createSession(binary([layer(32), layer(32)]), adam(3000, { batchSize: 'full', learningRate: 0.02, patience: 10 }), train, validation);
    expect(await s.run()).toBe('finished');
    expect(s.epoch).toBeLessThan(3000);
    const losses = s.history.map((h) => h.validationLoss!);
    const best = Math.min(...losses);
    expect(losses.indexOf(best)).toBe(s.epoch - 11); // ten epochs without improvement after the best
    const now = await s.predict(validation.X, validation.rows);
    expect(logLoss(now.output, validation.y)).toBeCloseTo(best, 5);
    expect(losses.at(-1)!).toBeGreaterThan(best);
    s.dispose();
  });

  it('a diverging loss fails the run with a clear error', async () => {
    const data: NetworkData = { X: moons.X, y: Float32Array.from(moons.y, (v, i) => v * 1e3 + i), rows: moons.rows };
    const s = await createSession({ ...binary([layer(4, { activation: 'relu' })]), task: 'regression' }, { optimizer: 'sgd', learningRate: 10, batchSize: 'full', epochs: 50 }, data, null);
    expect(await s.run()).toBe('failed');
    expect(s.error?.message).toMatch(/diverged at epoch \d+.*lower the learning rate/);
    await expect(s.step()).rejects.toThrow(/failed/);
    s.dispose();
  });
});

describe('specs a learner can fix', () => {
  const opts = adam(1);
  it.each([
    [binary(Array.from({ length: 7 }, () => layer(2))), /0 to 6 hidden layers/],
    [binary([layer(0)]), /Hidden layer 1 has 0 units; give it a whole number from 1 to 128/],
    [binary([layer(129)]), /from 1 to 128/],
    [binary([layer(4, { dropout: 1 })]), /dropout rate must be at least 0 and below 1/],
    [binary([layer(4, { l2: NaN })]), /L1 and L2 penalties must be finite/],
    [{ ...binary([]), task: 'multiclass' as const, outputs: 1 }, /two or more classes/],
    [{ ...binary([]), inputs: 0 }, /at least one input/],
  ])('%#: refused with a sentence', async (spec, message) => {
    await expect(createSession(spec, opts, moons, null)).rejects.toThrow(message);
  });
  it('rows that do not fit the spec, and bad options, are refused', async () => {
    await expect(createSession({ ...binary([]), inputs: 3 }, opts, moons, null)).rejects.toThrow(/not 80 rows × 3 inputs/);
    await expect(createSession(binary([]), opts, { ...moons, y: moons.y.map((v) => v + 0.5) }, null)).rejects.toThrow(/must be 0 or 1/);
    await expect(createSession(binary([]), { ...opts, learningRate: 0 }, moons, null)).rejects.toThrow(/learning rate/);
  });
});

describe('tensor hygiene', () => {
  it('50 create/train/dispose cycles leave tf.memory().numTensors at its baseline', async () => {
    const baseline = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) {
      const multiclass = i % 3 === 1;
      const spec: NetworkSpec = {
        ...binary([layer(3, { dropout: i % 2 ? 0.2 : 0, l1: 0.01, l2: 0.01 }), layer(2, { activation: 'relu' })], i),
        ...(multiclass ? { task: 'multiclass' as const, outputs: 2 } : {}),
      };
      const s = await createSession(spec, adam(2, { patience: 1, optimizer: i % 2 ? 'momentum' : 'adam' }), moons, i % 2 ? moons : null);
      await s.run();
      await s.predict(moons.X.subarray(0, 10), 5, true);
      await s.weights();
      s.dispose();
      s.dispose();
    }
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('dispose() mid-run stops it and frees everything; later calls are refused', async () => {
    const baseline = tf.memory().numTensors;
    const s = await createSession(binary([layer(8)]), adam(100, { batchSize: 1, patience: 50 }), moons, moons);
    const running = s.run((r) => {
      if (r.epoch === 2) setTimeout(() => s.dispose(), 0);
    });
    expect(await running).toBe('stopped');
    expect(s.epoch).toBe(2);
    expect(tf.memory().numTensors).toBe(baseline);
    await expect(s.predict(moons.X, moons.rows)).rejects.toThrow(/disposed/);
    await expect(s.run()).rejects.toThrow(/disposed/);
  });

  it('an aborted signal stops the run and disposes the session', async () => {
    const baseline = tf.memory().numTensors;
    const controller = new AbortController();
    const s = await createSession(binary([layer(8)]), adam(100, { batchSize: 1 }), moons, null, controller.signal);
    const running = s.run((r) => {
      if (r.epoch === 1) setTimeout(() => controller.abort(), 0);
    });
    expect(await running).toBe('stopped');
    expect(s.epoch).toBe(1);
    expect(tf.memory().numTensors).toBe(baseline);
    await expect(createSession(binary([]), adam(1), moons, null, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
