// The list of shipped notebooks, prepared when the app is built: each notebook's text with
// what the sidebar needs from its front matter (`title`, and `order`, lower first), already
// in the sidebar's order. The page then neither parses 18 YAML headers nor sorts them
// before its first render (src/shell/notebooks.ts); the reader's own notebooks keep their
// title in IndexedDB and need neither.
import YAML from 'yaml';
import type { Plugin } from 'vite';
import { readShippedNotebooks } from './shipped-notebooks';

export const NOTEBOOK_LIST = 'virtual:fitbook/notebook-list';
const resolvedId = `\0${NOTEBOOK_LIST}`;

export interface ShippedNotebook {
  /** The file's name in notebooks/, e.g. first-model.md */
  path: string;
  text: string;
  /** The front matter's title, if it has a string one (the page derives one from the path otherwise). */
  title: string | null;
  order: number;
}

/** The notebooks' list entries, sorted by order, then by file name (in English collation, whatever the builder's locale). */
export function notebookList(files: { path: string; text: string }[]): ShippedNotebook[] {
  return files
    .map(({ path, text }) => {
      const meta = frontMatter(text);
      return {
        path,
        text,
        title: typeof meta.title === 'string' ? meta.title : null,
        order: typeof meta.order === 'number' ? meta.order : 100,
      };
    })
    .sort((a, b) => a.order - b.order || a.path.localeCompare(b.path, 'en'));
}

/** The front matter's keys, or none when it is missing or not a YAML mapping (the notebook's parser reports those). */
function frontMatter(text: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) return {};
  try {
    const value: unknown = YAML.parse(match[1]);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The Vite plugin: `notebooksDir` holds the shipped notebooks (notebooks/*.md). */
export function shippedNotebookList(notebooksDir = 'notebooks'): Plugin {
  return {
    name: 'fitbook-notebook-list',
    resolveId: (source) => (source === NOTEBOOK_LIST ? resolvedId : null),
    load(id) {
      if (id !== resolvedId) return null;
      const list = notebookList(readShippedNotebooks(notebooksDir, (file) => this.addWatchFile(file)));
      // JSON.parse of a string literal is cheaper for the page to evaluate than an array literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(list))});`;
    },
  };
}
