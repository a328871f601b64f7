// The cell kinds' views, loaded on demand. Each kind's view is its own chunk
// (`CellKind.view` is a loader), so the main chunk holds no view and a notebook
// evaluates only the views of the kinds it uses. The shell asks for those as the
// notebook opens (preloadViewsIn), beside its data downloads, so they are usually
// there before the first render; a cell whose view is still on its way shows a
// pending line, and one whose view could not be loaded says so (CellFrame).
import { SvelteMap } from 'svelte/reactivity';
import type { CellKind, CellView } from '../cells/types';

export type ViewState = { view: CellView } | { error: string };

/** Per kind name: the loaded view or why it failed; absent while loading (or not asked yet). */
const settled = new SvelteMap<string, ViewState>();
const loading = new Map<string, Promise<void>>();

/** Starts loading a kind's view (once; a failed load is tried again on the next call). */
export function loadView(kind: CellKind): Promise<void> {
  const name = kind.kind;
  const current = settled.get(name);
  if (current && 'view' in current) return Promise.resolve();
  let pending = loading.get(name);
  if (!pending) {
    pending = kind
      .view()
      .then(
        (module) => void settled.set(name, { view: module.default as CellView }),
        (error: unknown) => void settled.set(name, { error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => loading.delete(name));
    loading.set(name, pending);
  }
  return pending;
}

/** A kind's view if it has arrived, its load error, or undefined while it loads. Reactive. */
export function viewOf(kind: CellKind): ViewState | undefined {
  return settled.get(kind.kind);
}

/** Forgets a failed load and asks again (the cell's Try again button). */
export function retryView(kind: CellKind): void {
  if (settled.get(kind.kind) && 'error' in settled.get(kind.kind)!) settled.delete(kind.kind);
  void loadView(kind);
}

const CELL_FENCE = /^[ \t]*(?:```|~~~)\{([\w-]+)\}/gm;

/** Starts loading the views of every kind a notebook's text uses (its ```{kind} fences). */
export function preloadViewsIn(notebookText: string, kinds: Record<string, CellKind>): void {
  for (const [, name] of notebookText.matchAll(CELL_FENCE)) {
    if (Object.hasOwn(kinds, name)) void loadView(kinds[name]);
  }
}
