import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyChanges, decodeShare, encodeShare, optionChanges, ShareError } from '../../../src/lib/notebook/share';
import { parseNotebook, type OptionSchemas } from '../../../src/lib/notebook/format';
import type { CellBlock } from '../../../src/lib/notebook/model';
import { datasetSchema } from '../../../src/cells/dataset/schema';
import { splitSchema } from '../../../src/cells/split/schema';
import { regressionSchema } from '../../../src/cells/regression/schema';

const schemas = { dataset: datasetSchema, split: splitSchema, regression: regressionSchema } as unknown as OptionSchemas;
const lesson = () => parseNotebook(readFileSync('notebooks/linear-regression.md', 'utf8'), schemas);
const cellOf = (blocks: { blocks: unknown[] }, id: string) => blocks.blocks.find((b) => (b as CellBlock).id === id) as CellBlock;

describe('share links', () => {
  it('round-trip a payload through compression and base64url', async () => {
    const payload = { v: 1 as const, notebook: 'linear-regression.md', changes: { rooms: { degree: { value: 3, min: 1, max: 10 } } } };
    const link = await encodeShare(payload);
    expect(link).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeShare(link)).toEqual(payload);
  });

  it('refuse damaged links with a reason', async () => {
    const good = await encodeShare({ v: 1, title: 'x', text: 'hello' });
    await expect(decodeShare('not base64 at all!')).rejects.toThrow(ShareError);
    await expect(decodeShare(good.slice(0, 5))).rejects.toThrow(/damaged/);
    await expect(decodeShare(await encodeShare({ v: 2 } as never))).rejects.toThrow(/version/);
    await expect(decodeShare(await encodeShare({ v: 1, notebook: 'x', changes: { a: 5 } } as never))).rejects.toThrow(/not options/);
  });

  it('refuse a link that inflates beyond what a notebook can be', async () => {
    const bomb = await encodeShare({ v: 1, title: 'x', text: 'a'.repeat(6 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(20_000);
    await expect(decodeShare(bomb)).rejects.toThrow(/more than a notebook/);
  });

  it('find only the options changed from the shipped lesson, or none when the shape changed', () => {
    const shipped = lesson();
    const edited = lesson();
    cellOf(edited, 'rooms').options.degree = { value: 4, min: 1, max: 10 };
    delete cellOf(edited, 'several').options.features;
    expect(optionChanges(shipped.blocks, edited.blocks)).toEqual({ rooms: { degree: { value: 4, min: 1, max: 10 } }, several: { features: null } });
    expect(optionChanges(shipped.blocks, edited.blocks.slice(0, -1))).toBeUndefined();
  });

  it('apply valid changes and refuse, by name, out-of-range values, unknown keys, unknown cells and __proto__', () => {
    const changes = JSON.parse(
      '{"rooms": {"degree": {"value": 3, "min": 1, "max": 10}, "bogus": 1, "__proto__": {"polluted": true}},' +
        ' "holdout": {"test": 7}, "nowhere": {"x": 1}}',
    ) as Record<string, Record<string, unknown>>;
    const { notebook, refused } = applyChanges(lesson(), changes, schemas);
    expect(cellOf(notebook, 'rooms').options.degree).toEqual({ value: 3, min: 1, max: 10 });
    expect(cellOf(notebook, 'rooms').options).not.toHaveProperty('bogus');
    expect(cellOf(notebook, 'holdout').options.test).toEqual(cellOf(lesson(), 'holdout').options.test);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(refused).toHaveLength(4);
    expect(refused.join('\n')).toMatch(/'rooms'.*bogus/);
    expect(refused.join('\n')).toMatch(/'rooms'.*__proto__/);
    expect(refused.join('\n')).toMatch(/'holdout'.*test/);
    expect(refused.join('\n')).toMatch(/'nowhere'/);
  });
});
