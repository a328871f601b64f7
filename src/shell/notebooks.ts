// The notebooks shipped in notebooks/, bundled at build time. A notebook's
// front matter may set `order` to place it in the sidebar (lower first).
import YAML from 'yaml';
import type { NotebookSource } from './session.svelte';
import { titleFromPath } from './session.svelte';

export interface NotebookEntry extends NotebookSource {
  title: string;
  /** The URL hash that opens it: #/name-without-md */
  slug: string;
  order: number;
}

const files = import.meta.glob('/notebooks/*.md', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

export const notebooks: NotebookEntry[] = Object.entries(files)
  .map(([file, text]) => {
    const path = file.replace(/^\/notebooks\//, '');
    const meta = frontMatter(text);
    return {
      path,
      text,
      slug: path.replace(/\.md$/, ''),
      title: typeof meta.title === 'string' ? meta.title : titleFromPath(path),
      order: typeof meta.order === 'number' ? meta.order : 100,
    };
  })
  .sort((a, b) => a.order - b.order || a.path.localeCompare(b.path));

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
