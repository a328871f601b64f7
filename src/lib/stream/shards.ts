// Kinesis Data Streams' partitioning: a record's partition key is hashed with
// MD5 to a 128-bit integer, and each open shard owns a contiguous range of
// that hash space. A new stream divides the space evenly; a split cuts one
// shard's range in two (two children), a merge joins two adjacent ranges.
// The parents close: they keep their records, new records go to the children.
import { md5 } from 'js-md5';

/** 2^128: the size of the hash-key space. */
export const HASH_SPACE = 1n << 128n;

/** MD5 of the key's UTF-8 bytes, read as a big-endian 128-bit integer (Kinesis' hash key). */
export function hashKey(partitionKey: string): bigint {
  return BigInt(`0x${md5(partitionKey)}`);
}

export interface Shard {
  id: string;
  /** First and last hash key owned, inclusive. */
  start: bigint;
  end: bigint;
  /** The shard(s) it came from by a split or merge. */
  parents: string[];
  /** Second at which it opened and (if it did) closed. */
  opened: number;
  closed?: number;
}

const shardId = (n: number) => `shardId-${String(n).padStart(12, '0')}`;

/** A new stream's shards: the hash space cut into `count` even ranges, as CreateStream does. */
export function evenShards(count: number): Shard[] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`A stream needs a whole number of shards, at least 1; got ${count}.`);
  return Array.from({ length: count }, (_, i) => ({
    id: shardId(i),
    start: (HASH_SPACE * BigInt(i)) / BigInt(count),
    end: (HASH_SPACE * BigInt(i + 1)) / BigInt(count) - 1n,
    parents: [],
    opened: 0,
  }));
}

/** The open shard whose range holds the hash key. */
export function shardFor(hash: bigint, shards: readonly Shard[]): Shard {
  const shard = shards.find((s) => s.closed === undefined && s.start <= hash && hash <= s.end);
  if (!shard) throw new Error(`No open shard owns hash key ${hash.toString(16)}.`);
  return shard;
}

/** Splits an open shard at the middle of its range (SplitShard's NewStartingHashKey); returns the two children. */
export function splitShard(shards: Shard[], id: string, second: number): [Shard, Shard] {
  const parent = openShard(shards, id);
  if (parent.start === parent.end) throw new Error(`${id} owns a single hash key and cannot be split.`);
  const middle = parent.start + (parent.end - parent.start + 1n) / 2n;
  parent.closed = second;
  const children: [Shard, Shard] = [
    { id: shardId(shards.length), start: parent.start, end: middle - 1n, parents: [id], opened: second },
    { id: shardId(shards.length + 1), start: middle, end: parent.end, parents: [id], opened: second },
  ];
  shards.push(...children);
  return children;
}

/** Merges two open shards whose ranges touch (MergeShards); returns the child. */
export function mergeShards(shards: Shard[], a: string, b: string, second: number): Shard {
  const [low, high] = [openShard(shards, a), openShard(shards, b)].sort((x, y) => (x.start < y.start ? -1 : 1));
  if (low.end + 1n !== high.start) throw new Error(`${a} and ${b} are not adjacent: only shards whose hash ranges touch can be merged.`);
  low.closed = high.closed = second;
  const child: Shard = { id: shardId(shards.length), start: low.start, end: high.end, parents: [low.id, high.id], opened: second };
  shards.push(child);
  return child;
}

function openShard(shards: readonly Shard[], id: string): Shard {
  const shard = shards.find((s) => s.id === id && s.closed === undefined);
  if (!shard) throw new Error(`There is no open shard ${id}.`);
  return shard;
}

/** The hash key as a fraction of the whole space (for plots). */
export function hashFraction(hash: bigint): number {
  return Number(hash >> 75n) / 2 ** 53;
}
