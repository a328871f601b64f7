// Reading and writing the notebook file format: Markdown with YAML front
// matter, where a fenced block whose info string is `{kind} id` is a cell and
// its body is YAML options. markdown-it finds the fences (so a fence inside a
// list or after an indented block is handled as Markdown would) and gives each
// its line range; the prose between cells is kept verbatim.
import MarkdownIt from 'markdown-it';
import YAML from 'yaml';
import type { ZodType } from 'zod';
import type { Block, CellBlock, FormatError, Notebook } from './model';
import { normaliseOptions } from './fields';

const cellInfo = /^\{([A-Za-z][\w-]*)\}\s*(\S*)\s*$/;
const validId = /^[A-Za-z_][\w-]*$/;
const frontMatterFence = /^---\s*$/;

/** Per-kind option schemas; a kind missing here is reported on its cell. */
export type OptionSchemas = Record<string, ZodType<Record<string, unknown>>>;

/** Each kind's options schema, by kind name (what parsing and validation need of the kinds). */
export function schemasOf(kinds: Record<string, { schema: unknown }>): OptionSchemas {
  return Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, v.schema])) as OptionSchemas;
}

const tokenizer = new MarkdownIt();
/** Gives every prose block parsed in this page a distinct key (see ProseBlock.key). */
let proseKeys = 0;

export function parseNotebook(text: string, schemas: OptionSchemas, fallbackTitle = 'Untitled'): Notebook {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const errors: FormatError[] = [];
  const { meta, bodyStart } = readFrontMatter(lines, errors);
  const body = lines.slice(bodyStart).join('\n');

  const blocks: Block[] = [];
  const seenIds = new Set<string>();
  let proseStart = 0; // index into body lines
  const bodyLines = lines.slice(bodyStart);
  for (const token of tokenizer.parse(body, {})) {
    if (token.type !== 'fence' || !token.map || !cellInfo.test(token.info.trim())) continue;
    const [start, end] = token.map;
    pushProse(blocks, bodyLines.slice(proseStart, start), bodyStart + proseStart);
    const cell = readCell(token.info.trim(), token.content, bodyStart + start + 1, schemas);
    if (cell.id && seenIds.has(cell.id)) {
      cell.errors.push({ message: `Another cell above is already named '${cell.id}'; ids must be unique.`, line: cell.line });
    }
    seenIds.add(cell.id);
    blocks.push(cell);
    proseStart = end;
  }
  pushProse(blocks, bodyLines.slice(proseStart), bodyStart + proseStart);

  const title = typeof meta.title === 'string' && meta.title.trim() ? meta.title : fallbackTitle;
  return { meta, title, blocks, errors };
}

function readFrontMatter(lines: string[], errors: FormatError[]): { meta: Record<string, unknown>; bodyStart: number } {
  if (!frontMatterFence.test(lines[0] ?? '')) return { meta: {}, bodyStart: 0 };
  const close = lines.findIndex((l, i) => i > 0 && frontMatterFence.test(l));
  if (close < 0) {
    errors.push({ message: 'The front matter opened with --- is never closed.', line: 1 });
    return { meta: {}, bodyStart: 0 };
  }
  const doc = YAML.parseDocument(lines.slice(1, close).join('\n'));
  for (const e of doc.errors) errors.push({ message: e.message.split('\n')[0], line: 2 + (e.linePos?.[0].line ?? 1) - 1 });
  let value: unknown = {};
  try {
    if (!doc.errors.length) value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    errors.push({ message: 'The front matter has too many aliases (*name) to expand.', line: 2 });
  }
  if (value !== null && value !== undefined && !isPlainObject(value)) {
    errors.push({ message: 'The front matter must be a list of `key: value` lines.', line: 2 });
  }
  return { meta: isPlainObject(value) ? value : {}, bodyStart: close + 1 };
}

function pushProse(blocks: Block[], lines: string[], firstLine: number): void {
  let from = 0;
  let to = lines.length;
  while (from < to && lines[from].trim() === '') from++;
  while (to > from && lines[to - 1].trim() === '') to--;
  if (from < to) blocks.push({ type: 'prose', text: lines.slice(from, to).join('\n'), line: firstLine + from + 1, key: `p${++proseKeys}` });
}

function readCell(info: string, content: string, fenceLine: number, schemas: OptionSchemas): CellBlock {
  const [, kind, id] = cellInfo.exec(info)!;
  const cell: CellBlock = { type: 'cell', kind, id, options: {}, line: fenceLine, errors: [] };
  if (!id) cell.errors.push({ message: `This ${kind} cell has no id: write \`{${kind}} name\`.`, line: fenceLine });
  else if (!validId.test(id)) {
    cell.errors.push({ message: `'${id}' is not a valid cell id: use letters, digits, _ and -, starting with a letter.`, line: fenceLine });
  }

  const read = readOptions(kind, content, fenceLine, schemas);
  cell.errors.push(...read.errors);
  if (read.options) cell.options = read.options;
  if (read.lines) cell.optionLines = read.lines;
  return cell;
}

/** Keys that would reach an object's prototype in JavaScript; never options. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A cell's options read from its YAML, with the problems found (lines counted from `firstLine`, the fence). */
export interface ReadOptions {
  /** Absent when the text is not YAML `key: value` lines. */
  options?: Record<string, unknown>;
  errors: FormatError[];
  /** The line of each top-level option. */
  lines?: Record<string, number>;
}

/**
 * Reads the YAML body of a cell of `kind` and checks it against the kind's
 * schema. Line numbers are `firstLine` plus the line within the text, so
 * `firstLine` 0 numbers the lines of the text itself (the options editor's
 * draft) and the fence's line numbers the file's lines. A value the schema
 * accepts as a list of one (`features: RM`) is stored as that list.
 */
export function readOptions(kind: string, content: string, firstLine: number, schemas: OptionSchemas): ReadOptions {
  const errors: FormatError[] = [];
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(content, { uniqueKeys: true, lineCounter });
  for (const e of doc.errors) {
    errors.push({ message: `YAML: ${e.message.split('\n')[0]}`, line: firstLine + (e.linePos?.[0].line ?? 1) });
  }
  if (doc.errors.length) return { errors };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? {};
  } catch (error) {
    // An alias bomb ("billion laughs"): yaml refuses to expand it.
    const reason = error instanceof Error ? error.message : String(error);
    errors.push({ message: `YAML: too many aliases (*name) to expand (${reason}).`, line: firstLine + 1 });
    return { errors };
  }
  if (!isPlainObject(value)) {
    errors.push({ message: 'Cell options must be `key: value` lines.', line: firstLine + 1 });
    return { errors };
  }
  const lines: Record<string, number> = {};
  const options: Record<string, unknown> = {};
  for (const [key, option] of Object.entries(value)) {
    const line = lineOfKey(doc, lineCounter, key, firstLine);
    if (FORBIDDEN_KEYS.has(key)) {
      errors.push({ message: `'${key}' cannot be an option name; remove that line.`, line });
      continue;
    }
    lines[key] = line;
    options[key] = option;
  }

  const schema = schemas[kind];
  if (!schema) {
    const known = Object.keys(schemas).sort().join(', ');
    errors.push({ message: `Unknown cell kind '${kind}'. Known kinds: ${known}.`, line: firstLine });
    return { options, errors, lines };
  }
  const result = schema.safeParse(options);
  if (result.success) return { options: normaliseOptions(options, result.data), errors, lines };
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = declaredKeys(schema).join(', ');
      for (const key of issue.keys) {
        errors.push({ message: `Unknown option '${key}' for a ${kind} cell. Its options are: ${known}.`, line: lines[key] ?? firstLine });
      }
      continue;
    }
    const key = issue.path[0];
    const line = typeof key === 'string' ? (lines[key] ?? firstLine) : firstLine;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    errors.push({ message: `${where}${issue.message}`, line });
  }
  return { options, errors, lines };
}

/** More aliases than this in one cell is a resource attack, not options (yaml's own default is 100). */
const MAX_ALIASES = 100;

/** The file line of a top-level key in a cell's YAML, for error messages. */
function lineOfKey(doc: YAML.Document, lineCounter: YAML.LineCounter, key: string, fenceLine: number): number {
  const contents = doc.contents;
  if (!YAML.isMap(contents)) return fenceLine;
  const pair = contents.items.find((p) => YAML.isScalar(p.key) && p.key.value === key);
  const offset = YAML.isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  return offset === undefined ? fenceLine : fenceLine + lineCounter.linePos(offset).line;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Writes a notebook back to its file format. Keys keep a stable order (the
 * order the kind's schema declares them, then any others alphabetically) and
 * nested maps and lists are written in flow style (`{value: 1, min: 0}`,
 * `[a, b]`), so saving twice gives the same text and diffs stay small.
 */
export function serialiseNotebook(notebook: Notebook, schemas: OptionSchemas): string {
  const parts: string[] = [];
  const meta = orderKeys(notebook.meta, ['title']);
  if (Object.keys(meta).length) parts.push(`---\n${YAML.stringify(meta).trimEnd()}\n---`);
  for (const block of notebook.blocks) {
    if (block.type === 'prose') parts.push(block.text);
    else parts.push(serialiseCell(block, declaredKeys(schemas[block.kind])));
  }
  return parts.join('\n\n') + '\n';
}

export function serialiseCell(cell: Pick<CellBlock, 'kind' | 'id' | 'options'>, keyOrder: string[] = []): string {
  const options = orderKeys(cell.options, keyOrder);
  const body = Object.keys(options).length ? optionsToYaml(options) : '';
  return `\`\`\`{${cell.kind}} ${cell.id}\n${body}\`\`\``;
}

/** YAML for a cell's options: block style at the top, flow style inside. */
export function optionsToYaml(options: Record<string, unknown>): string {
  const doc = new YAML.Document(options);
  YAML.visit(doc, {
    Map(_, node, path) {
      if (path.length > 1) node.flow = true;
    },
    Seq(_, node) {
      node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function declaredKeys(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

function orderKeys(value: Record<string, unknown>, first: string[]): Record<string, unknown> {
  const rest = Object.keys(value)
    .filter((k) => !first.includes(k))
    .sort();
  const ordered: Record<string, unknown> = {};
  for (const key of [...first.filter((k) => k in value), ...rest]) if (!FORBIDDEN_KEYS.has(key)) ordered[key] = value[key];
  return ordered;
}
