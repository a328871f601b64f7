// Prose cells: Markdown with $…$ and $$…$$ maths, rendered by markdown-it and
// KaTeX, then sanitised by DOMPurify. Raw HTML in a notebook is escaped by
// markdown-it (html: false); sanitising is the second line of defence for
// anything a plugin emits, since notebooks may come from anywhere.
import MarkdownIt from 'markdown-it';
import markdownItKatex, { type MarkdownKatexOptions } from '@vscode/markdown-it-katex';
import DOMPurify from 'dompurify';
import katex from 'katex';
import 'katex/dist/katex.min.css';

// The plugin is CommonJS with an `exports.default`; bundlers differ on whether
// the default import is the function or the module object, so accept both.
const katexPlugin =
  (markdownItKatex as unknown as { default?: typeof markdownItKatex }).default ?? markdownItKatex;

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true }).use(katexPlugin, {
  throwOnError: false,
  // Our katex, not the plugin's own older copy: the markup must match the CSS
  // we load (0.16 emits `sizing` classes, 0.19's CSS styles `katex-sizing`).
  // The cast bridges the two versions' option types, which differ only there.
  katex: katex as unknown as MarkdownKatexOptions['katex'],
});

export function renderMarkdown(source: string): string {
  return DOMPurify.sanitize(markdown.render(source), {
    // KaTeX output uses MathML and inline styles; keep them, drop scripts and handlers.
    USE_PROFILES: { html: true, mathMl: true },
    // KaTeX keeps the TeX source in <semantics><annotation>; without these the
    // source text would be left loose inside <math> for screen readers.
    ADD_TAGS: ['semantics', 'annotation'],
    ADD_ATTR: ['encoding'],
  });
}
