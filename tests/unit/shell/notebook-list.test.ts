// The shipped notebooks' list, prepared at build time (src/build/notebook-list.ts): the
// reference is the notebook parser's own reading of each file's front matter
// (lib/notebook/format.ts, a different reader from the build's), sorted here.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import shipped from 'virtual:fitbook/notebook-list';
import { notebookList } from '../../../src/build/notebook-list';
import { parseNotebook } from '../../../src/lib/notebook/format';

describe('the shipped notebooks list made at build time', () => {
  it('holds every notebook once, with its text, front matter title and order, in the sidebar order', () => {
    const files = readdirSync('notebooks').filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(10);
    const expected = files
      .map((path) => {
        const text = readFileSync(`notebooks/${path}`, 'utf8');
        const { meta } = parseNotebook(text, {});
        return {
          path,
          text,
          title: typeof meta.title === 'string' ? meta.title : null,
          order: typeof meta.order === 'number' ? meta.order : 100,
        };
      })
      .sort((a, b) => a.order - b.order || (a.path < b.path ? -1 : 1));
    expect(shipped).toEqual(expected);
    // The lessons set their order: a list sorted by name alone would not pass.
    expect(new Set(shipped.map((n) => n.order)).size).toBeGreaterThan(5);
  });

  it('gives a notebook without a title or order none and the default order', () => {
    const list = notebookList([
      { path: 'b.md', text: '---\norder: 3\ntitle: Bee\n---\ntext' },
      { path: 'a.md', text: 'no front matter' },
      { path: 'c.md', text: '---\ntitle: [not, a, string]\norder: one\n---\n' },
      { path: 'aa.md', text: '---\n: : bad yaml\n---\n' },
    ]);
    expect(list.map(({ path, title, order }) => [path, title, order])).toEqual([
      ['b.md', 'Bee', 3],
      ['a.md', null, 100],
      ['aa.md', null, 100],
      ['c.md', null, 100],
    ]);
  });
});
