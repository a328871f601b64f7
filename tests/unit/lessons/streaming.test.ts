// "Streaming data: Kinesis shards" tells its story with its default options
// (two shards throttled while two have room; a split relieves the split
// shard but not the hot key's), and its keys table agrees with Python's
// hashlib: each key's MD5 and the shard of a four-shard stream that owns it.
import { describe, expect, it } from 'vitest';
import { getColumn, type StringColumn } from '../../../src/lib/data/table';
import { cellsOf } from '../../../src/lib/notebook/model';
import type { StreamOutput } from '../../../src/cells/stream/run';
import { noPythonReason, python, runPythonJson } from '../../python-reference';
import { runNotebook } from './run-notebook';

if (!python) console.log(`Skipping the hashlib check of the streaming lesson: ${noPythonReason}.`);

async function clicks(options: Record<string, unknown> = {}): Promise<StreamOutput> {
  const { outputs, errors } = await runNotebook('notebooks/streaming.md', (notebook) => {
    Object.assign(cellsOf(notebook).find((c) => c.id === 'clicks')!.options, options);
  });
  expect(errors).toEqual({});
  return outputs.clicks as StreamOutput;
}

const peak = (s: StreamOutput['shards'][number]) => Math.max(...s.accepted.filter((v) => !Number.isNaN(v)));
const throttled = (s: StreamOutput['shards'][number]) => s.throttled.reduce((a, v) => (Number.isNaN(v) ? a : a + v), 0);

describe('Streaming data: Kinesis shards', () => {
  it('throttles the shards of the busy keys while others have room', async () => {
    const out = await clicks();
    expect(out.shards.filter((s) => peak(s) === 1000 && throttled(s) > 0)).toHaveLength(2);
    expect(out.shards.filter((s) => throttled(s) === 0)).toHaveLength(2);
    expect(out.keys[0].share).toBeCloseTo(0.193, 3);
  });

  it("a split relieves the split shard's keys but not the hot key's shard", async () => {
    const out = await clicks({ splitAt: 20 });
    const hot = out.shards.find((s) => s.shard.id === out.keys[0].shard)!;
    expect(hot.shard.closed).toBeUndefined();
    expect(throttled(hot)).toBeGreaterThan(0);
    const children = out.shards.filter((s) => s.shard.parents.length === 1);
    expect(children).toHaveLength(2);
    // Once the parent's backlog of retries is cleared, the children keep up.
    expect(children.every((c) => c.throttled.slice(30).every((v) => v === 0))).toBe(true);
  });

  it('stays under the limits when keys are alike or shards are many', async () => {
    expect((await clicks({ skew: 0 })).totals.throttled).toBe(0);
    expect((await clicks({ shards: 8 })).totals.throttled).toBe(0);
  });

  it.skipIf(!python)("the keys table's MD5 and shard equal hashlib's on four even ranges", async () => {
    const out = await clicks();
    const text = (name: string) => (getColumn(out.table, name) as StringColumn).values as string[];
    const ids = out.shards.map((s) => s.shard.id);
    const ref = runPythonJson<{ md5: string[]; shard: number[] }>(
      `import hashlib, json
case = json.load(open("case.json"))
md5 = [hashlib.md5(k.encode()).hexdigest() for k in case["keys"]]
print(json.dumps({"md5": md5, "shard": [int(h, 16) * 4 // 2 ** 128 for h in md5]}))`,
      { keys: text('key') },
    );
    expect(text('md5')).toEqual(ref.md5);
    expect(text('shard').map((id) => ids.indexOf(id))).toEqual(ref.shard);
  });
});
