// The notebooks shipped in notebooks/, with their titles and sidebar order read from their
// front matter (`order`, lower first) and sorted when the app is built
// (src/build/notebook-list.ts), so no YAML is parsed for the list at startup.
import shipped from 'virtual:fitbook/notebook-list';
import type { NotebookSource } from './session.svelte';
import { titleFromPath } from './session.svelte';

export interface NotebookEntry extends NotebookSource {
  title: string;
  /** The URL hash that opens it: #/name-without-md */
  slug: string;
  order: number;
}

export const notebooks: NotebookEntry[] = shipped.map(({ path, text, title, order }) => ({
  path,
  text,
  slug: path.replace(/\.md$/, ''),
  title: title ?? titleFromPath(path),
  order,
}));
