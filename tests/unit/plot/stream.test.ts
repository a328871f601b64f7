import { describe, expect, it } from 'vitest';
import { hashSpaceFigure, shardLoadFigure, throttledFigure } from '../../../src/lib/plot/stream';

const lines = [
  { id: 'shardId-000000000000', values: [10, 20, NaN] },
  { id: 'shardId-000000000001', values: [NaN, 5, 7] },
];

describe('stream figures', () => {
  it('draws a line per shard with gaps where it did not exist, and the limit dashed', () => {
    const figure = shardLoadFigure(lines, 1000, 3);
    expect(figure).toMatchSnapshot();
    expect(figure.data.map((t) => t.name)).toEqual(['shard 0', 'shard 1', 'limit (1000 records/s)']);
    expect(figure.data[0].y).toEqual([10, 20, null]);
    expect(figure.data[2].y).toEqual([1000, 1000]);
  });

  it('draws throttled attempts per shard', () => {
    expect(throttledFigure(lines, 3)).toMatchSnapshot();
  });

  it('places keys by hash fraction, coloured by shard, with a boundary between shards', () => {
    const figure = hashSpaceFigure({
      keys: [
        { key: 'a', fraction: 0.1, share: 0.5, shard: 's0' },
        { key: 'b', fraction: 0.7, share: 0.3, shard: 's1' },
        { key: 'c', fraction: 0.9, share: 0.2, shard: 's1' },
      ],
      shards: [
        { id: 's0', start: 0, end: 0.5 },
        { id: 's1', start: 0.5, end: 1 },
      ],
    });
    expect(figure).toMatchSnapshot();
    expect(figure.data[1]).toMatchObject({ x: [0.7, 0.9], y: [0.3, 0.2], text: ['b', 'c'] });
    expect(figure.data[2]).toMatchObject({ x: [0.5, 0.5], y: [0, 0.5] });
  });
});
