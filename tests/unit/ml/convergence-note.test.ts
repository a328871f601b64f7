// The training panel's "not converged yet" sentence (src/cells/shared/training.ts), from a
// gradient-descent history and the exact solution's training loss.
import { describe, expect, it } from 'vitest';
import { convergenceNote } from '../../../src/cells/shared/training';

const history = (losses: number[]) => losses.map((trainLoss, i) => ({ epoch: i + 1, epochs: losses.length, trainLoss, validationLoss: null }));

describe('convergenceNote', () => {
  it('says how far above the exact loss training ended (Boston, adam 0.01, 100 epochs: 94 %)', () => {
    const note = convergenceNote({ history: history([80, 40.4]), bestEpoch: 2, stoppedEarly: false }, 20.8);
    expect(note).toBe(
      "Not converged yet: the training loss is 94 % above the exact solution's. More epochs or a larger learning rate would bring it closer; the exact solver reaches the minimum directly.",
    );
  });
  it('is silent within 1 %, after early stopping, and without an exact loss', () => {
    expect(convergenceNote({ history: history([30, 21]), bestEpoch: 2, stoppedEarly: false }, 20.8)).toBeUndefined();
    expect(convergenceNote({ history: history([80, 40]), bestEpoch: 1, stoppedEarly: true }, 20.8)).toBeUndefined();
    expect(convergenceNote({ history: history([80, 40]), bestEpoch: 2, stoppedEarly: false }, undefined)).toBeUndefined();
  });
});
