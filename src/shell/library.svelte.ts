// The reader's own notebooks, beside the shipped ones: created in the app
// (New notebook, Build a notebook from this data), opened from a file, renamed
// and deleted. They live in IndexedDB (see persistence.ts); this list mirrors
// them for the sidebar.
import { forgetOwnNotebook, forgetUpload, listOwnNotebooks, saveOwnNotebook, type StoredNotebook } from './persistence';
import type { NotebookEntry } from './notebooks';

const OWN_PREFIX = 'mine/';

export function isOwnPath(path: string): boolean {
  return path.startsWith(OWN_PREFIX);
}

function entryOf(stored: StoredNotebook): NotebookEntry {
  return { path: stored.path, text: stored.text, title: stored.title, slug: stored.path.replace(/\.md$/, ''), order: 0, own: true };
}

/** A front matter title line for a notebook text that has none, or the same text with `title` replaced. */
export function withTitle(text: string, title: string): string {
  const line = `title: ${JSON.stringify(title)}`;
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) return `---\n${line}\n---\n\n${text}`;
  const body = /^title:.*$/m.test(match[1]) ? match[1].replace(/^title:.*$/m, line) : `${line}\n${match[1]}`;
  return `---\n${body}\n---${text.slice(match[0].length)}`;
}

class Library {
  own = $state<NotebookEntry[]>([]);
  /** Resolves once the stored notebooks are listed. */
  readonly ready: Promise<void>;

  constructor() {
    this.ready = typeof indexedDB === 'undefined' ? Promise.resolve() : this.refresh();
  }

  async refresh(): Promise<void> {
    this.own = (await listOwnNotebooks()).map(entryOf);
  }

  find(slug: string): NotebookEntry | undefined {
    return this.own.find((n) => n.slug === slug);
  }

  /** A title no notebook of the reader's has yet: "Title", "Title (2)"… */
  freeTitle(title: string, taken = this.own.map((n) => n.title)): string {
    if (!taken.includes(title)) return title;
    for (let n = 2; ; n++) if (!taken.includes(`${title} (${n})`)) return `${title} (${n})`;
  }

  /** Stores a new notebook of the reader's and returns its entry (open it by its slug). */
  async create(title: string, text: string): Promise<NotebookEntry> {
    const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const stored: StoredNotebook = { path: `${OWN_PREFIX}${id}.md`, title, text: withTitle(text, title), updated: Date.now() };
    await saveOwnNotebook(stored);
    const entry = entryOf(stored);
    this.own = [...this.own, entry].sort((a, b) => a.title.localeCompare(b.title));
    return entry;
  }

  /** Keeps a notebook's new text (every edit), and its title in the list. */
  async save(stored: Omit<StoredNotebook, 'updated'>): Promise<void> {
    await saveOwnNotebook({ ...stored, updated: Date.now() });
    this.own = this.own.map((n) => (n.path === stored.path ? { ...n, title: stored.title, text: stored.text } : n));
  }

  async remove(path: string, cellIds: string[]): Promise<void> {
    await forgetOwnNotebook(path);
    await Promise.all(cellIds.map((id) => forgetUpload(path, id)));
    this.own = this.own.filter((n) => n.path !== path);
  }
}

export const library = new Library();
