// Figures of a simulated Kinesis stream: records each shard accepted per
// second against its limit, throttled attempts per second, and where the
// partition keys fall in the 128-bit hash space.
import { axis, baseLayout } from './layout';
import { plural } from './numbers';
import { COLOURS, classColour } from './theme';
import type { Figure, TraceSpec } from './types';

export interface ShardLine {
  id: string;
  /** One value per second; NaN where the shard did not exist. */
  values: number[];
}

const shortId = (id: string) => id.replace(/^shardId-0*(?=\d)/, 'shard ');

function perSecondTraces(lines: ShardLine[], what: string): TraceSpec[] {
  return lines.map((line, k) => ({
    type: 'scatter',
    mode: 'lines',
    name: shortId(line.id),
    x: line.values.map((_, t) => t),
    y: line.values.map((v) => (Number.isNaN(v) ? null : v)),
    line: { color: classColour(k), width: 2 },
    hovertemplate: `${shortId(line.id)}<br>second %{x}<br>${what}: %{y}<extra></extra>`,
  }));
}

/**
 * Records accepted per second by each shard, with the per-shard write limit
 * dashed. Teaches: a hot partition key pins its shard to the limit while the
 * others idle; adding shards only helps when the load spreads over keys.
 */
export function shardLoadFigure(lines: ShardLine[], limit: number, seconds: number): Figure {
  const data = perSecondTraces(lines, 'records accepted');
  data.push({
    type: 'scatter',
    mode: 'lines',
    name: `limit (${limit} records/s)`,
    x: [0, seconds - 1],
    y: [limit, limit],
    line: { color: COLOURS.reference, dash: 'dash', width: 1.5 },
    hoverinfo: 'skip',
  });
  return {
    data,
    layout: baseLayout({ title: 'Records accepted per shard per second', x: axis('second'), y: axis('records accepted per second', { rangemode: 'tozero' }) }),
    description: `Records accepted per second by each of ${plural(lines.length, 'shard')} over ${seconds} seconds, with the limit of ${limit} records a second`,
  };
}

/** Write attempts refused per second by each shard (ProvisionedThroughputExceeded). */
export function throttledFigure(lines: ShardLine[], seconds: number): Figure {
  return {
    data: perSecondTraces(lines, 'attempts throttled'),
    layout: baseLayout({ title: 'Writes throttled per shard per second', x: axis('second'), y: axis('attempts throttled per second', { rangemode: 'tozero' }) }),
    description: `Write attempts throttled per second by each of ${plural(lines.length, 'shard')} over ${seconds} seconds`,
  };
}

export interface HashSpaceInput {
  keys: { key: string; fraction: number; share: number; shard: string }[];
  /** The open shards' ranges at the end, as fractions of the hash space. */
  shards: { id: string; start: number; end: number }[];
}

/**
 * Each partition key at its MD5 hash (as a fraction of the 2^128 space),
 * raised by its share of the records, coloured by its shard, with the shard
 * boundaries drawn. Teaches: MD5 scatters keys evenly, so a shard's load is
 * the sum of its keys' shares, and one hot key cannot be split across shards.
 */
export function hashSpaceFigure({ keys, shards }: HashSpaceInput): Figure {
  const data: TraceSpec[] = shards.map((shard, k) => {
    const mine = keys.filter((key) => key.shard === shard.id);
    return {
      type: 'scatter',
      mode: 'markers',
      name: shortId(shard.id),
      x: mine.map((key) => key.fraction),
      y: mine.map((key) => key.share),
      text: mine.map((key) => key.key),
      marker: { color: classColour(k), size: 7 },
      hovertemplate: '%{text}<br>hash at %{x:.4f} of the space<br>share of records: %{y:.2%}<extra>%{fullData.name}</extra>',
    };
  });
  const top = Math.max(...keys.map((k) => k.share));
  for (const shard of shards.slice(1)) {
    data.push({ type: 'scatter', mode: 'lines', showlegend: false, hoverinfo: 'skip', x: [shard.start, shard.start], y: [0, top], line: { color: COLOURS.reference, dash: 'dot', width: 1 } });
  }
  return {
    data,
    layout: baseLayout({ title: 'Partition keys in the hash space', x: axis('MD5 hash key (fraction of 2^128)', { range: [0, 1] }), y: axis('share of records', { tickformat: '.0%' }) }),
    description: `${plural(keys.length, 'partition key')} placed by their MD5 hash in the hash space of ${plural(shards.length, 'open shard')}`,
  };
}
