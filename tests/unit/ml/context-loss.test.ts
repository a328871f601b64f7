// Training must end, whatever happens to the awaits inside it: a lost WebGL context
// (whose reads never resolve) and Stop both end a run that waits on a promise that
// never settles, and leave no tensor behind.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../../src/lib/ml/backend';
import { contextLoss, isContextLostError, watchWebglContext } from '../../../src/lib/ml/context-loss';
import { fitLinearGD } from '../../../src/lib/ml/gd/linear-gd';
import { matrixFromColumns } from '../../../src/lib/ml/matrix';

const X = matrixFromColumns([Float64Array.from({ length: 50 }, (_, i) => i / 10)]);
const y = Float64Array.from({ length: 50 }, (_, i) => 2 * (i / 10) + 1);
const never = () => new Promise<void>(() => undefined);

beforeAll(async () => {
  await selectBackend({ preference: 'cpu' });
});

describe('a run waiting on a promise that never settles', () => {
  it('ends with ContextLostError when the watched context is lost, after the shell was told', async () => {
    const canvas = new EventTarget();
    const events: string[] = [];
    const stop = watchWebglContext(() => events.push('shell told'), canvas);
    const before = tf.memory().numTensors;
    const run = fitLinearGD(X, y, {
      epochs: 1000,
      onEpoch: (p) => {
        if (p.epoch === 3) setTimeout(() => canvas.dispatchEvent(new Event('webglcontextlost')), 10);
        return p.epoch === 3 ? never() : undefined;
      },
    });
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    events.push('run ended');
    expect(isContextLostError(error)).toBe(true);
    expect((error as Error).message).toMatch(/WebGL context was lost/);
    expect(events).toEqual(['shell told', 'run ended']);
    expect(tf.memory().numTensors).toBe(before);
    // Once lost, a new waiter learns it at once; a new watch starts afresh.
    await expect(contextLoss().promise).rejects.toThrow(/WebGL context was lost/);
    stop();
    const fresh = new EventTarget();
    const stopFresh = watchWebglContext(() => undefined, fresh);
    const done = await fitLinearGD(X, y, { epochs: 5 });
    expect(done.epochsRun).toBe(5);
    stopFresh();
  });

  it('ends with AbortError when stopped', async () => {
    const controller = new AbortController();
    const before = tf.memory().numTensors;
    const run = fitLinearGD(X, y, {
      epochs: 1000,
      signal: controller.signal,
      onEpoch: (p) => {
        if (p.epoch === 2) setTimeout(() => controller.abort(), 10);
        return p.epoch === 2 ? never() : undefined;
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('watching nothing (WASM, CPU) is a no-op', () => {
    const stop = watchWebglContext(() => {
      throw new Error('never called');
    });
    stop();
  });
});
