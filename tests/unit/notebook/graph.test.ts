import { describe, expect, it } from 'vitest';
import { buildGraph, type CellLink } from '../../../src/lib/notebook/graph';

/** `cells('a', 'b<a', 'c<a,b')`: a cell per argument, inputs after '<'. */
function cells(...specs: string[]): CellLink[] {
  return specs.map((spec) => {
    const [id, inputs = ''] = spec.split('<');
    return { id, inputs: inputs ? inputs.split(',') : [] };
  });
}

describe('buildGraph: order', () => {
  it('puts inputs before the cells that use them', () => {
    const graph = buildGraph(cells('plot<fit', 'fit<split', 'split<data', 'data'));
    expect(graph.order).toEqual(['data', 'split', 'fit', 'plot']);
  });

  it('breaks ties by document order', () => {
    expect(buildGraph(cells('z', 'y', 'x')).order).toEqual(['z', 'y', 'x']);
    // 'b' becomes ready after 'a' but is written before 'c', so it goes first.
    expect(buildGraph(cells('b<a', 'a', 'c')).order).toEqual(['a', 'b', 'c']);
    expect(buildGraph(cells('a', 'c<a', 'b<a', 'd')).order).toEqual(['a', 'c', 'b', 'd']);
  });

  it('handles an empty notebook', () => {
    const graph = buildGraph([]);
    expect(graph.order).toEqual([]);
    expect(graph.nodes).toEqual([]);
    expect(graph.dependents('x')).toEqual([]);
  });
});

describe('buildGraph: edges', () => {
  const graph = buildGraph(cells('a', 'b<a', 'c<a', 'd<b,c,b', 'e', 'f<d'));

  it('dependencies are the direct inputs, without repeats', () => {
    expect(graph.dependencies('d')).toEqual(['b', 'c']);
    expect(graph.dependencies('a')).toEqual([]);
    expect(graph.dependencies('nope')).toEqual([]);
  });

  it('dependents are transitive, in run order, excluding the cell itself', () => {
    expect(graph.dependents('a')).toEqual(['b', 'c', 'd', 'f']);
    expect(graph.dependents('c')).toEqual(['d', 'f']);
    expect(graph.dependents('e')).toEqual([]);
  });

  it('ancestors are transitive, in run order', () => {
    expect(graph.ancestors('f')).toEqual(['a', 'b', 'c', 'd']);
    expect(graph.ancestors('a')).toEqual([]);
  });

  it('a valid graph has no errors', () => {
    expect(graph.nodes.every((n) => n.error === undefined)).toBe(true);
    expect(graph.has('a')).toBe(true);
    expect(graph.has('zz')).toBe(false);
  });
});

describe('buildGraph: errors are data', () => {
  it('a missing input is an error on the cell that names it', () => {
    const graph = buildGraph(cells('a', 'b<a,foo'));
    expect(graph.error('b')).toMatchObject({
      kind: 'missing-input',
      message: "Input 'foo' does not name a cell in this notebook",
    });
    expect(graph.error('a')).toBeUndefined();
    expect(graph.dependencies('b')).toEqual(['a']);
  });

  it('several missing inputs are named together', () => {
    const graph = buildGraph(cells('b<foo,bar'));
    expect(graph.error('b')?.message).toBe("Inputs 'foo', 'bar' do not name cells in this notebook");
  });

  it('every cell on a cycle gets the same message naming the cycle', () => {
    const graph = buildGraph(cells('x', 'a<b,x', 'b<a'));
    expect(graph.error('a')).toMatchObject({
      kind: 'cycle',
      message: 'Cells a → b → a depend on each other',
      cycle: ['a', 'b', 'a'],
    });
    expect(graph.error('b')?.message).toBe('Cells a → b → a depend on each other');
    expect(graph.error('x')).toBeUndefined();
    // Cycle cells cannot be ordered: they come after the others, in document order.
    expect(graph.order).toEqual(['x', 'a', 'b']);
  });

  it('names a longer cycle in data-flow order, starting from the first cell in the document', () => {
    // data flows b → c → a → b
    const graph = buildGraph(cells('a<c', 'b<a', 'c<b'));
    for (const id of ['a', 'b', 'c']) {
      expect(graph.error(id)?.message).toBe('Cells a → b → c → a depend on each other');
    }
  });

  it('a cell that uses itself is a cycle of one', () => {
    const graph = buildGraph(cells('a<a'));
    expect(graph.error('a')).toMatchObject({ kind: 'cycle', message: 'Cell a uses itself as an input' });
  });

  it('cells downstream of an error are blocked, naming the cell at fault', () => {
    const graph = buildGraph(cells('a<missing', 'b<a', 'c<b', 'p<q', 'q<p', 'r<q', 'ok'));
    expect(graph.error('b')).toMatchObject({
      kind: 'blocked',
      message: "Waiting for 'a', which has an error",
      blockedBy: 'a',
    });
    expect(graph.error('c')?.message).toBe("Waiting for 'a', which has an error");
    // r reads q directly, and q is itself on the cycle.
    expect(graph.error('r')?.message).toBe("Waiting for 'q', which has an error");
    expect(graph.error('ok')).toBeUndefined();
    expect(graph.dependents('p')).toEqual(['q', 'r']);
  });

  it('a repeated id is an error on the second cell; the first one stands', () => {
    const graph = buildGraph(cells('a', 'b<a', 'a<b'));
    expect(graph.nodes.map((n) => n.error?.kind)).toEqual([undefined, undefined, 'duplicate-id']);
    expect(graph.nodes[2].error?.message).toContain("'a'");
    expect(graph.error('a')).toBeUndefined();
    expect(graph.order).toEqual(['a', 'b']);
    expect(graph.dependents('a')).toEqual(['b']);
  });

  it('never throws, whatever the wiring', () => {
    const messy = cells('a<a,a', 'b<c', 'c<b,zz', 'a', 'd<b,a', '<', 'e<');
    expect(() => buildGraph(messy)).not.toThrow();
    const graph = buildGraph(messy);
    expect(new Set(graph.order).size).toBe(graph.order.length);
    expect(graph.order).toHaveLength(6);
  });
});
