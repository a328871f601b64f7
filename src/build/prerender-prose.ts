// The shipped notebooks' prose, rendered when the app is built. Every prose block of
// notebooks/*.md goes through the page's own markdown-it configuration
// (src/render/markdown-it.ts, with KaTeX for the formulas) into a virtual module: a table
// from the block's source text to its HTML. The page looks a block up there
// (src/render/markdown.ts) and loads markdown-it's rendering, KaTeX's façade and DOMPurify
// with import() only for a block that is not (an edit, an uploaded notebook).
//
// Not sanitised here: DOMPurify needs a DOM, which Node lacks, and adding jsdom to the
// build for it would guard against nothing. This HTML comes from the repository's own
// notebooks, which are reviewed like code; markdown-it runs with `html: false`, so raw
// HTML in them is escaped, not passed through; and KaTeX's output is the same the page
// would get. tests/unit/render/prose.test.ts checks that every entry is a fresh render of
// its block and holds no script, event handler or javascript: URL. Every block rendered
// on the page (anything not in this table) is still sanitised by DOMPurify.
import katex from 'katex';
import type { Plugin } from 'vite';
import { createMarkdown } from '../render/markdown-it';
import { mapModule, proseBlocks, readShippedNotebooks } from './shipped-notebooks';

export const PRERENDERED_PROSE = 'virtual:fitbook/prerendered-prose';
const resolvedId = `\0${PRERENDERED_PROSE}`;

/** Every prose block of the given notebook texts, keyed by its source text, rendered as the page would. */
export function prerenderProse(notebookTexts: string[]): Map<string, string> {
  const markdown = createMarkdown(katex);
  const table = new Map<string, string>();
  for (const text of notebookTexts) {
    for (const prose of proseBlocks(text)) if (!table.has(prose)) table.set(prose, markdown.render(prose));
  }
  return table;
}

/** The Vite plugin: `notebooksDir` holds the shipped notebooks (notebooks/*.md). */
export function prerenderedProse(notebooksDir = 'notebooks'): Plugin {
  return {
    name: 'fitbook-prerendered-prose',
    resolveId: (source) => (source === PRERENDERED_PROSE ? resolvedId : null),
    load(id) {
      if (id !== resolvedId) return null;
      return mapModule(prerenderProse(readShippedNotebooks(notebooksDir, (file) => this.addWatchFile(file)).map((n) => n.text)));
    },
  };
}
