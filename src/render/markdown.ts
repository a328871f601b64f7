// Prose cells on the page. A block of a shipped notebook comes rendered from the build
// (src/build/prerender-prose.ts): a table lookup, no Markdown parser, no sanitiser and no
// KaTeX before the first lesson is on screen. Any other block (an edit, an uploaded or
// opened notebook) is rendered and sanitised by src/render/prose-renderer.ts, loaded with
// import() the first time one is met; until it arrives the block shows its source as
// preformatted text, never a blank, and the caller renders again when `ready` resolves.
import prerendered from 'virtual:fitbook/prerendered-prose';
// KaTeX's stylesheet stays with the page: the pre-rendered HTML needs it.
import 'katex/dist/katex.min.css';

export interface RenderedProse {
  /** HTML: the build's, or sanitised by DOMPurify. */
  html: string;
  /**
   * Set when the block is shown as its source (the renderer was not loaded yet) or a
   * formula as its TeX (KaTeX was not): resolves once it is, when rendering the same
   * text again gives the finished block.
   */
  ready?: Promise<void>;
}

type Renderer = typeof import('./prose-renderer');
let renderer: Renderer | undefined;
let loading: Promise<Renderer> | undefined;

/** Loads the page's renderer once (again after a failure, e.g. a dropped connection). */
function loadRenderer(): Promise<Renderer> {
  loading ??= import('./prose-renderer').then(
    (module) => (renderer = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** For "Edit text": what the reader types is not in the build's table, so fetch the renderer and KaTeX now. */
export function prepareForEditing(): Promise<void> {
  return loadRenderer().then((module) => module.loadKatex());
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderMarkdown(source: string): RenderedProse {
  const html = prerendered.get(source);
  if (html !== undefined) return { html };
  if (renderer) return renderer.renderSanitised(source);
  return {
    html: `<pre class="prose-pending">${escapeHtml(source)}</pre>`,
    ready: loadRenderer().then(() => undefined),
  };
}
