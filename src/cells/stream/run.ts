// The stream cell simulates producers writing to a Kinesis data stream
// (lib/stream) and outputs a table of its partition keys (key, MD5 hash,
// shard, records), which other cells can read.
import { valueOf } from '../../lib/notebook/controls';
import type { Table } from '../../lib/data/table';
import { simulateStream, type StreamResult } from '../../lib/stream/simulate';
import type { RunContext } from '../types';
import type { StreamOptions } from './schema';

export interface StreamOutput extends StreamResult {
  table: Table;
}

export function runStream({ options }: RunContext<StreamOptions>): StreamOutput {
  const seconds = valueOf(options.seconds);
  const at = (option: typeof options.splitAt, what: string) => {
    const second = valueOf(option);
    if (second >= seconds) throw new Error(`${what} at second ${second}, but the simulation lasts ${seconds} seconds (0 to ${seconds - 1}).`);
    return second;
  };
  const result = simulateStream({
    shards: valueOf(options.shards),
    keys: valueOf(options.keys),
    skew: valueOf(options.skew),
    rate: valueOf(options.rate),
    recordBytes: Math.round(valueOf(options.recordKiB) * 1024),
    seconds,
    timeouts: valueOf(options.timeouts),
    consumers: valueOf(options.consumers),
    splitAt: at(options.splitAt, 'The split is asked for'),
    mergeAt: at(options.mergeAt, 'The merge is asked for'),
    seed: options.seed,
  });
  return { ...result, table: keyTable(result) };
}

function keyTable({ keys }: StreamResult): Table {
  const numbers = (name: string, f: (k: (typeof keys)[number]) => number) => ({ name, type: 'numeric' as const, values: Float64Array.from(keys, f) });
  return {
    rowCount: keys.length,
    columns: [
      { name: 'key', type: 'text', values: keys.map((k) => k.key) },
      { name: 'md5', type: 'text', values: keys.map((k) => k.hash.toString(16).padStart(32, '0')) },
      { name: 'shard', type: 'categorical', values: keys.map((k) => k.shard) },
      numbers('share', (k) => k.share),
      numbers('produced', (k) => k.produced),
      numbers('accepted', (k) => k.accepted),
      numbers('throttled', (k) => k.throttled),
      numbers('duplicates', (k) => k.duplicates),
    ],
  };
}
