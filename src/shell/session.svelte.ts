// One open notebook: its parsed cells, the options the reader moves, the
// runtime that re-runs what depends on a change, and the saving of both.
// The runtime and the format are plain TypeScript; this class only mirrors
// their state into Svelte's reactivity.
import YAML from 'yaml';
import { isPlainObject, optionsToYaml, parseNotebook, serialiseNotebook, type OptionSchemas } from '../lib/notebook/format';
import { cellsOf, type CellBlock, type Notebook } from '../lib/notebook/model';
import { Runtime, type CellState } from '../lib/notebook/runtime';
import type { CellKind, UploadedFile } from '../cells/types';
import { forgetEditedText, forgetUpload, loadEditedText, loadUpload, saveEditedText, saveUpload } from './persistence';

export interface NotebookSource {
  /** File name in notebooks/, the key for saved edits. */
  path: string;
  text: string;
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
  /** Options differ from the shipped file (edits were restored or made). */
  #optionsEdited = $state(false);
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
  #runtime: Runtime;
  #unsubscribe: () => void;

  constructor(source: NotebookSource, kinds: Record<string, CellKind>) {
    this.#source = source;
    this.#kinds = kinds;
    this.#schemas = Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, v.schema])) as OptionSchemas;
    const saved = loadEditedText(source.path);
    this.#optionsEdited = saved !== null && saved !== source.text;
    this.notebook = parseNotebook(saved ?? source.text, this.#schemas, titleFromPath(source.path));
    this.#runtime = this.#createRuntime();
    this.#unsubscribe = this.#listen();
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

  /** Restores uploads from IndexedDB, then runs every cell. */
  async start(): Promise<void> {
    await Promise.all(
      this.cells.map(async (cell) => {
        const file = await loadUpload(this.#source.path, cell.id);
        if (!file) return;
        this.#uploads.set(cell.id, file);
        this.uploadNames[cell.id] = file.name;
      }),
    );
    this.#runtime.setCells(this.#graphCells());
    this.ready = true;
    await this.#runtime.runAll();
  }

  setOption(id: string, key: string, value: unknown): void {
    const cell = this.#cell(id);
    if (!cell) return;
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

  /**
   * Replaces all of a cell's options from YAML the reader edited. Returns a
   * message when the text is not YAML key/value lines (the caller keeps the
   * draft); schema problems are shown on the cell like any file error.
   */
  replaceOptions(id: string, yamlText: string): string | undefined {
    const cell = this.#cell(id);
    if (!cell) return `No cell named '${id}'.`;
    const doc = YAML.parseDocument(yamlText, { uniqueKeys: true });
    if (doc.errors.length) return `YAML: ${doc.errors[0].message.split('\n')[0]}`;
    const value: unknown = doc.toJS() ?? {};
    if (!isPlainObject(value)) return 'Options must be `key: value` lines.';
    cell.options = value;
    this.#revalidate(cell);
    this.#afterEdit(id);
    return undefined;
  }

  upload(id: string, file: UploadedFile): void {
    this.#uploads.set(id, file);
    this.uploadNames[id] = file.name;
    void saveUpload(this.#source.path, id, file);
    this.#runtime.invalidate(id);
  }

  clearUpload(id: string): void {
    if (!this.#uploads.delete(id)) return;
    this.uploadNames[id] = undefined;
    void forgetUpload(this.#source.path, id);
    this.#runtime.invalidate(id);
  }

  runNow(id: string): void {
    void this.#runtime.runCell(id);
  }

  cancel(id: string): void {
    this.#runtime.cancel(id);
  }

  settled(): Promise<void> {
    return this.#runtime.settled();
  }

  /** The notebook in its file format, with the reader's control values. */
  serialise(): string {
    return serialiseNotebook($state.snapshot(this.notebook) as Notebook, this.#schemas);
  }

  /** Drops saved edits and uploads and goes back to the shipped file. */
  async revert(): Promise<void> {
    forgetEditedText(this.#source.path);
    await Promise.all(this.cells.map((c) => forgetUpload(this.#source.path, c.id)));
    this.#uploads.clear();
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
    try {
      return await kind.run({
        id,
        options,
        inputs,
        signal,
        upload: this.#uploads.get(id),
        progress: (fraction) => {
          if (!signal.aborted) this.progress[id] = fraction;
        },
        partial: publish,
      });
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
    return this.cells.map((cell) => ({ id: cell.id, inputs: this.#inputsOf(cell) }));
  }

  #inputsOf(cell: CellBlock): string[] {
    const kind = this.#kinds[cell.kind];
    if (!kind || cell.errors.length) {
      // Still wire a declared input so the graph shows who waits on whom.
      return typeof cell.options.input === 'string' ? [cell.options.input] : [];
    }
    return kind.inputs(kind.schema.parse($state.snapshot(cell.options)) as Record<string, unknown>);
  }

  #cell(id: string): CellBlock | undefined {
    return this.cells.find((c) => c.id === id);
  }

  /** Re-checks one cell's options against its schema after an edit. */
  #revalidate(cell: CellBlock): void {
    const text = serialiseNotebook({ meta: {}, title: '', errors: [], blocks: [$state.snapshot(cell) as CellBlock] }, this.#schemas);
    const [fresh] = cellsOf(parseNotebook(text, this.#schemas));
    cell.errors = fresh.errors.map((e) => ({ ...e, line: cell.line + (e.line - 1) }));
  }

  #afterEdit(id: string): void {
    const text = this.serialise();
    this.#optionsEdited = text !== this.#source.text;
    saveEditedText(this.#source.path, text);
    this.#runtime.setCells(this.#graphCells());
    this.#runtime.invalidate(id);
  }
}

/**
 * Calls `apply` with the latest value at most once per animation frame, so a
 * training loop that reports every epoch never floods the UI.
 */
function throttleToFrames<T>(apply: (value: T) => void): ((value: T) => void) & { flush(): void } {
  let pending: { value: T } | undefined;
  let frame: number | undefined;
  const schedule = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (f: () => void) => setTimeout(f, 16);
  const cancelFrame = typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame : clearTimeout;
  const publish = (value: T) => {
    pending = { value };
    frame ??= schedule(() => {
      frame = undefined;
      if (pending) apply(pending.value);
      pending = undefined;
    }) as number;
  };
  /** Applies the value still waiting for a frame, now. */
  publish.flush = () => {
    if (frame !== undefined) cancelFrame(frame);
    frame = undefined;
    if (pending) apply(pending.value);
    pending = undefined;
  };
  return publish;
}

export function titleFromPath(path: string): string {
  const base = path.split('/').pop() ?? path;
  return base.replace(/\.md$/, '').replace(/^\d+[-_]/, '').replace(/[-_]/g, ' ');
}
