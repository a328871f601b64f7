// A second-by-second simulation of producers writing to a Kinesis data stream
// and consumers reading it. Producers send `rate` records a second, each with a
// partition key drawn from `keys` keys whose popularity follows a Zipf law
// (skew 0: all keys alike; larger: a few hot keys). Every shard accepts at most
// 1,000 records and 1 MiB a second; the rest are throttled
// (ProvisionedThroughputExceeded) and the producer retries them the next
// second. A write whose acknowledgement times out is retried too, although it
// was stored: the retry is stored again, a duplicate. Consumer applications
// share each shard's 2 MiB/s of reads; what they cannot read yet is their lag.
import { createRng, type Rng } from '../data/random';
import { evenShards, hashKey, mergeShards, shardFor, splitShard, type Shard } from './shards';

export const WRITE_RECORDS_PER_SECOND = 1000;
export const WRITE_BYTES_PER_SECOND = 1024 * 1024;
export const READ_BYTES_PER_SECOND = 2 * 1024 * 1024;

export interface StreamSettings {
  shards: number;
  keys: number;
  /** Zipf exponent of key popularity. */
  skew: number;
  /** Records produced per second (before retries). */
  rate: number;
  recordBytes: number;
  seconds: number;
  /** Chance that an accepted write's acknowledgement times out (and the producer resends it). */
  timeouts: number;
  /** Applications reading every shard, sharing its read throughput. */
  consumers: number;
  /** At the start of this second, split the shard that accepted most in the second before (0: never). */
  splitAt: number;
  /** At the start of this second, merge the adjacent pair of open shards that accepted least (0: never). */
  mergeAt: number;
  seed: number;
}

export interface KeyStats {
  key: string;
  hash: bigint;
  /** Its share of the records produced, by the Zipf law. */
  share: number;
  produced: number;
  accepted: number;
  throttled: number;
  duplicates: number;
  /** The shard its records went to last. */
  shard: string;
}

export interface ShardSeries {
  shard: Shard;
  /** Per second: records accepted, write attempts throttled, consumers' lag in seconds of reading. NaN where the shard did not exist. */
  accepted: number[];
  throttled: number[];
  lag: number[];
}

export interface StreamResult {
  settings: StreamSettings;
  shards: ShardSeries[];
  keys: KeyStats[];
  events: string[];
  totals: { produced: number; accepted: number; throttled: number; duplicates: number };
  /** Records a shard can accept per second with this record size (the tighter of the two limits). */
  recordLimit: number;
}

function zipfCumulative(keys: number, skew: number): Float64Array {
  const weights = Float64Array.from({ length: keys }, (_, i) => 1 / (i + 1) ** skew);
  const total = weights.reduce((s, w) => s + w, 0);
  let sum = 0;
  return weights.map((w) => (sum += w / total));
}

function drawKey(cumulative: Float64Array, rng: Rng): number {
  const u = rng.next();
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Shares `capacity` whole records among keys in proportion to what each
 * offers (largest remainders get the leftovers), so a throttled shard stores
 * exactly its limit and every key keeps its share.
 */
function shareOut(wants: number[], capacity: number): number[] {
  const total = wants.reduce((s, w) => s + w, 0);
  if (total <= capacity) return wants.slice();
  const takes = wants.map((w) => Math.floor((w * capacity) / total));
  let left = capacity - takes.reduce((s, t) => s + t, 0);
  const order = wants.map((w, i) => ({ i, rest: (w * capacity) / total - takes[i] })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    if (takes[i] < wants[i]) {
      takes[i]++;
      left--;
    }
  }
  return takes;
}

function binomial(n: number, p: number, rng: Rng): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) k++;
  return k;
}

export function simulateStream(settings: StreamSettings): StreamResult {
  const { keys: keyCount, seconds, recordBytes } = settings;
  if (!(recordBytes > 0 && recordBytes <= WRITE_BYTES_PER_SECOND)) throw new Error(`A record must hold between 1 byte and 1 MiB; got ${recordBytes} bytes.`);
  const rng = createRng(settings.seed);
  const cumulative = zipfCumulative(keyCount, settings.skew);
  const keys: KeyStats[] = Array.from({ length: keyCount }, (_, i) => {
    const key = `user-${i + 1}`;
    return { key, hash: hashKey(key), share: cumulative[i] - (i ? cumulative[i - 1] : 0), produced: 0, accepted: 0, throttled: 0, duplicates: 0, shard: '' };
  });
  const shards = evenShards(settings.shards);
  const series = new Map<string, ShardSeries>();
  const seriesOf = (shard: Shard) => {
    if (!series.has(shard.id)) series.set(shard.id, { shard, accepted: new Array(seconds).fill(NaN), throttled: new Array(seconds).fill(NaN), lag: new Array(seconds).fill(NaN) });
    return series.get(shard.id)!;
  };
  shards.forEach(seriesOf);
  const recordLimit = Math.min(WRITE_RECORDS_PER_SECOND, Math.floor(WRITE_BYTES_PER_SECOND / recordBytes));
  const readShare = READ_BYTES_PER_SECOND / settings.consumers;
  const backlog = new Float64Array(keyCount); // throttled, to retry
  const resends = new Float64Array(keyCount); // timed out after being stored: duplicates when stored again
  const unread = new Map<string, number>(); // bytes not yet read, per shard
  const events: string[] = [];
  let lastAccepted = new Map<string, number>();

  for (let t = 0; t < seconds; t++) {
    reshard(t);
    const fresh = new Float64Array(keyCount);
    for (let r = 0; r < settings.rate; r++) fresh[drawKey(cumulative, rng)]++;
    const byShard = new Map<Shard, number[]>();
    keys.forEach((k, i) => {
      const shard = shardFor(k.hash, shards);
      k.shard = shard.id;
      if (!byShard.has(shard)) byShard.set(shard, []);
      byShard.get(shard)!.push(i);
    });
    const accepted = new Map<string, number>();
    for (const shard of shards.filter((s) => s.closed === undefined)) {
      const members = byShard.get(shard) ?? [];
      const offered = members.reduce((s, i) => s + fresh[i] + backlog[i] + resends[i], 0);
      const takes = shareOut(members.map((i) => fresh[i] + backlog[i] + resends[i]), Math.min(offered, recordLimit));
      let shardAccepted = 0;
      members.forEach((i, m) => {
        const first = fresh[i] + backlog[i]; // records not stored yet
        const take = takes[m];
        // Resends and first sends are stored in proportion, within what each can give.
        const duplicates = Math.min(resends[i], take, Math.max(take - first, Math.floor((resends[i] * take) / (first + resends[i] || 1))));
        keys[i].produced += fresh[i];
        keys[i].accepted += take;
        keys[i].throttled += first + resends[i] - take;
        keys[i].duplicates += duplicates;
        backlog[i] = first - (take - duplicates);
        resends[i] = resends[i] - duplicates + binomial(take - duplicates, settings.timeouts, rng);
        shardAccepted += take;
      });
      accepted.set(shard.id, shardAccepted);
      const s = seriesOf(shard);
      s.accepted[t] = shardAccepted;
      s.throttled[t] = offered - shardAccepted;
      unread.set(shard.id, (unread.get(shard.id) ?? 0) + shardAccepted * recordBytes);
    }
    // Consumers read every shard that still has unread records, closed ones included.
    for (const [id, bytes] of unread) {
      const left = Math.max(0, bytes - readShare);
      unread.set(id, left);
      const s = series.get(id)!;
      if (s.shard.closed === undefined || left > 0 || bytes > 0) s.lag[t] = left / readShare;
    }
    lastAccepted = accepted;
  }

  function reshard(t: number) {
    if (t === 0) return;
    const open = shards.filter((s) => s.closed === undefined);
    if (t === settings.splitAt) {
      const hottest = open.reduce((a, b) => ((lastAccepted.get(b.id) ?? 0) > (lastAccepted.get(a.id) ?? 0) ? b : a));
      const [low, high] = splitShard(shards, hottest.id, t);
      [low, high].forEach(seriesOf);
      events.push(`At ${t} s, ${hottest.id} (the busiest) was split into ${low.id} and ${high.id}.`);
    }
    if (t === settings.mergeAt) {
      const sorted = shards.filter((s) => s.closed === undefined).sort((a, b) => (a.start < b.start ? -1 : 1));
      if (sorted.length < 2) {
        events.push(`At ${t} s, there was only one open shard: nothing to merge.`);
        return;
      }
      let best = 0;
      const load = (s: Shard) => lastAccepted.get(s.id) ?? 0;
      for (let i = 1; i < sorted.length - 1; i++) if (load(sorted[i]) + load(sorted[i + 1]) < load(sorted[best]) + load(sorted[best + 1])) best = i;
      const child = mergeShards(shards, sorted[best].id, sorted[best + 1].id, t);
      seriesOf(child);
      events.push(`At ${t} s, ${sorted[best].id} and ${sorted[best + 1].id} (the quietest adjacent pair) were merged into ${child.id}.`);
    }
  }

  const total = (f: (k: KeyStats) => number) => keys.reduce((s, k) => s + f(k), 0);
  return {
    settings,
    shards: [...series.values()],
    keys,
    events,
    totals: { produced: total((k) => k.produced), accepted: total((k) => k.accepted), throttled: total((k) => k.throttled), duplicates: total((k) => k.duplicates) },
    recordLimit,
  };
}
