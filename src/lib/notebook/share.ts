// Share links: a notebook's state in the address, compressed (the browser's
// own CompressionStream, deflate-raw, then base64url). A shipped lesson
// travels as its name plus the options changed from it; a notebook of the
// reader's own, or a lesson whose cells were added or moved, travels whole.
// Uploaded files never travel: data stays on the machine it was opened on.
//
// Everything read from a link is untrusted: the payload's shape is checked,
// the decompressed size is capped, and every changed option is validated
// against its cell's schema one key at a time, so a bad value is refused
// with a message and the rest still opens.
import { isPlainObject, type OptionSchemas } from './format';
import type { Block, CellBlock, Notebook } from './model';

export type SharePayload =
  | { v: 1; notebook: string; changes: Record<string, Record<string, unknown>> }
  | { v: 1; title: string; text: string };

/** Longer links are refused at copy time: some browsers, chat apps and servers cut them. */
export const MAX_LINK_LENGTH = 32_000;
/** A link that inflates beyond this is refused (a few kilobytes of link cannot honestly hold more). */
const MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class ShareError extends Error {}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new ShareError('The link holds more than a notebook can; it was not opened.');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new ShareError('The link is damaged (it holds characters a fitbook link never has).');
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    throw new ShareError('The link is damaged (it is not valid base64); it may have been cut short.');
  }
}

export async function encodeShare(payload: SharePayload): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(payload));
  return toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

export async function decodeShare(text: string): Promise<SharePayload> {
  let inflated: Uint8Array;
  try {
    inflated = await pipe(fromBase64Url(text), new DecompressionStream('deflate-raw'), MAX_PAYLOAD_BYTES);
  } catch (error) {
    if (error instanceof ShareError) throw error;
    throw new ShareError('The link is damaged (its compressed part cannot be read); it may have been cut short.');
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    throw new ShareError('The link is damaged (its content is not a fitbook notebook).');
  }
  return checkPayload(value);
}

function checkPayload(value: unknown): SharePayload {
  if (!isPlainObject(value) || value.v !== 1) throw new ShareError('The link was not made by this version of fitbook.');
  if (typeof value.text === 'string' && typeof value.title === 'string') return { v: 1, title: value.title, text: value.text };
  if (typeof value.notebook === 'string' && isPlainObject(value.changes)) {
    for (const [id, options] of Object.entries(value.changes)) {
      if (!isPlainObject(options)) throw new ShareError(`The link's changes for cell '${id}' are not options.`);
    }
    return { v: 1, notebook: value.notebook, changes: value.changes as Record<string, Record<string, unknown>> };
  }
  throw new ShareError('The link is damaged (its content is not a fitbook notebook).');
}

const cellsOf = (blocks: readonly Block[]) => blocks.filter((b): b is CellBlock => b.type === 'cell');
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The options changed from the shipped blocks, by cell id and key (a removed
 * key is sent as null), or undefined when cells were added, removed or
 * moved: then only the whole text can say what the notebook is.
 */
export function optionChanges(shipped: readonly Block[], current: readonly Block[]): Record<string, Record<string, unknown>> | undefined {
  const before = cellsOf(shipped);
  const after = cellsOf(current);
  // The same blocks in the same order (cells by id and kind, prose by its text), or the whole text must go.
  const shape = (blocks: readonly Block[]) => blocks.map((b) => (b.type === 'cell' ? ['cell', b.id, b.kind] : ['prose', b.text.trim()]));
  if (!same(shape(shipped), shape(current))) return undefined;
  const changes: Record<string, Record<string, unknown>> = {};
  after.forEach((cell, i) => {
    const old = before[i].options;
    const keys = new Set([...Object.keys(old), ...Object.keys(cell.options)]);
    for (const key of keys) {
      if (same(old[key], cell.options[key])) continue;
      (changes[cell.id] ??= {})[key] = key in cell.options ? cell.options[key] : null;
    }
  });
  return changes;
}

/**
 * The shipped notebook with a link's changes applied. Each key is applied
 * on its own and kept only if the cell's options still validate; every
 * refusal is said, naming the cell and the option.
 */
export function applyChanges(
  notebook: Notebook,
  changes: Record<string, Record<string, unknown>>,
  schemas: OptionSchemas,
): { notebook: Notebook; refused: string[] } {
  const refused: string[] = [];
  const blocks = notebook.blocks.map((b) => (b.type === 'cell' ? { ...b, options: { ...b.options } } : b));
  for (const [id, options] of Object.entries(changes)) {
    const cell = cellsOf(blocks).find((c) => c.id === id);
    if (!cell) {
      refused.push(`The link changes a cell '${id}' that this notebook does not have.`);
      continue;
    }
    for (const [key, value] of Object.entries(options)) {
      if (FORBIDDEN_KEYS.has(key)) {
        refused.push(`Cell '${id}': '${key}' cannot be an option name.`);
        continue;
      }
      const trial: Record<string, unknown> = { ...cell.options };
      if (value === null) delete trial[key];
      else trial[key] = value;
      const check = schemas[cell.kind]?.safeParse(trial);
      if (check && !check.success) {
        const issue = check.error.issues[0];
        refused.push(`Cell '${id}': the link's ${key} was refused (${issue?.message ?? 'not a valid value'}).`);
        continue;
      }
      cell.options = trial;
    }
  }
  return { notebook: { ...notebook, blocks }, refused };
}
