// Nothing the reader typed or uploaded is lost on reload: edited notebooks
// are kept in localStorage (small text) and uploaded files in IndexedDB
// (binary, possibly large) through idb-keyval.
import { createStore, del, get, set } from 'idb-keyval';
import type { UploadedFile } from '../cells/types';

const textKey = (notebook: string) => `fitbook:notebook:${notebook}`;
let uploads: ReturnType<typeof createStore> | undefined;
const uploadStore = () => (uploads ??= createStore('fitbook', 'uploads'));
const uploadKey = (notebook: string, cell: string) => `${notebook}#${cell}`;

export function loadEditedText(notebook: string): string | null {
  try {
    return localStorage.getItem(textKey(notebook));
  } catch {
    return null;
  }
}

export function saveEditedText(notebook: string, text: string): void {
  try {
    localStorage.setItem(textKey(notebook), text);
  } catch {
    // Storage full or blocked (private mode): the session still works, unsaved.
  }
}

export function forgetEditedText(notebook: string): void {
  try {
    localStorage.removeItem(textKey(notebook));
  } catch {
    /* nothing to forget */
  }
}

export async function loadUpload(notebook: string, cell: string): Promise<UploadedFile | undefined> {
  try {
    return await get<UploadedFile>(uploadKey(notebook, cell), uploadStore());
  } catch {
    return undefined;
  }
}

export async function saveUpload(notebook: string, cell: string, file: UploadedFile): Promise<void> {
  try {
    await set(uploadKey(notebook, cell), file, uploadStore());
  } catch {
    // IndexedDB unavailable: the upload lives for this page only.
  }
}

export async function forgetUpload(notebook: string, cell: string): Promise<void> {
  try {
    await del(uploadKey(notebook, cell), uploadStore());
  } catch {
    /* nothing to forget */
  }
}
