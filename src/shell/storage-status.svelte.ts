// Whether the browser is keeping the reader's work. Every write to
// IndexedDB goes through `keep`: a write that fails sets `storageStatus.problem`
// (the toolbar shows it as an alert and points to Save notebook file) and is
// retried every few seconds, newest value per key, until storage recovers.

export const storageStatus = $state<{ problem: string | undefined }>({ problem: undefined });

const RETRY_MS = 5_000;
/** Writes that failed, newest per key, waiting for a retry (not state: nothing renders it). */
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const pending = new Map<string, () => Promise<void>>();
let retryTimer: ReturnType<typeof setTimeout> | undefined;

/** Runs a write; on failure remembers it for retry and says so. Resolves either way. */
export async function keep(key: string, write: () => Promise<void>): Promise<void> {
  pending.delete(key);
  try {
    await write();
    if (pending.size === 0) storageStatus.problem = undefined;
  } catch (error) {
    pending.set(key, write);
    storageStatus.problem = describe(error);
    scheduleRetry();
  }
}

function scheduleRetry(): void {
  if (retryTimer !== undefined) return;
  retryTimer = setTimeout(() => {
    retryTimer = undefined;
    const writes = [...pending.entries()];
    for (const [key, write] of writes) void keep(key, write);
  }, RETRY_MS);
}

function describe(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return "This browser's storage for fitbook is full";
  const message = error instanceof Error ? error.message : String(error);
  return `This browser would not store fitbook's data (${message})`;
}

/** For tests: forget pending writes and problems. */
export function resetStorageStatus(): void {
  pending.clear();
  if (retryTimer !== undefined) clearTimeout(retryTimer);
  retryTimer = undefined;
  storageStatus.problem = undefined;
}
