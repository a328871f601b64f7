// Where "Build a notebook from this data" puts its cells: right after the
// dataset cell in a notebook of the reader's own, or, from a shipped lesson
// (which stays as it ships), in a new notebook of the reader's that starts
// with a copy of the dataset cell and its upload.
import { insertBlocks } from '../lib/notebook/edit';
import type { Block, CellBlock } from '../lib/notebook/model';
import { serialiseNotebook } from '../lib/notebook/format';
import { library } from './library.svelte';
import type { NotebookSession } from './session.svelte';

/** The cell to reveal once the built notebook opens. */
export const pendingReveal: { path?: string; id?: string } = {};

export async function buildNotebook(session: NotebookSession, datasetId: string, index: number, blocks: Block[], title: string): Promise<void> {
  if (session.own) {
    session.editing.insert(index + 1, blocks, `build a notebook from ${datasetId}`);
    return;
  }
  const dataset = session.blocksSnapshot().find((b): b is CellBlock => b.type === 'cell' && b.id === datasetId);
  if (!dataset) return;
  const all = insertBlocks([dataset], 1, blocks);
  const name = library.freeTitle(title);
  const text = serialiseNotebook({ meta: { title: name }, title: name, errors: [], blocks: all }, session.schemas);
  const entry = await library.create(name, text);
  await session.copyUpload(datasetId, datasetId, entry.path);
  const first = all.find((b): b is CellBlock => b.type === 'cell' && b.id !== datasetId);
  pendingReveal.path = entry.path;
  pendingReveal.id = first?.id;
  location.hash = `#/${entry.slug}`;
}
