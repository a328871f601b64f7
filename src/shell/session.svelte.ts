// One open notebook: its parsed cells, the options the reader moves, the
// runtime that re-runs what depends on a change, and the saving of both.
// The runtime and the format are plain TypeScript; this class only mirrors
// their state into Svelte's reactivity.
import { optionsToYaml, parseNotebook, readOptions, schemasOf, serialiseNotebook, type OptionSchemas } from '../lib/notebook/format';
import { LINK_KEYS, linksOf } from '../lib/notebook/edit';
import { cellsOf, type Block, type CellBlock, type Notebook } from '../lib/notebook/model';
import { Runtime, type CellState } from '../lib/notebook/runtime';
import { History } from '../lib/notebook/history';
import { carryProseKeys, changedCells } from '../lib/notebook/replace';
import type { CellKind, UploadedFile } from '../cells/types';
import { backendReady } from '../cells/shared/backend-ready';
import { forgetEditedText, forgetUpload, loadUploadsOf, saveEditedText, saveUpload } from './persistence';
import { library } from './library.svelte';
import { throttleToFrames } from './throttle';
import { NotebookEditing } from './editing.svelte';

export interface NotebookSource {
  /** File name in notebooks/ (a shipped notebook), or `mine/<id>.md` (the reader's own): the key for saved edits. */
  path: string;
  /** The shipped text, or the reader's notebook as last stored. */
  text: string;
  /** The reader's own notebook: edits are its text; there is nothing to revert to. */
  own?: boolean;
}

const idleState: CellState = { status: 'idle', runs: 0 };

export class NotebookSession {
  notebook: Notebook = $state() as Notebook;
  /** Raw state: outputs hold large typed arrays and tables that must not be proxied. */
  states: Record<string, CellState> = $state.raw({});
  progress: Record<string, number | undefined> = $state({});
  /**
   * Each cell's last successful output, kept while it is in error, so its
   * view can still offer its controls (the column pickers, say) to undo the
   * change that broke it.
   */
  lastOutputs: Record<string, unknown> = $state.raw({});
  /** Intermediate results of running cells (raw: loss histories are arrays). */
  partials: Record<string, unknown> = $state.raw({});
  /** Names of uploaded files, by cell id. */
  uploadNames: Record<string, string | undefined> = $state({});
  /** The notebook differs from the shipped file (edits were restored or made). */
  #optionsEdited = $state(false);
  /** Structural editing and undo (add, delete, move, duplicate, prose). */
  readonly editing: NotebookEditing;
  /** A cell id the view should scroll to and focus (a cell just added). */
  reveal = $state<{ id: string } | undefined>();
  /** True when the notebook differs from the shipped one: edited options, or an uploaded file. */
  get edited(): boolean {
    return this.#optionsEdited || Object.values(this.uploadNames).some((name) => name !== undefined);
  }
  /** False until uploads are restored and the cells are handed to the runtime. */
  ready = $state(false);

  readonly #kinds: Record<string, CellKind>;
  readonly #schemas: OptionSchemas;
  readonly #source: NotebookSource;
  // Not reactive on purpose: views read `uploadNames`; the bytes are only for runs.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #uploads = new Map<string, UploadedFile>();
  /**
   * Uploads not yet read successfully, by cell id, with the upload each
   * replaced: a new file is stored only once its read succeeds, and Cancel
   * puts the previous one back (in memory; storage still holds it).
   */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #unread = new Map<string, { previous: UploadedFile | undefined }>();
  #runtime: Runtime;
  #unsubscribe: () => void;

  /** `saved`: the reader's edited text of a shipped notebook, read from storage before opening it. */
  constructor(source: NotebookSource, kinds: Record<string, CellKind>, saved: string | null = null, history?: unknown) {
    this.#source = source;
    this.#kinds = kinds;
    this.#schemas = schemasOf(kinds);
    this.#optionsEdited = !source.own && saved !== null && saved !== source.text;
    this.notebook = parseNotebook(saved ?? source.text, this.#schemas, titleFromPath(source.path));
    this.#runtime = this.#createRuntime();
    this.#unsubscribe = this.#listen();
    this.editing = new NotebookEditing(this, kinds, History.from(history));
  }

  get path(): string {
    return this.#source.path;
  }

  get own(): boolean {
    return Boolean(this.#source.own);
  }

  get schemas(): OptionSchemas {
    return this.#schemas;
  }

  #listen(): () => void {
    return this.#runtime.subscribe((id, state) => {
      this.states = { ...this.states, [id]: state };
      if (state.output !== undefined) this.lastOutputs = { ...this.lastOutputs, [id]: state.output };
    });
  }

  get cells(): CellBlock[] {
    return cellsOf(this.notebook);
  }

  kindOf(cell: CellBlock): CellKind | undefined {
    return this.#kinds[cell.kind];
  }

  state(id: string): CellState {
    return this.states[id] ?? idleState;
  }

  /** Restores uploads from IndexedDB (`uploads`: the read the shell already started), then runs every cell. */
  async start(uploads: Promise<Map<string, UploadedFile>> = loadUploadsOf(this.#source.path)): Promise<void> {
    for (const [id, file] of await uploads) {
      if (!this.cells.some((cell) => cell.id === id)) continue;
      this.#uploads.set(id, file);
      this.uploadNames[id] = file.name;
    }
    this.#runtime.setCells(this.#graphCells());
    this.ready = true;
    // A notebook with a gradient-descent cell will need TensorFlow.js: start loading it now,
    // alongside the cells that cell waits for, rather than when it starts training.
    if (this.cells.some((cell) => cell.options.solver === 'gradient-descent')) void backendReady();
    await this.#runtime.runAll();
  }

  setOption(id: string, key: string, value: unknown): void {
    const cell = this.#cell(id);
    if (!cell) return;
    this.editing.record(`change ${key} of ${id}`, `${id}.${key}`);
    if (value === undefined) delete cell.options[key];
    else cell.options[key] = value;
    this.#revalidate(cell);
    this.#afterEdit(id);
  }

  /** The cell's options as the YAML its file holds. */
  optionsText(id: string): string {
    const cell = this.#cell(id);
    return cell ? optionsToYaml($state.snapshot(cell.options) as Record<string, unknown>) : '';
  }

  /** Problems of an options draft, numbered by its own lines; changes nothing. */
  checkOptions(id: string, yamlText: string): string | undefined {
    const cell = this.#cell(id);
    if (!cell) return `No cell named '${id}'.`;
    return readOptions(cell.kind, yamlText, 0, this.#schemas).errors.map((e) => `Line ${e.line}: ${e.message}`).join('\n') || undefined;
  }

  /**
   * Replaces all of a cell's options from YAML the reader edited. Returns the
   * problems found, numbered by the lines of the draft: when the text is not
   * YAML key/value lines nothing changes (the caller keeps the draft);
   * otherwise the options are stored and the problems also show on the cell,
   * numbered by the file's lines, like any file error.
   */
  replaceOptions(id: string, yamlText: string): string | undefined {
    const cell = this.#cell(id);
    if (!cell) return `No cell named '${id}'.`;
    // Lines counted in the draft (as the editor shows it); the cell's own
    // messages get the file's lines.
    const read = readOptions(cell.kind, yamlText, 0, this.#schemas);
    const draftProblems = read.errors.map((e) => `Line ${e.line}: ${e.message}`).join('\n') || undefined;
    if (!read.options) return draftProblems;
    this.editing.record(`edit the options of ${id}`);
    cell.options = read.options;
    cell.errors = read.errors.map((e) => ({ ...e, line: cell.line + e.line }));
    cell.optionLines = Object.fromEntries(Object.entries(read.lines ?? {}).map(([key, line]) => [key, cell.line + line]));
    this.#afterEdit(id);
    return draftProblems;
  }

  upload(id: string, file: UploadedFile): void {
    if (!this.#unread.has(id)) this.#unread.set(id, { previous: this.#uploads.get(id) });
    this.#uploads.set(id, file);
    this.uploadNames[id] = file.name;
    this.#runtime.invalidate(id);
  }

  /** A run of cell `id` that used `file` succeeded: a new upload is stored now. */
  #uploadRead(id: string, file: UploadedFile | undefined): void {
    if (!file || !this.#unread.has(id) || this.#uploads.get(id) !== file) return;
    this.#unread.delete(id);
    void saveUpload(this.#source.path, id, file);
  }

  clearUpload(id: string): void {
    this.#unread.delete(id);
    if (!this.#uploads.delete(id)) return;
    this.uploadNames[id] = undefined;
    void forgetUpload(this.#source.path, id);
    this.#runtime.invalidate(id);
  }

  runNow(id: string): void {
    void this.#runtime.runCell(id);
  }

  cancel(id: string): void {
    // A cancelled read of a new upload: the previous file is the cell's again.
    const unread = this.#unread.get(id);
    if (unread) {
      this.#unread.delete(id);
      if (unread.previous) this.#uploads.set(id, unread.previous);
      else this.#uploads.delete(id);
      this.uploadNames[id] = unread.previous?.name;
    }
    this.#runtime.cancel(id);
  }

  settled(): Promise<void> {
    return this.#runtime.settled();
  }

  /** The notebook in its file format, with the reader's control values. */
  serialise(): string {
    return serialiseNotebook($state.snapshot(this.notebook) as Notebook, this.#schemas);
  }

  /**
   * Replaces the whole notebook by a text (an undo, a structural edit): cells
   * whose kind, options or inputs changed re-run; the others keep their
   * results.
   */
  load(text: string): void {
    const before = $state.snapshot(this.notebook.blocks) as Block[];
    const next = parseNotebook(text, this.#schemas, titleFromPath(this.#source.path));
    carryProseKeys(before, next.blocks);
    this.notebook = next;
    this.#persist();
    this.#runtime.setCells(this.#graphCells());
    for (const id of changedCells(before, next.blocks)) this.#runtime.invalidate(id);
  }

  /** The blocks as plain data (no proxies), to edit and serialise. */
  blocksSnapshot(): Block[] {
    return $state.snapshot(this.notebook.blocks) as Block[];
  }

  /** The notebook's text with other blocks (for structural edits). */
  textWith(blocks: Block[]): string {
    return serialiseNotebook({ ...($state.snapshot(this.notebook) as Notebook), blocks }, this.#schemas);
  }

  /** Copies a cell's upload to another cell id (a duplicated dataset cell), in this notebook or another. */
  async copyUpload(fromId: string, toId: string, toPath = this.#source.path): Promise<void> {
    const file = this.#uploads.get(fromId);
    if (!file) return;
    if (toPath === this.#source.path) {
      this.#uploads.set(toId, file);
      this.uploadNames[toId] = file.name;
    }
    await saveUpload(toPath, toId, file);
  }

  /** Drops saved edits and uploads and goes back to the shipped file. */
  async revert(): Promise<void> {
    if (this.#source.own) return;
    this.editing.record('revert to the shipped notebook');
    await forgetEditedText(this.#source.path);
    await Promise.all(this.cells.map((c) => forgetUpload(this.#source.path, c.id)));
    this.#uploads.clear();
    this.#unread.clear();
    this.uploadNames = {};
    this.notebook = parseNotebook(this.#source.text, this.#schemas, titleFromPath(this.#source.path));
    this.#optionsEdited = false;
    // A fresh runtime: every cell runs again from the shipped options and files
    // (the old one would keep outputs of cells whose links did not change).
    this.#unsubscribe();
    this.#runtime.dispose();
    this.states = {};
    this.lastOutputs = {};
    this.partials = {};
    this.#runtime = this.#createRuntime();
    this.#unsubscribe = this.#listen();
    this.#runtime.setCells(this.#graphCells());
    await this.#runtime.runAll();
  }

  dispose(): void {
    this.#unsubscribe();
    this.#runtime.dispose();
  }

  #createRuntime(): Runtime {
    return new Runtime({
      run: (id, inputs, signal) => this.#runCell(id, inputs, signal),
      isManual: (id) => {
        const cell = this.#cell(id);
        const kind = cell && this.#kinds[cell.kind];
        return Boolean(cell && kind?.manual?.($state.snapshot(cell.options)));
      },
    });
  }

  async #runCell(id: string, inputs: Record<string, unknown>, signal: AbortSignal): Promise<unknown> {
    const cell = this.#cell(id);
    if (!cell) throw new Error(`No cell named '${id}'.`);
    if (cell.errors.length) {
      throw new Error(cell.errors.map((e) => `Line ${e.line}: ${e.message}`).join('\n'));
    }
    const kind = this.#kinds[cell.kind];
    const options = kind.schema.parse($state.snapshot(cell.options)) as Record<string, unknown>;
    this.progress[id] = undefined;
    const publish = throttleToFrames((value: unknown) => {
      if (!signal.aborted) this.partials = { ...this.partials, [id]: value };
    });
    this.#dropPartial(id);
    let failed = false;
    const upload = this.#uploads.get(id);
    try {
      const output = await kind.run({
        id,
        options,
        inputs,
        signal,
        upload,
        progress: (fraction) => {
          if (!signal.aborted) this.progress[id] = fraction;
        },
        partial: publish,
      });
      if (!signal.aborted) this.#uploadRead(id, upload);
      return output;
    } catch (error) {
      failed = !signal.aborted;
      throw error;
    } finally {
      publish.flush();
      this.progress[id] = undefined;
      // A run that failed keeps its partial result (a loss curve that diverged
      // says more than the error alone); a finished or stopped run drops it.
      if (!failed) this.#dropPartial(id);
    }
  }

  #dropPartial(id: string): void {
    if (!(id in this.partials)) return;
    const { [id]: _done, ...rest } = this.partials;
    this.partials = rest;
  }

  #graphCells(): { id: string; inputs: string[] }[] {
    return this.cells.map((cell) => ({ id: cell.id, inputs: this.#inputsOf(cell), lines: this.#linkLines(cell) }));
  }

  /** The line that names each cell this one reads (`input:`, `model:`), for graph messages. */
  #linkLines(cell: CellBlock): Record<string, number> {
    const lines: Record<string, number> = {};
    for (const key of LINK_KEYS) {
      const target = cell.options[key];
      const line = cell.optionLines?.[key];
      if (typeof target === 'string' && line !== undefined && !(target in lines)) lines[target] = line;
    }
    return lines;
  }

  #inputsOf(cell: CellBlock): string[] {
    const kind = this.#kinds[cell.kind];
    if (!kind || cell.errors.length) {
      // Still wire a declared input so the graph shows who waits on whom.
      return linksOf(cell);
    }
    const parsed = kind.schema.safeParse($state.snapshot(cell.options));
    return parsed.success ? kind.inputs(parsed.data as Record<string, unknown>) : linksOf(cell);
  }

  #cell(id: string): CellBlock | undefined {
    return this.cells.find((c) => c.id === id);
  }

  /** Re-checks one cell's options against its schema after an edit. */
  #revalidate(cell: CellBlock): void {
    const text = serialiseNotebook({ meta: {}, title: '', errors: [], blocks: [$state.snapshot(cell) as CellBlock] }, this.#schemas);
    const [fresh] = cellsOf(parseNotebook(text, this.#schemas));
    cell.errors = fresh.errors.map((e) => ({ ...e, line: cell.line + (e.line - 1) }));
    cell.optionLines = Object.fromEntries(Object.entries(fresh.optionLines ?? {}).map(([key, line]) => [key, cell.line + (line - 1)]));
  }

  #afterEdit(id: string): void {
    this.#persist();
    this.#runtime.setCells(this.#graphCells());
    this.#runtime.invalidate(id);
  }

  /** Stores the notebook's current text (and its undo history). */
  #persist(): void {
    const text = this.serialise();
    if (this.#source.own) {
      void library.save({ path: this.#source.path, title: this.notebook.title, text });
    } else {
      this.#optionsEdited = text !== this.#source.text;
      void saveEditedText(this.#source.path, text);
    }
    this.editing.persist();
  }
}

export function titleFromPath(path: string): string {
  const base = path.split('/').pop() ?? path;
  return base.replace(/\.md$/, '').replace(/^\d+[-_]/, '').replace(/[-_]/g, ' ');
}
