import { describe, expect, it } from 'vitest';
import { createTurns } from '../../../src/lib/plot/first-draws';

/** A frame clock the test advances by hand. */
function manualFrames() {
  let callbacks: (() => void)[] = [];
  return {
    nextFrame: (callback: () => void) => void callbacks.push(callback),
    async tick() {
      const due = callbacks;
      callbacks = [];
      due.forEach((c) => c());
      // Let the awaiting turn loop run its continuation.
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
    get waiting() {
      return callbacks.length;
    },
  };
}

describe('first draws take turns, one per animation frame', () => {
  it('starts the draws in the order asked, one each frame, none before the first frame', async () => {
    const frames = manualFrames();
    const turns = createTurns(frames.nextFrame);
    const started: string[] = [];
    for (const name of ['scatter', 'histogram', 'matrix']) {
      turns.take(async () => {
        started.push(name);
      });
    }
    expect(started).toEqual([]);
    await frames.tick();
    expect(started).toEqual(['scatter']);
    await frames.tick();
    expect(started).toEqual(['scatter', 'histogram']);
    await frames.tick();
    expect(started).toEqual(['scatter', 'histogram', 'matrix']);
    await frames.tick();
    expect(frames.waiting).toBe(0);
  });

  it('goes on after a draw that fails or never settles, and starts again when asked later', async () => {
    const frames = manualFrames();
    const turns = createTurns(frames.nextFrame);
    const started: string[] = [];
    turns.take(() => {
      started.push('never');
      return new Promise(() => {});
    });
    turns.take(() => {
      started.push('fails');
      return Promise.reject(new Error('no WebGL'));
    });
    turns.take(async () => void started.push('last'));
    for (let i = 0; i < 3; i++) await frames.tick();
    expect(started).toEqual(['never', 'fails', 'last']);
    await frames.tick();
    turns.take(async () => void started.push('later'));
    expect(started).toHaveLength(3);
    await frames.tick();
    expect(started).toEqual(['never', 'fails', 'last', 'later']);
  });
});
