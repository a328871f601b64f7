// KaTeX off the page's critical path. KaTeX is the largest library in the main chunk
// (about 270 kB minified), yet the shipped notebooks' formulas are known when the app is
// built. This plugin renders them then, with the same KaTeX, plugin and options as the
// page (src/render/markdown-it.ts), into a virtual module: a table from (TeX, display
// mode) to KaTeX's HTML. The page looks each formula up there and loads KaTeX with
// import() only for one that is not (an edit, an uploaded notebook): src/render/math.ts.
//
// It also gives the markdown-it-katex plugin an empty `katex` module: the plugin
// `require`s KaTeX for its default, which would pull KaTeX back into the main chunk,
// while fitbook always passes its own.
import katex from 'katex';
import type { Plugin } from 'vite';
import { createMarkdown, mathKey, type KatexRenderOptions } from '../render/markdown-it';
import { mapModule, proseBlocks, readShippedNotebooks } from './shipped-notebooks';

export const PRERENDERED_MATH = 'virtual:fitbook/prerendered-math';
const resolvedId = `\0${PRERENDERED_MATH}`;
const unusedKatex = '\0fitbook/plugin-katex-unused';

/** Every formula in the prose of the given notebook texts, keyed by mathKey, rendered by KaTeX. */
export function prerenderMath(notebookTexts: string[]): Map<string, string> {
  const table = new Map<string, string>();
  const markdown = createMarkdown({
    renderToString(tex: string, options: KatexRenderOptions) {
      const html = katex.renderToString(tex, options);
      table.set(mathKey(tex, options.displayMode), html);
      return html;
    },
  });
  for (const text of notebookTexts) {
    for (const prose of proseBlocks(text)) markdown.render(prose);
  }
  return table;
}

/** The Vite plugin: `notebooksDir` holds the shipped notebooks (notebooks/*.md). */
export function prerenderedMath(notebooksDir = 'notebooks'): Plugin {
  return {
    name: 'fitbook-prerendered-math',
    // Before Vite's own resolver, which would resolve the plugin's `katex` to KaTeX.
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === PRERENDERED_MATH) return resolvedId;
      if (source === 'katex' && importer && /[\\/]@vscode[\\/]markdown-it-katex[\\/]/.test(importer)) return unusedKatex;
      return null;
    },
    load(id) {
      if (id === unusedKatex) {
        return `export default { renderToString() { throw new Error('markdown-it-katex was not given fitbook\\'s KaTeX'); } };`;
      }
      if (id !== resolvedId) return null;
      return mapModule(prerenderMath(readShippedNotebooks(notebooksDir, (file) => this.addWatchFile(file)).map((n) => n.text)));
    },
  };
}
