// The page's own rendering of prose, for a block the build did not render
// (src/build/prerender-prose.ts): an edit, an uploaded or opened notebook. Loaded with
// import() by src/render/markdown.ts, so that neither DOMPurify nor the rendering is on
// the first lesson's path. markdown-it with $…$ and $$…$$ maths, then DOMPurify: raw
// HTML in a notebook is escaped by markdown-it (html: false); sanitising is the second
// line of defence for anything a plugin emits, since notebooks may come from anywhere.
// KaTeX itself is loaded only for a formula the build did not see (src/render/math.ts).
import DOMPurify from 'dompurify';
import { createMarkdown } from './markdown-it';
import { katexFacade, loadKatex, takeMissed } from './math';
import type { RenderedProse } from './markdown';

export { loadKatex };

const markdown = createMarkdown(katexFacade);

/** Markdown to sanitised HTML; `ready` is set when a formula waits for KaTeX. */
export function renderSanitised(source: string): RenderedProse {
  takeMissed();
  const rendered = markdown.render(source);
  const html = DOMPurify.sanitize(rendered, {
    // KaTeX output uses MathML and inline styles; keep them, drop scripts and handlers.
    USE_PROFILES: { html: true, mathMl: true },
    // KaTeX keeps the TeX source in <semantics><annotation>; without these the
    // source text would be left loose inside <math> for screen readers.
    ADD_TAGS: ['semantics', 'annotation'],
    ADD_ATTR: ['encoding'],
  });
  return takeMissed() ? { html, ready: loadKatex() } : { html };
}
