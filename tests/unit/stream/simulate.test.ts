import { describe, expect, it } from 'vitest';
import { simulateStream, type StreamSettings } from '../../../src/lib/stream/simulate';

const base: StreamSettings = { shards: 4, keys: 100, skew: 0, rate: 2000, recordBytes: 512, seconds: 30, timeouts: 0, consumers: 1, splitAt: 0, mergeAt: 0, seed: 1 };
const accepted = (r: ReturnType<typeof simulateStream>) => r.shards.flatMap((s) => s.accepted.filter((v) => !Number.isNaN(v)));

describe('simulateStream', () => {
  it('stores everything when the load spreads over many keys below the limits', () => {
    const r = simulateStream(base);
    expect(r.totals).toMatchObject({ produced: 60_000, accepted: 60_000, throttled: 0, duplicates: 0 });
  });

  it('never lets a shard accept more than its limit a second, and retries what it throttles', () => {
    const r = simulateStream({ ...base, keys: 1, rate: 3000 });
    expect(Math.max(...accepted(r))).toBe(1000);
    expect(r.totals.accepted).toBe(30 * 1000);
    expect(r.totals.throttled).toBeGreaterThan(0);
    // The byte limit binds for large records: 1 MiB / 100 KiB = 10 records a second.
    expect(simulateStream({ ...base, recordBytes: 100 * 1024 }).recordLimit).toBe(10);
  });

  it('cannot spread one hot key by splitting its shard', () => {
    const before = simulateStream({ ...base, keys: 1, rate: 3000 });
    const after = simulateStream({ ...base, keys: 1, rate: 3000, splitAt: 10 });
    expect(after.events[0]).toMatch(/^At 10 s, shardId-\d+ \(the busiest\) was split into shardId-000000000004 and shardId-000000000005\.$/);
    expect(after.totals.accepted).toBe(before.totals.accepted);
  });

  it('spreads many keys over the children of a split', () => {
    const crowded = { ...base, shards: 1, keys: 200, rate: 1500 };
    expect(simulateStream({ ...crowded, splitAt: 5 }).totals.throttled).toBeLessThan(simulateStream(crowded).totals.throttled);
  });

  it('stores a duplicate for about every timed-out acknowledgement', () => {
    const r = simulateStream({ ...base, timeouts: 0.05 });
    // Binomial(60,000, 0.05): mean 3,000, sd ≈ 53; the last second's resends are never sent.
    expect(r.totals.duplicates).toBeGreaterThan(2700);
    expect(r.totals.duplicates).toBeLessThan(3200);
  });

  it('leaves readers behind when consumers share a busy shard', () => {
    const busy = { ...base, keys: 1, rate: 1000, recordBytes: 1024, seconds: 10 };
    expect(simulateStream({ ...busy, consumers: 1 }).shards.every((s) => s.lag.every((v) => Number.isNaN(v) || v === 0))).toBe(true);
    const lagging = simulateStream({ ...busy, consumers: 4 }).shards.find((s) => s.accepted.some((v) => v > 0))!;
    expect(lagging.lag.at(-1)).toBeGreaterThan(0);
  });
});
