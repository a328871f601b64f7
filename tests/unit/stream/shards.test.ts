// Kinesis partitioning against Python's hashlib: the MD5 hash key of known
// partition keys, and which shard of an evenly divided stream (and of a
// split one) owns each, computed in Python with plain integers.
import { describe, expect, it } from 'vitest';
import { evenShards, hashKey, HASH_SPACE, mergeShards, shardFor, splitShard } from '../../../src/lib/stream/shards';
import { noPythonReason, python, runPythonJson } from '../../python-reference';

if (!python) console.log(`Skipping the hashlib checks of the stream shards: ${noPythonReason}.`);

const KEYS = ['user-1', 'user-2', 'user-17', 'customer-0042', '', 'ä-ключ-鍵', 'a'.repeat(256), '2026-12-02T15:00:00Z'];

const SCRIPT = `
import hashlib, json
case = json.load(open("case.json"))
space = 2 ** 128
def even(n):  # CreateStream's even division: shard i owns [i*2^128/n, (i+1)*2^128/n - 1]
    return [(i * space // n, (i + 1) * space // n - 1) for i in range(n)]
out = {"hashes": [], "shards": {}}
for key in case["keys"]:
    out["hashes"].append(hashlib.md5(key.encode("utf-8")).hexdigest())
for n in case["counts"]:
    ranges = even(n)
    out["shards"][str(n)] = [next(i for i, (lo, hi) in enumerate(ranges) if lo <= int(h, 16) <= hi) for h in out["hashes"]]
print(json.dumps(out))
`;

describe('stream shards', () => {
  it('cover the hash space exactly, without gaps or overlaps', () => {
    for (const n of [1, 3, 4, 7, 16]) {
      const shards = evenShards(n);
      expect(shards[0].start).toBe(0n);
      expect(shards.at(-1)!.end).toBe(HASH_SPACE - 1n);
      shards.slice(1).forEach((s, i) => expect(s.start).toBe(shards[i].end + 1n));
    }
  });

  it('split a range at its middle and merge adjacent ranges only', () => {
    const shards = evenShards(2);
    const [low, high] = splitShard(shards, shards[0].id, 5);
    expect([low.start, low.end + 1n, high.end]).toEqual([0n, HASH_SPACE / 4n, HASH_SPACE / 2n - 1n]);
    expect(shards[0].closed).toBe(5);
    expect(() => mergeShards(shards, low.id, shards[1].id, 6)).toThrow('are not adjacent');
    const merged = mergeShards(shards, high.id, shards[1].id, 6);
    expect([merged.start, merged.end]).toEqual([HASH_SPACE / 4n, HASH_SPACE - 1n]);
    expect(shardFor(HASH_SPACE - 1n, shards).id).toBe(merged.id);
  });

  it.skipIf(!python)("hash keys equal hashlib's MD5 and shards own the keys Python's integer ranges say", () => {
    const counts = [1, 2, 3, 4, 5, 8, 13];
    const ref = runPythonJson<{ hashes: string[]; shards: Record<string, number[]> }>(SCRIPT, { keys: KEYS, counts });
    expect(KEYS.map((k) => hashKey(k).toString(16).padStart(32, '0'))).toEqual(ref.hashes);
    for (const n of counts) {
      const shards = evenShards(n);
      expect(KEYS.map((k) => shards.indexOf(shardFor(hashKey(k), shards))), `${n} shards`).toEqual(ref.shards[String(n)]);
    }
  });
});
