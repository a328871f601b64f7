// The Markdown parser for prose cells, shared by the page (src/render/markdown.ts) and
// the build (src/build/prerender-math.ts), so that the formulas pre-rendered at build
// time are the very calls the page would make. It takes KaTeX as an argument: the page
// passes a façade that looks formulas up before loading KaTeX, the build passes KaTeX.
// No DOM here: the build runs it in Node.
import MarkdownIt from 'markdown-it';
import markdownItKatex, { type MarkdownKatexOptions } from '@vscode/markdown-it-katex';

/** What the KaTeX plugin asks of KaTeX, and the options it passes on each call. */
export interface KatexRenderOptions {
  displayMode?: boolean;
  throwOnError?: boolean;
}
export interface KatexLike {
  renderToString(tex: string, options: KatexRenderOptions): string;
}

// The plugin is CommonJS with an `exports.default`; bundlers (and Node) differ on whether
// the default import is the function or the module object, so accept both.
const katexPlugin =
  (markdownItKatex as unknown as { default?: typeof markdownItKatex }).default ?? markdownItKatex;

export function createMarkdown(katex: KatexLike): InstanceType<typeof MarkdownIt> {
  return new MarkdownIt({ html: false, linkify: true, typographer: true }).use(katexPlugin, {
    throwOnError: false,
    // Ours, never the plugin's default: the markup must match the CSS we load, and the
    // page's façade decides when KaTeX itself is loaded. (The build also stubs out the
    // plugin's own `require('katex')`, see prerender-math.ts.) The cast bridges our
    // narrow interface and the plugin's KaTeX type.
    katex: katex as unknown as MarkdownKatexOptions['katex'],
  });
}

/** The key of a formula in the pre-rendered table: the plugin renders the same TeX differently in display mode. */
export function mathKey(tex: string, displayMode: boolean | undefined): string {
  return `${displayMode ? 'display' : 'inline'}\n${tex}`;
}
