// Nothing the reader typed or uploaded is lost on reload. Everything lives in
// IndexedDB through idb-keyval: uploaded files (binary, possibly large) in
// the `fitbook` database, notebook texts (a shipped notebook's edited copy,
// and the reader's own notebooks) in `fitbook-notebooks`. Writes go through
// `keep`, which reports a failing storage and retries.
import { createStore, del, entries, get, promisifyRequest, set } from 'idb-keyval';
import type { UploadedFile } from '../cells/types';
import { keep } from './storage-status.svelte';

let uploads: ReturnType<typeof createStore> | undefined;
let texts: ReturnType<typeof createStore> | undefined;
const uploadStore = () => (uploads ??= createStore('fitbook', 'uploads'));
const textStore = () => (texts ??= createStore('fitbook-notebooks', 'notebooks'));
const uploadKey = (notebook: string, cell: string) => `${notebook}#${cell}`;
const editedKey = (notebook: string) => `edited:${notebook}`;
/** The localStorage key earlier versions kept edits under; still read once. */
const legacyKey = (notebook: string) => `fitbook:notebook:${notebook}`;

/** A notebook of the reader's own, as stored. */
export interface StoredNotebook {
  /** Its key, also its path: `mine/<id>.md`. */
  path: string;
  title: string;
  text: string;
  updated: number;
}

async function quietly<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch {
    return undefined;
  }
}

export async function loadEditedText(notebook: string): Promise<string | null> {
  const saved = await quietly(() => get<string>(editedKey(notebook), textStore()));
  if (typeof saved === 'string') return saved;
  try {
    return localStorage.getItem(legacyKey(notebook));
  } catch {
    return null;
  }
}

export function saveEditedText(notebook: string, text: string): Promise<void> {
  return keep(editedKey(notebook), () => set(editedKey(notebook), text, textStore()));
}

export async function forgetEditedText(notebook: string): Promise<void> {
  try {
    localStorage.removeItem(legacyKey(notebook));
  } catch {
    /* nothing to forget */
  }
  await keep(editedKey(notebook), () => del(editedKey(notebook), textStore()));
}

export async function listOwnNotebooks(): Promise<StoredNotebook[]> {
  const all = (await quietly(() => entries<string, StoredNotebook>(textStore()))) ?? [];
  return all
    .filter(([key]) => key.startsWith('mine/'))
    .map(([, value]) => value)
    .sort((a, b) => a.title.localeCompare(b.title));
}

export function saveOwnNotebook(notebook: StoredNotebook): Promise<void> {
  return keep(notebook.path, () => set(notebook.path, notebook, textStore()));
}

export function forgetOwnNotebook(path: string): Promise<void> {
  return keep(path, () => del(path, textStore()));
}

/**
 * Uploads are stored as they are, `{ name, blob }` with the File itself: IndexedDB
 * writes a Blob's data off the main thread (an ArrayBuffer is serialised on it: about
 * 240 ms per 8 MB in a profile). Earlier versions stored the bytes as an ArrayBuffer
 * (`{ name, bytes }`); those records are still read.
 */
type StoredUpload = UploadedFile | { name: string; bytes: ArrayBuffer };

const uploadOf = (stored: StoredUpload): UploadedFile =>
  'bytes' in stored ? { name: stored.name, blob: new Blob([stored.bytes]) } : stored;

/**
 * Every upload kept for a notebook, by cell id, in one read (the keys
 * `notebook#…` form one key range). The shell starts it beside the read of the
 * notebook's edited text, before it knows the cells: both are on the way to the
 * first plot. A failing storage reads as no uploads.
 */
export async function loadUploadsOf(notebook: string): Promise<Map<string, UploadedFile>> {
  const prefix = uploadKey(notebook, '');
  const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
  const found = await quietly(() =>
    uploadStore()('readonly', (store) =>
      Promise.all([promisifyRequest(store.getAllKeys(range)), promisifyRequest(store.getAll(range))]),
    ),
  );
  const uploads = new Map<string, UploadedFile>();
  if (!found) return uploads;
  const [keys, values] = found as [IDBValidKey[], StoredUpload[]];
  keys.forEach((key, i) => {
    if (values[i]) uploads.set(String(key).slice(prefix.length), uploadOf(values[i]));
  });
  return uploads;
}

export function saveUpload(notebook: string, cell: string, file: UploadedFile): Promise<void> {
  const key = uploadKey(notebook, cell);
  return keep(key, () => set(key, { name: file.name, blob: file.blob }, uploadStore()));
}

export function forgetUpload(notebook: string, cell: string): Promise<void> {
  const key = uploadKey(notebook, cell);
  return keep(key, () => del(key, uploadStore()));
}
