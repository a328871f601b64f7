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
