import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../fixtures/csv/', import.meta.url));

/** A fixture's bytes, as a File's arrayBuffer() would give them. */
export function fixture(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(root + name));
}

export const irisPath = fileURLToPath(new URL('../../../datasets/iris.csv', import.meta.url));
