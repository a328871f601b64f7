// Copy link and opening one (lib/notebook/share does the encoding and the
// checks). A link always opens as a new notebook of the reader's own, so it
// never overwrites what the reader has; the address then names that copy,
// so a reload does not make another.
import { parseNotebook, serialiseNotebook, type OptionSchemas } from '../lib/notebook/format';
import { applyChanges, decodeShare, encodeShare, MAX_LINK_LENGTH, optionChanges, ShareError, type SharePayload } from '../lib/notebook/share';
import { library } from './library.svelte';
import { notebooks, type NotebookEntry } from './notebooks';
import type { NotebookSession } from './session.svelte';

/** The link for the session's notebook as it is now, or why there cannot be one. */
export async function linkFor(session: NotebookSession, base: string): Promise<{ url: string; note?: string } | { problem: string }> {
  let payload: SharePayload;
  const shipped = session.own ? undefined : notebooks.find((n) => n.path === session.path);
  const changes = shipped && optionChanges(parseNotebook(shipped.text, session.schemas).blocks, session.blocksSnapshot());
  if (shipped && changes) payload = { v: 1, notebook: shipped.path, changes };
  else payload = { v: 1, title: session.notebook.title, text: session.serialise() };
  const url = `${base}#/${encodeURIComponent(session.path.replace(/\.md$/, ''))}?link=${await encodeShare(payload)}`;
  if (url.length > MAX_LINK_LENGTH) {
    return {
      problem:
        `This notebook makes a link of ${url.length.toLocaleString('en')} characters, longer than browsers and chat apps reliably keep ` +
        `(${MAX_LINK_LENGTH.toLocaleString('en')}). Use Save notebook file and send the file instead.`,
    };
  }
  const uploads = Object.values(session.uploadNames).filter(Boolean);
  const note = uploads.length ? `The link does not carry ${uploads.join(', ')}: your data stays on this machine.` : undefined;
  return { url, note };
}

export interface OpenedLink {
  entry?: NotebookEntry;
  /** Said as a status: what was opened. */
  notice?: string;
  /** Said as an alert: what could not be read or was refused. */
  problems: string[];
}

export async function openLink(link: string, schemas: OptionSchemas): Promise<OpenedLink> {
  let payload: SharePayload;
  try {
    payload = await decodeShare(link);
  } catch (error) {
    return { problems: [error instanceof ShareError ? error.message : 'The link could not be read.'] };
  }
  let title: string;
  let text: string;
  let problems: string[] = [];
  if ('notebook' in payload) {
    const shipped = notebooks.find((n) => n.path === payload.notebook);
    if (!shipped) return { problems: [`The link names a notebook this fitbook does not ship: ${payload.notebook.slice(0, 80)}.`] };
    const applied = applyChanges(parseNotebook(shipped.text, schemas), payload.changes, schemas);
    problems = applied.refused;
    title = `${shipped.title} (shared)`;
    text = serialiseNotebook(applied.notebook, schemas);
  } else {
    title = payload.title.trim().slice(0, 120) || 'Shared notebook';
    text = payload.text;
  }
  const name = library.freeTitle(title);
  const entry = await library.create(name, text);
  return { entry, notice: `Opened the shared link as your notebook “${name}”; nothing of yours was changed.`, problems };
}
