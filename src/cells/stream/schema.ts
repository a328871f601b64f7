import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';

export const streamSchema = z
  .object({
    /** Shards the stream starts with (the hash space cut evenly). */
    shards: tunable(z.number().int().min(1).max(32)).meta({ label: 'Shards', range: { min: 1, max: 16 } }).default(4),
    /** Distinct partition keys the producers use. */
    keys: tunable(z.number().int().min(1).max(2000)).meta({ label: 'Partition keys', range: { min: 1, max: 500 } }).default(100),
    /** Zipf exponent of key popularity: 0, every key alike; 1 and more, a few hot keys. */
    skew: tunable(z.number().min(0).max(4)).meta({ label: 'Hot-key skew', range: { min: 0, max: 3 } }).default(1),
    /** Records the producers send per second, before retries. */
    rate: tunable(z.number().int().min(1).max(50_000)).meta({ label: 'Records per second', range: { min: 100, max: 10_000 } }).default(3000),
    /** Size of a record in KiB. */
    recordKiB: tunable(z.number().gt(0).max(1024)).meta({ label: 'Record size (KiB)', range: { min: 0.1, max: 100, scale: 'log' } }).default(0.5),
    seconds: tunable(z.number().int().min(2).max(600)).meta({ label: 'Seconds simulated', range: { min: 5, max: 120 } }).default(60),
    /** Chance that a stored record's acknowledgement times out, so the producer sends it again. */
    timeouts: tunable(z.number().min(0).max(0.5)).meta({ label: 'Acknowledgement timeouts', range: { min: 0, max: 0.1 } }).default(0.01),
    /** Applications that each read every shard; they share its 2 MiB/s of reads. */
    consumers: tunable(z.number().int().min(1).max(20)).meta({ label: 'Consumer applications', range: { min: 1, max: 10 } }).default(1),
    /** Split the busiest shard at this second (0: never). */
    splitAt: tunable(z.number().int().min(0).max(600)).meta({ label: 'Split the busiest shard at second', range: { min: 0, max: 120 } }).default(0),
    /** Merge the quietest pair of adjacent shards at this second (0: never). */
    mergeAt: tunable(z.number().int().min(0).max(600)).meta({ label: 'Merge the quietest pair at second', range: { min: 0, max: 120 } }).default(0),
    seed: z.number().int().default(42),
  })
  .strict();

export type StreamOptions = z.infer<typeof streamSchema>;
