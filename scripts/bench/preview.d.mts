// Types for preview.mjs, so that the TypeScript half of the benchmark (browser.ts) can share it.
export function startPreview(options: { port: number; outDir?: string; path?: string; timeoutMs?: number }): Promise<{ base: string; stop: () => void }>;
