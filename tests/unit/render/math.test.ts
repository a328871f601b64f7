// Prose maths: the formulas the build pre-renders (src/build/prerender-math.ts) are
// KaTeX's own output for the same call, every formula of the shipped notebooks is in
// the table the page gets, and a formula that is not shows its TeX until KaTeX is
// loaded, then KaTeX's rendering. The reference each time is KaTeX itself, called here.
import { readdirSync, readFileSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import prerendered from 'virtual:fitbook/prerendered-math';
import { prerenderMath } from '../../../src/build/prerender-math';
import { createMarkdown, mathKey, type KatexRenderOptions } from '../../../src/render/markdown-it';
import { katexFacade, loadKatex, takeMissed } from '../../../src/render/math';
import { parseNotebook } from '../../../src/lib/notebook/format';

const notebookFiles = readdirSync('notebooks').filter((f) => f.endsWith('.md'));
const proseOf = (text: string) => parseNotebook(text, {}).blocks.flatMap((b) => (b.type === 'prose' ? [b.text] : []));
/** Runtime KaTeX as the plugin calls it: our options, plus the display mode. */
const byKatex = (tex: string, displayMode: boolean) => katex.renderToString(tex, { throwOnError: false, displayMode });

describe('formulas pre-rendered at build time', () => {
  it('are what KaTeX renders for the same TeX and mode', () => {
    const text = [
      'Inline $\\bar x$ and $n-1$, an aligned one inline $\\begin{aligned}a&=b\\end{aligned}$,',
      'an environment the plugin displays $\\begin{align}a&=b\\end{align}$, and a block:',
      '',
      '$$',
      's = \\sqrt{\\frac{1}{n-1} \\sum_{i=1}^{n} (x_i - \\bar x)^2}',
      '$$',
      '',
      '```{plot} p',
      'title: $not maths$',
      '```',
    ].join('\n');
    const table = prerenderMath([text]);
    const expected: [string, boolean][] = [
      ['\\bar x', false],
      ['n-1', false],
      ['\\begin{aligned}a&=b\\end{aligned}', false],
      ['\\begin{align}a&=b\\end{align}', true],
      // A $$ block's TeX keeps its last line break, as the plugin passes it.
      ['s = \\sqrt{\\frac{1}{n-1} \\sum_{i=1}^{n} (x_i - \\bar x)^2}\n', true],
    ];
    expect([...table.keys()].sort()).toEqual(expected.map(([tex, display]) => mathKey(tex, display)).sort());
    for (const [tex, display] of expected) {
      const html = table.get(mathKey(tex, display));
      expect(html).toBe(byKatex(tex, display));
      expect(html).toContain('<math');
    }
  });

  it('cover every formula in the shipped notebooks, and the page renders them as KaTeX would', () => {
    const withKatex = createMarkdown(katex);
    const withFacade = createMarkdown(katexFacade);
    let formulas = 0;
    for (const file of notebookFiles) {
      for (const prose of proseOf(readFileSync(`notebooks/${file}`, 'utf8'))) {
        const asked: string[] = [];
        createMarkdown({
          renderToString(tex: string, options: KatexRenderOptions) {
            asked.push(mathKey(tex, options.displayMode));
            return '';
          },
        }).render(prose);
        for (const key of asked) expect(prerendered.has(key), `${file}: ${key}`).toBe(true);
        formulas += asked.length;
        takeMissed();
        expect(withFacade.render(prose)).toBe(withKatex.render(prose));
        expect(takeMissed()).toBe(false);
      }
    }
    // The lessons have formulas (a scan that found none would pass the loop above).
    expect(formulas).toBeGreaterThan(50);
  });
});

describe('a formula the build did not see', () => {
  it('shows its TeX until KaTeX is loaded, then KaTeX’s rendering', async () => {
    const text = 'Edited: $a^2 < b^2$ and\n\n$$\\int_0^1 x\\,dx$$\n';
    expect(prerendered.has(mathKey('a^2 < b^2', false))).toBe(false);
    const markdown = createMarkdown(katexFacade);
    takeMissed();
    const before = markdown.render(text);
    expect(takeMissed()).toBe(true);
    expect(before).toContain('<code class="tex-pending">$a^2 &lt; b^2$</code>');
    expect(before).toContain('<code class="tex-pending">$$\\int_0^1 x\\,dx$$</code>');
    expect(before).not.toContain('class="katex"');

    await loadKatex();
    const after = markdown.render(text);
    expect(takeMissed()).toBe(false);
    expect(after).toBe(createMarkdown(katex).render(text));
    expect(after).toContain(byKatex('a^2 < b^2', false));
    expect(after).toContain(byKatex('\\int_0^1 x\\,dx\n', true));
  });
});
