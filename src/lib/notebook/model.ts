// The parsed shape of a notebook file. Outputs are never part of it.

/** A problem found in the file, placed on the line (1-based) where it is. */
export interface FormatError {
  message: string;
  line: number;
}

export interface ProseBlock {
  type: 'prose';
  /** The Markdown source, verbatim (without surrounding blank lines). */
  text: string;
  line: number;
  /** A key for the view's list, never written to the file (prose has no id). */
  key?: string;
}

export interface CellBlock {
  type: 'cell';
  kind: string;
  id: string;
  /** The options as written (after YAML parsing), before schema defaults. */
  options: Record<string, unknown>;
  /** Line of the opening fence. */
  line: number;
  /** Problems with this cell's fence, YAML or options; the cell shows them. */
  errors: FormatError[];
  /** The file line of each top-level option, as last read (for messages about `input:`). */
  optionLines?: Record<string, number>;
}

export type Block = ProseBlock | CellBlock;

export interface Notebook {
  /** Front matter keys (title first). */
  meta: Record<string, unknown>;
  title: string;
  blocks: Block[];
  /** Problems that belong to no cell (front matter). */
  errors: FormatError[];
}

export function cellsOf(notebook: Notebook): CellBlock[] {
  return notebook.blocks.filter((b): b is CellBlock => b.type === 'cell');
}
