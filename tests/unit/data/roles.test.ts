import { describe, expect, it } from 'vitest';
import { columnRoles, unusableColumns, usableAsFeature, usableColumns } from '../../../src/lib/data/roles';
import { summarise } from '../../../src/lib/data/summary';
import type { Table } from '../../../src/lib/data/table';

const n = 12;
const table: Table = {
  rowCount: n,
  columns: [
    { name: 'Sample ID', type: 'numeric', values: Float64Array.from({ length: n }, (_, i) => 5001 + i * 3) },
    { name: 'size', type: 'numeric', values: Float64Array.from({ length: n }, (_, i) => 1.5 * i + 0.25) },
    { name: 'smoker', type: 'boolean', values: Float64Array.from({ length: n }, (_, i) => i % 2), labels: ['no', 'yes'] },
    { name: 'city', type: 'categorical', values: Array.from({ length: n }, (_, i) => ['north', 'south'][i % 2]) },
    { name: 'note', type: 'text', values: Array.from({ length: n }, (_, i) => (i < 2 ? 'same words' : `free text number ${i}`)) },
    { name: 'name', type: 'categorical', values: Array.from({ length: n }, (_, i) => `patient ${i}`) },
    { name: 'site', type: 'categorical', values: Array.from({ length: n }, () => 'A') },
  ],
};

describe('which columns can be features', () => {
  const roles = columnRoles(table, summarise(table));

  it('offers numbers, yes/no and categories, never identifiers, free text or constants', () => {
    expect(roles.map((r) => [r.name, r.role])).toEqual([
      ['Sample ID', 'identifier'],
      ['size', 'numeric'],
      ['smoker', 'boolean'],
      ['city', 'categorical'],
      ['note', 'text'],
      ['name', 'identifier'],
      ['site', 'constant'],
    ]);
    expect(usableColumns(roles)).toEqual(['size', 'smoker', 'city']);
  });

  it('says why each left-out column is left out', () => {
    const left = unusableColumns(roles);
    expect(left.map((r) => r.name)).toEqual(['Sample ID', 'note', 'name', 'site']);
    for (const r of left) expect(r.reason).toMatch(/\w/);
  });

  it('decides by role alone', () => {
    expect(['numeric', 'boolean', 'categorical'].every((r) => usableAsFeature(r as never))).toBe(true);
    expect(['identifier', 'text', 'constant', 'empty'].some((r) => usableAsFeature(r as never))).toBe(false);
  });
});
