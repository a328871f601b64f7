// The on-demand loading of cell kinds' views (shell/cell-views): which views a
// notebook's text preloads, one load per kind, and a failed load tried again.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CellKind, CellView } from '../../../src/cells/types';
import { loadView, preloadViewsIn, retryView, viewOf } from '../../../src/shell/cell-views';

const component = (() => undefined) as unknown as CellView;

/** A kind whose view loader counts its calls and fails the first `failures` of them. */
function kind(name: string, failures = 0): CellKind & { calls: number } {
  const k = {
    kind: name,
    label: name,
    schema: z.object({}),
    inputs: () => [],
    run: () => undefined,
    calls: 0,
    view: () => {
      k.calls++;
      return k.calls <= failures ? Promise.reject(new Error('network down')) : Promise.resolve({ default: component });
    },
  };
  return k;
}

describe('cell views loaded on demand', () => {
  it("preloads the views of the kinds a notebook's fences name, once each, and ignores unknown kinds", async () => {
    const kinds = { 'pv-dataset': kind('pv-dataset'), 'pv-plot': kind('pv-plot'), 'pv-sql': kind('pv-sql') };
    const text = ['# Title', '```{pv-dataset} iris', 'source: x.csv', '```', '```{pv-plot} a', '```', '```{pv-plot} b', '```', '```{nope} c', '```'].join('\n');
    preloadViewsIn(text, kinds);
    preloadViewsIn(text, kinds);
    await Promise.all([loadView(kinds['pv-dataset']), loadView(kinds['pv-plot'])]);
    expect(kinds['pv-dataset'].calls).toBe(1);
    expect(kinds['pv-plot'].calls).toBe(1);
    expect(kinds['pv-sql'].calls).toBe(0);
    expect(viewOf(kinds['pv-plot'])).toEqual({ view: component });
    expect(viewOf(kinds['pv-sql'])).toBeUndefined();
  });

  it('keeps a failed load as an error until asked again, then loads', async () => {
    const flaky = kind('pv-flaky', 1);
    await loadView(flaky);
    expect(viewOf(flaky)).toEqual({ error: 'network down' });
    retryView(flaky);
    await loadView(flaky);
    expect(flaky.calls).toBe(2);
    expect(viewOf(flaky)).toEqual({ view: component });
  });
});
