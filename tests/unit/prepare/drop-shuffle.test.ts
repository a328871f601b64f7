import { describe, expect, it } from 'vitest';
import { dropMissing, shuffleRows } from '../../../src/lib/data/prepare';
import { cat, num, table, values } from './helpers';

const t = table(num('x', [1, null, 3, 4, null]), cat('c', ['a', 'b', null, 'd', 'e']), num('id', [0, 1, 2, 3, 4]));

describe('dropMissing', () => {
  it('drops rows with a missing value in any column by default', () => {
    const { table: out, report } = dropMissing(t);
    expect(Array.from(values(out, 'id'))).toEqual([0, 3]);
    expect(report).toMatchObject({ rowsBefore: 5, rowsAfter: 2, rowsDropped: 3, byColumn: { x: { missing: 2 }, c: { missing: 1 } } });
  });

  it('looks only at the chosen columns', () => {
    expect(Array.from(values(dropMissing(t, { columns: ['c'] }).table, 'id'))).toEqual([0, 1, 3, 4]);
  });

  it('names an unknown column', () => {
    expect(() => dropMissing(t, { columns: ['y'] })).toThrow(/no column "y"/);
  });
});

describe('shuffleRows', () => {
  it('permutes whole rows, reproducibly', () => {
    const a = shuffleRows(t, 5);
    const ids = Array.from(values(a.table, 'id') as Float64Array);
    expect([...ids].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(ids).toEqual(Array.from(a.order));
    // Rows stay whole: each id keeps its own x and c.
    ids.forEach((id, i) => expect(values(a.table, 'c')[i]).toBe(values(t, 'c')[id]));
    expect(Array.from(values(shuffleRows(t, 5).table, 'id'))).toEqual(ids);
    const others = [6, 7, 8, 9].map((seed) => Array.from(values(shuffleRows(t, seed).table, 'id')).join());
    expect(others.some((o) => o !== ids.join())).toBe(true);
  });
});
