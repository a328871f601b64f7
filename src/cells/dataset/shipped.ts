// The CSV files in datasets/, bundled as static assets at build time.
const urls = import.meta.glob('/datasets/*.csv', { query: '?url', import: 'default', eager: true }) as Record<
  string,
  string
>;

/** Shipped datasets by the path a notebook names them with: datasets/iris.csv → URL. */
export const shippedDatasets: Record<string, string> = Object.fromEntries(
  Object.entries(urls).map(([file, url]) => [file.replace(/^\//, ''), url]),
);

export function shippedUrl(source: string): string {
  const url = shippedDatasets[source.replace(/^\.?\//, '')];
  if (!url) {
    const known = Object.keys(shippedDatasets).sort().join(', ');
    throw new Error(`There is no shipped dataset '${source}'. The shipped ones are: ${known}.`);
  }
  return url;
}

// Shipped files are small (under 250 KB each) and never change while the page is
// open, so each is downloaded once and kept: the shell starts the download when a
// notebook opens (warmShippedIn), before its saved edits and uploads are read, and
// the dataset cell picks up the same promise when it runs.
const downloads = new Map<string, Promise<Blob>>();

/** A shipped dataset's bytes, downloaded once per page (a failed download is tried again next time). */
export function downloadShipped(source: string): Promise<Blob> {
  const url = shippedUrl(source);
  let download = downloads.get(url);
  if (!download) {
    download = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`Could not load ${source} (HTTP ${response.status}).`);
      return response.blob();
    });
    downloads.set(url, download);
    download.catch(() => downloads.delete(url));
  }
  return download;
}

/** Like downloadShipped, but an aborted signal stops the wait (the download itself carries on for the next reader). */
export function fetchShipped(source: string, signal?: AbortSignal): Promise<Blob> {
  const download = downloadShipped(source);
  if (!signal) return download;
  signal.throwIfAborted();
  return new Promise<Blob>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    download.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const SHIPPED_SOURCE = /^source:\s*['"]?((?:\.\/)?datasets\/[\w.-]+\.csv)['"]?\s*$/gm;

/**
 * Starts downloading the shipped files a notebook's text names (`source: datasets/….csv`
 * lines), so they are on their way while the shell reads the notebook's saved state. A
 * line that is not really a dataset cell's costs one small download, nothing more.
 */
export function warmShippedIn(notebookText: string): void {
  for (const [, source] of notebookText.matchAll(SHIPPED_SOURCE)) {
    if (shippedDatasets[source.replace(/^\.?\//, '')]) downloadShipped(source).catch(() => undefined);
  }
}
