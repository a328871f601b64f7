// The network cell's run with the real engine (TensorFlow.js on its CPU
// backend in Node): a new run of the same cell disposes the network before,
// an abandoned run disposes its own, and no tensor is left behind.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../../../src/lib/data/csv/read';
import { runNetworkCell, type NetworkOutput, type NetworkPartial } from '../../../../src/cells/network/run';
import { networkSchema } from '../../../../src/cells/network/schema';
import { runContext } from '../context';

const table = readCsvText('x1,x2,y\n0,0,A\n1,0,B\n0,1,B\n1,1,A\n0.1,0.9,B\n0.9,0.1,B\n0.9,0.9,A\n0.1,0.1,A\n').table;
const options = (epochs: number) => networkSchema.parse({ input: 'd', target: 'y', features: ['x1', 'x2'], hidden: [{ units: 3 }], epochs, batchSize: 4 });

describe('the network cell run', () => {
  it('a second run of the same cell disposes the first network, and disposing the last frees every tensor', async () => {
    await tf.ready();
    const before = tf.memory().numTensors;
    const first = (await runNetworkCell(runContext(options(3), { d: { table } }))) as NetworkOutput;
    expect(first.result.state).toBe('finished');
    expect(first.result.epochs).toBe(3);
    expect(first.result.backend).toBe(tf.getBackend());
    expect(first.result.metrics.train!.accuracy).toBeGreaterThanOrEqual(0);
    const second = (await runNetworkCell(runContext(options(2), { d: { table } }))) as NetworkOutput;
    expect(first.trainer.state).toBe('disposed');
    expect(second.trainer.state).toBe('finished');
    second.trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('an abandoned run (its signal aborted while training) disposes its network and rejects', async () => {
    await tf.ready();
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const ctx = runContext<ReturnType<typeof options>>(options(500), { d: { table } }, { id: 'other', signal: controller.signal });
    const running = runNetworkCell(ctx);
    await expect.poll(() => ctx.partialsSeen.length).toBe(1);
    const { trainer } = ctx.partialsSeen[0] as NetworkPartial;
    await expect.poll(() => trainer.snapshot.epoch).toBeGreaterThan(0);
    controller.abort();
    await expect(running).rejects.toThrow();
    expect(trainer.state).toBe('disposed');
    expect(tf.memory().numTensors).toBe(before);
  });
});
