// The neural networks notebook in Node (TensorFlow.js on its CPU backend):
// XOR beyond a straight boundary and within one hidden layer's reach; a wide
// network on few noisy points overfits and each cure narrows the gap; the
// network and logistic regression side by side on the breast cancer table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassifierOutput } from '../../../src/cells/classifier/run';
import type { NetworkOutput } from '../../../src/cells/network/run';
import type { CellResults } from '../run-cells';
import { runNotebook } from './run-notebook';

describe('the neural networks notebook', () => {
  let run: CellResults;
  beforeAll(async () => {
    run = await runNotebook('notebooks/neural-networks.md');
  }, 240_000);
  afterAll(() => {
    for (const output of Object.values(run?.outputs ?? {})) (output as Partial<NetworkOutput>).trainer?.dispose();
  });
  const net = (id: string) => run.outputs[id] as NetworkOutput;
  const last = (id: string) => net(id).trainer.snapshot.history.at(-1)!;

  it('runs with no cell in error, every network trained to the end of its budget (or stopped early)', () => {
    expect(run.errors).toEqual({});
    for (const id of ['no-hidden', 'one-hidden', 'wide', 'wide-l2', 'wide-dropout', 'wide-early', 'cancer-network']) {
      expect(net(id).result.state, id).toBe('finished');
    }
  });

  it('XOR: no hidden layer stays near chance, one hidden layer of four learns it', () => {
    expect(net('no-hidden').result.metrics.train!.accuracy).toBeLessThan(0.7);
    expect(net('no-hidden').result.metrics.test!.accuracy).toBeLessThan(0.7);
    expect(net('one-hidden').result.metrics.train!.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(net('one-hidden').result.metrics.test!.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('the wide network overfits: its training loss ends far below its validation loss', () => {
    const { trainLoss, validationLoss } = last('wide');
    expect(trainLoss).toBeLessThan(0.25 * validationLoss!);
  });

  it('L2, dropout and early stopping each end with a lower validation loss than the wide network', () => {
    const wide = last('wide').validationLoss!;
    expect(last('wide-l2').validationLoss!).toBeLessThan(wide);
    expect(last('wide-dropout').validationLoss!).toBeLessThan(wide);
    // Early stopping ends before the budget and keeps the best epoch's weights: its test log loss beats the wide network's.
    expect(net('wide-early').result.epochs).toBeLessThan(100);
    expect(net('wide-early').result.metrics.test!.logLoss!).toBeLessThan(net('wide').result.metrics.test!.logLoss!);
  });

  it('on the breast cancer table the network is as good as logistic regression on the test part', () => {
    const logistic = (run.outputs['cancer-logistic'] as ClassifierOutput).metrics.test!.accuracy;
    const network = net('cancer-network').result.metrics.test!.accuracy!;
    expect(logistic).toBeGreaterThan(0.9);
    expect(network).toBeGreaterThan(0.9);
    expect(Math.abs(network - logistic)).toBeLessThan(0.05);
  });
});
