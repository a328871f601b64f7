// Prose rendered at build time (src/build/prerender-prose.ts) and on the page
// (src/render/markdown.ts): every shipped block's entry is a fresh markdown-it render of
// it with KaTeX, the table holds nothing a sanitiser would remove (no DOM here to run
// DOMPurify itself), and a block the build did not see shows its source until the
// page's renderer is loaded, then goes through DOMPurify.
import { readdirSync, readFileSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, it, vi } from 'vitest';
import prerendered from 'virtual:fitbook/prerendered-prose';
import { prerenderProse } from '../../../src/build/prerender-prose';
import { proseBlocks } from '../../../src/build/shipped-notebooks';
import { createMarkdown } from '../../../src/render/markdown-it';
import { renderMarkdown } from '../../../src/render/markdown';

// DOMPurify needs a DOM, which this Node environment lacks: a marker shows that the page's
// own renderings pass through it (what it removes is DOMPurify's business, not tested here).
const sanitised = (html: string) => `<!--sanitised-->${html}`;
vi.mock('dompurify', () => ({ default: { sanitize: sanitised } }));

const notebookTexts = readdirSync('notebooks')
  .filter((f) => f.endsWith('.md'))
  .map((f) => readFileSync(`notebooks/${f}`, 'utf8'));

/** What a sanitiser would have to remove: script elements, event handler attributes, script URLs. */
function unsafeParts(html: string): string[] {
  return [
    ...(html.match(/<script\b/gi) ?? []),
    ...(html.match(/<[^>]*\son[a-z]+\s*=/gi) ?? []),
    ...(html.match(/<[^>]*\s(?:href|src|xlink:href|action)\s*=\s*["']?\s*(?:javascript|vbscript|data):/gi) ?? []),
    ...(html.match(/<(?:iframe|object|embed|form|base|meta|link|style)\b/gi) ?? []),
  ];
}

describe('prose pre-rendered at build time', () => {
  it('holds every shipped block, each a fresh markdown-it render of it with KaTeX', () => {
    const markdown = createMarkdown(katex);
    const blocks = new Set(notebookTexts.flatMap(proseBlocks));
    // The notebooks have prose (a scan that found none would pass the loop below).
    expect(blocks.size).toBeGreaterThan(100);
    expect(prerendered.size).toBe(blocks.size);
    for (const block of blocks) expect(prerendered.get(block), block.slice(0, 60)).toBe(markdown.render(block));
    // Formulas are in it as KaTeX's HTML, not as TeX waiting for KaTeX.
    const all = [...prerendered.values()].join('\n');
    expect(all).toContain('class="katex"');
    expect(all).not.toContain('tex-pending');
  });

  it('holds no script, event handler or script URL', () => {
    for (const [block, html] of prerendered) expect(unsafeParts(html), block.slice(0, 60)).toEqual([]);
  });

  it('escapes raw HTML in a notebook (markdown-it with html: false), and the check above would see it if not', () => {
    const hostile = '<script>alert(1)</script> <img src=x onerror="alert(1)"> [a](javascript:alert(1))';
    const table = prerenderProse([`# A notebook\n\n${hostile}\n`]);
    expect(table.size).toBe(1);
    const [html] = table.values();
    expect(unsafeParts(html)).toEqual([]);
    expect(html).toContain('&lt;script&gt;');
    expect(unsafeParts('<p><script>x</script><img src="x" onerror="y"><a href="javascript:z">a</a></p>')).toHaveLength(3);
  });
});

describe('prose on the page', () => {
  it('takes a shipped block from the table, unsanitised and without loading anything', () => {
    const [block, html] = [...prerendered][0];
    expect(renderMarkdown(block)).toEqual({ html });
  });

  it('shows a block the build did not see as its source, then renders and sanitises it', async () => {
    const text = 'An *edited* block <b>with</b> a list:\n\n- one\n- two\n';
    expect(prerendered.has(text)).toBe(false);
    const pending = renderMarkdown(text);
    expect(pending.html).toBe(`<pre class="prose-pending">${text.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</pre>`);
    expect(pending.ready).toBeInstanceOf(Promise);
    await pending.ready;
    const done = renderMarkdown(text);
    expect(done.html).toBe(sanitised(createMarkdown(katex).render(text)));
    expect(done.ready).toBeUndefined();
  });
});
