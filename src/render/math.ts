// KaTeX for the page, loaded only when needed. Formulas of the shipped notebooks come
// pre-rendered from the build (src/build/prerender-math.ts); any other formula starts
// loading KaTeX and is shown as its TeX source, in a code span, until it arrives. The
// prose renderer then renders again (see `mathReady` in markdown.ts).
import prerendered from 'virtual:fitbook/prerendered-math';
import { mathKey, type KatexLike, type KatexRenderOptions } from './markdown-it';

let katex: KatexLike | undefined;
let loading: Promise<void> | undefined;
/** Set when a formula had to wait for KaTeX since the last `takeMissed()`. */
let missed = false;

/** Loads KaTeX once (again after a failure, e.g. a dropped connection). */
export function loadKatex(): Promise<void> {
  loading ??= import('katex').then(
    (module) => {
      katex = module.default;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Whether a formula rendered since the last call was waiting for KaTeX; resets the flag. */
export function takeMissed(): boolean {
  const was = missed;
  missed = false;
  return was;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What the KaTeX plugin calls: the build's rendering, KaTeX's own, or the TeX until KaTeX is here. */
export const katexFacade: KatexLike = {
  renderToString(tex: string, options: KatexRenderOptions): string {
    const done = prerendered.get(mathKey(tex, options.displayMode));
    if (done !== undefined) return done;
    if (katex) return katex.renderToString(tex, options);
    missed = true;
    void loadKatex().catch(() => {
      /* the TeX source stays on screen; the next render tries again */
    });
    const fence = options.displayMode ? '$$' : '$';
    return `<code class="tex-pending">${escapeHtml(fence + tex.trim() + fence)}</code>`;
  },
};
