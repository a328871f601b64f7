/**
 * The cell graph of a notebook: which cell feeds which, in what order cells
 * run, and which cells cannot run because the wiring is wrong.
 *
 * A bad graph never throws. Every problem (duplicate id, missing input, cycle,
 * or being downstream of one of those) is reported as data on the cell it
 * concerns, so the UI can show it inside that cell.
 */

/** The part of a cell the graph needs: its id and the ids named by `input:`. */
export interface CellLink {
  id: string;
  inputs: readonly string[];
  /** The notebook line that names each input (its `input:` line), for messages. */
  lines?: Readonly<Record<string, number>>;
}

export type GraphErrorKind = 'duplicate-id' | 'missing-input' | 'cycle' | 'blocked';

export interface GraphError {
  kind: GraphErrorKind;
  message: string;
  /** For 'blocked': the cell whose own error stops this one. */
  blockedBy?: string;
  /** For 'cycle': the cycle, in data-flow order, first cell repeated at the end. */
  cycle?: string[];
}

/** One cell as written in the document (duplicates included). */
export interface GraphNode {
  id: string;
  /** Position in the document (0-based). */
  index: number;
  /** Inputs that name a cell, without repeats, in the order written. */
  dependencies: string[];
  error?: GraphError;
}

export interface CellGraph {
  /** Every distinct id, in run order: topological, ties broken by document order.
   *  Cells on or below a cycle cannot be ordered; they come last, in document order. */
  readonly order: readonly string[];
  /** Every cell in document order, including a repeated id (which carries a 'duplicate-id' error). */
  readonly nodes: readonly GraphNode[];
  has(id: string): boolean;
  /** The error of the first cell with this id, if any. */
  error(id: string): GraphError | undefined;
  /** Direct inputs that name cells (no repeats). */
  dependencies(id: string): string[];
  /** Every cell that depends on `id`, directly or not, in run order (excluding `id`). */
  dependents(id: string): string[];
  /** Every cell `id` depends on, directly or not, in run order (excluding `id`). */
  ancestors(id: string): string[];
}

export function buildGraph(cells: readonly CellLink[]): CellGraph {
  const nodes: GraphNode[] = [];
  /** First node for each id; later nodes with the same id are duplicates and stay out of the graph. */
  const byId = new Map<string, GraphNode>();

  cells.forEach((cell, index) => {
    const node: GraphNode = { id: cell.id, index, dependencies: [] };
    nodes.push(node);
    if (byId.has(cell.id)) {
      node.error = {
        kind: 'duplicate-id',
        message: `Another cell above already has the id '${cell.id}'; ids must be unique`,
      };
    } else {
      byId.set(cell.id, node);
    }
  });

  // Resolve inputs now that all ids are known.
  for (const node of byId.values()) {
    const written = cells[node.index].inputs;
    const missing: string[] = [];
    for (const input of new Set(written)) {
      if (byId.has(input)) node.dependencies.push(input);
      else missing.push(input);
    }
    if (missing.length > 0) node.error = atLine(missingInputError(missing), cells[node.index].lines?.[missing[0]]);
  }

  const children = new Map<string, string[]>();
  for (const id of byId.keys()) children.set(id, []);
  for (const node of byId.values()) {
    for (const dep of node.dependencies) children.get(dep)!.push(node.id);
  }

  const order = topologicalOrder([...byId.values()], children);

  // Whatever Kahn's algorithm could not place is on a cycle or below one.
  const placed = new Set(order.placed);
  const unplaced = [...byId.values()].filter((n) => !placed.has(n.id));
  const unplacedIds = new Set(unplaced.map((n) => n.id));
  for (const node of unplaced) {
    const cycle = shortestCycle(node.id, children, unplacedIds);
    if (cycle && !node.error) {
      const link = node.dependencies.find((dep) => cycle.includes(dep));
      node.error = atLine(cycleError(cycle, byId), link === undefined ? undefined : cells[node.index].lines?.[link]);
    }
  }

  markBlocked(byId, children);

  const fullOrder = [...order.placed, ...unplaced.map((n) => n.id)];
  const rank = new Map(fullOrder.map((id, i) => [id, i]));
  const inRunOrder = (ids: Set<string>) => [...ids].sort((a, b) => rank.get(a)! - rank.get(b)!);

  const reach = (start: string, next: (id: string) => readonly string[]): Set<string> => {
    const seen = new Set<string>();
    const stack = [...next(start)];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...next(id));
    }
    seen.delete(start);
    return seen;
  };
  const parentsOf = (id: string) => byId.get(id)?.dependencies ?? [];
  const childrenOf = (id: string) => children.get(id) ?? [];

  return {
    order: fullOrder,
    nodes,
    has: (id) => byId.has(id),
    error: (id) => byId.get(id)?.error,
    dependencies: (id) => [...parentsOf(id)],
    dependents: (id) => inRunOrder(reach(id, childrenOf)),
    ancestors: (id) => inRunOrder(reach(id, parentsOf)),
  };
}

/** The error, its message led by the line it is about when that is known. */
function atLine(error: GraphError, line: number | undefined): GraphError {
  return line === undefined ? error : { ...error, message: `Line ${line}: ${error.message}` };
}

function missingInputError(missing: string[]): GraphError {
  const message =
    missing.length === 1
      ? `Input '${missing[0]}' does not name a cell in this notebook`
      : `Inputs ${missing.map((m) => `'${m}'`).join(', ')} do not name cells in this notebook`;
  return { kind: 'missing-input', message };
}

function cycleError(cycle: string[], byId: Map<string, GraphNode>): GraphError {
  // Name the cycle the same way on every cell in it: start from the cell
  // that comes first in the document.
  const ring = cycle.slice(0, -1);
  let start = 0;
  ring.forEach((id, i) => {
    if (byId.get(id)!.index < byId.get(ring[start])!.index) start = i;
  });
  const rotated = [...ring.slice(start), ...ring.slice(0, start)];
  const named = [...rotated, rotated[0]];
  const message =
    ring.length === 1
      ? `Cell ${ring[0]} uses itself as an input`
      : `Cells ${named.join(' → ')} depend on each other`;
  return { kind: 'cycle', message, cycle: named };
}

/** Kahn's algorithm; among ready cells the one earliest in the document goes first. */
function topologicalOrder(graphNodes: GraphNode[], children: Map<string, string[]>): { placed: string[] } {
  const waitingOn = new Map(graphNodes.map((n) => [n.id, n.dependencies.length]));
  const indexOf = new Map(graphNodes.map((n) => [n.id, n.index]));
  const ready = graphNodes.filter((n) => n.dependencies.length === 0).map((n) => n.id);
  const placed: string[] = [];
  while (ready.length > 0) {
    // Notebooks have tens of cells: a linear scan for the minimum is plenty.
    let best = 0;
    for (let i = 1; i < ready.length; i++) {
      if (indexOf.get(ready[i])! < indexOf.get(ready[best])!) best = i;
    }
    const id = ready.splice(best, 1)[0];
    placed.push(id);
    for (const child of children.get(id)!) {
      const left = waitingOn.get(child)! - 1;
      waitingOn.set(child, left);
      if (left === 0) ready.push(child);
    }
  }
  return { placed };
}

/** Breadth-first search from `id` back to itself; the path in data-flow order, or undefined. */
function shortestCycle(id: string, children: Map<string, string[]>, within: Set<string>): string[] | undefined {
  const cameFrom = new Map<string, string>();
  const queue = [id];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const child of children.get(current)!) {
      if (!within.has(child)) continue;
      if (child === id) {
        const path = [id];
        for (let at = current; at !== id; at = cameFrom.get(at)!) path.push(at);
        path.push(id);
        return path.reverse();
      }
      if (!cameFrom.has(child)) {
        cameFrom.set(child, current);
        queue.push(child);
      }
    }
  }
  return undefined;
}

/** Cells downstream of a cell with its own error cannot run; name the first such cell (document order). */
function markBlocked(byId: Map<string, GraphNode>, children: Map<string, string[]>): void {
  const roots = [...byId.values()].filter((n) => n.error);
  for (const root of roots) {
    const queue = [...children.get(root.id)!];
    while (queue.length > 0) {
      const node = byId.get(queue.shift()!)!;
      if (node.error) continue;
      node.error = {
        kind: 'blocked',
        message: `Waiting for '${root.id}', which has an error`,
        blockedBy: root.id,
      };
      queue.push(...children.get(node.id)!);
    }
  }
}
