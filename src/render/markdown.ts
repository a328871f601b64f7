// Prose cells: Markdown with $…$ and $$…$$ maths, rendered by markdown-it and
// KaTeX, then sanitised by DOMPurify. Raw HTML in a notebook is escaped by
// markdown-it (html: false); sanitising is the second line of defence for
// anything a plugin emits, since notebooks may come from anywhere.
// KaTeX itself is not in the main chunk: the shipped notebooks' formulas were
// rendered at build time, and any other formula loads KaTeX (src/render/math.ts).
import DOMPurify from 'dompurify';
import 'katex/dist/katex.min.css';
import { createMarkdown } from './markdown-it';
import { katexFacade, loadKatex, takeMissed } from './math';

const markdown = createMarkdown(katexFacade);

export interface RenderedProse {
  /** Sanitised HTML. */
  html: string;
  /**
   * Set when a formula is shown as its TeX source because KaTeX was not loaded yet:
   * resolves once it is, when rendering the same text again gives the formula.
   */
  mathReady?: Promise<void>;
}

export function renderMarkdown(source: string): RenderedProse {
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
  return takeMissed() ? { html, mathReady: loadKatex() } : { html };
}
