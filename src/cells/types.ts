// What every cell kind provides. The notebook runtime calls `run` with the
// outputs of the cells named by `inputs`; the shell renders `view`.
import type { Component } from 'svelte';
import type { ZodObject, ZodRawShape } from 'zod';
import type { CellState } from '../lib/notebook/runtime';
import type { Block } from '../lib/notebook/model';
import type { ColumnRoleInfo } from '../lib/data/roles';

/** A file the reader dropped on a cell; kept in memory and in IndexedDB. */
export interface UploadedFile {
  name: string;
  /** The file itself (a File is a Blob): it is read in slices by the CSV worker and stored as is, never copied on the page. */
  blob: Blob;
}

export interface RunContext<Options> {
  id: string;
  options: Options;
  /** Outputs of the input cells, keyed by cell id. */
  inputs: Record<string, unknown>;
  signal: AbortSignal;
  /** Reports progress between 0 and 1; the view shows it as a progress bar. */
  progress(fraction: number): void;
  /**
   * Publishes an intermediate result while the run goes on (a loss history
   * during training). The view gets it as `partial`, throttled to animation
   * frames by the shell; it is dropped when the run ends.
   */
  partial(value: unknown): void;
  upload?: UploadedFile;
}

/** Everything a cell's view may use. */
export interface CellViewProps<Options = Record<string, unknown>, Output = unknown> {
  id: string;
  options: Options;
  cellState: CellState;
  output: Output | undefined;
  /** The last successful output, kept while the cell is in error (for its pickers). */
  previous: Output | undefined;
  progress: number | undefined;
  /** The running fit's latest intermediate result (see RunContext.partial). */
  partial: unknown;
  /** Replaces one option and re-runs the cell and its dependents. */
  setOption(key: string, value: unknown): void;
  /** Stores an uploaded file for this cell and re-runs it. */
  upload(file: UploadedFile): void;
  /** Forgets this cell's upload, so its options' source is read again. */
  clearUpload(): void;
  /** The name of this cell's uploaded file, if it has one. */
  uploadedName: string | undefined;
  /** Runs the cell now (the Fit button of manual cells). */
  runNow(): void;
  cancel(): void;
  /** Inserts blocks right after this cell, as one undoable change, and scrolls to the first new cell. */
  insertAfter(blocks: Block[]): void;
  /**
   * One undoable change of the notebook's blocks, computed from the current
   * ones (a prepare cell inserted and linked); `reveal` is scrolled to.
   */
  changeBlocks(label: string, edit: (blocks: Block[]) => { blocks: Block[]; reveal?: string }): void;
  /**
   * Builds a notebook from this (dataset) cell's data: the blocks go right
   * after the cell in a notebook of the reader's own, or, in a shipped
   * lesson, into a new notebook called `title` that starts with a copy of
   * this cell and its upload. Ids that clash are renamed, with links.
   */
  buildNotebook(blocks: Block[], title: string): void;
}

/** What a new cell's `input:` can be: the nearest cell above that gives what it takes. */
export type Flow = 'table' | 'model';

/** The nearest cell above a new cell that it can read, with that cell's latest output. */
export interface StarterInput {
  id: string;
  kind: string;
  /** Columns of its table, with their roles, when its output holds one. */
  columns?: ColumnRoleInfo[];
}

export interface CellKind<Options extends Record<string, unknown> = Record<string, unknown>, Output = unknown> {
  kind: string;
  /** Shown in the cell's heading: "Dataset", "Table", … */
  label: string;
  schema: ZodObject<ZodRawShape>;
  /** Cell ids this cell reads, from its options. */
  inputs(options: Options): string[];
  /** Manual cells go stale on change and wait for runNow (slow fits). */
  manual?(options: Options): boolean;
  run(ctx: RunContext<Options>): Promise<Output> | Output;
  view: Component<CellViewProps<Options, Output>>;
  /** What its output can feed (dataset, prepare and split give tables; models give models). */
  gives?: Flow;
  /** What its `input:` (or `model:`) reads; a kind without it reads nothing. */
  takes?: Flow;
  /**
   * Options for a cell added in the app, given the nearest cell above that it
   * can read (absent when there is none). Should validate, so the new cell
   * runs at once where it can.
   */
  starter?(input: StarterInput | undefined): Record<string, unknown>;
}
