// The shipped notebooks (notebooks/*.md) as the build's plugins read them: each file's text,
// and the prose blocks exactly as the page splits them. Shared by the plugins that prepare
// things about those notebooks at build time (prerender-math.ts, prerender-prose.ts, notebook-list.ts).
import fs from 'node:fs';
import path from 'node:path';
import { parseNotebook } from '../lib/notebook/format';

/** The shipped notebooks (file name in the folder, text), in file-name order; `watch` is told each file (Vite's addWatchFile). */
export function readShippedNotebooks(notebooksDir: string, watch?: (file: string) => void): { path: string; text: string }[] {
  const dir = path.resolve(notebooksDir);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      watch?.(path.join(dir, f));
      return { path: f, text: fs.readFileSync(path.join(dir, f), 'utf8') };
    });
}

/** The prose blocks of a notebook's text, exactly as the page splits them (no schemas: the cells are not needed). */
export function proseBlocks(notebookText: string): string[] {
  return parseNotebook(notebookText, {}).blocks.flatMap((block) => (block.type === 'prose' ? [block.text] : []));
}

/** A virtual module's source exporting a Map; JSON.parse of a string literal is cheaper for the page than an object literal. */
export function mapModule(table: Map<string, string>): string {
  return `export default new Map(JSON.parse(${JSON.stringify(JSON.stringify([...table]))}));`;
}
