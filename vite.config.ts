import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from './src/build/csp';
import { preloadPlotly } from './src/build/preload-plotly';
import { prerenderedMath } from './src/build/prerender-math';
import { prerenderedProse } from './src/build/prerender-prose';
import { shippedNotebookList } from './src/build/notebook-list';

// Cross-origin isolation lets the tfjs WASM backend use threads (SharedArrayBuffer).
// Both the dev server and the static preview send the same headers; a static host
// that should run fitbook with threads needs them too (see README).
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  plugins: [svelte(), contentSecurityPolicy(), preloadPlotly(), prerenderedMath(), prerenderedProse(), shippedNotebookList()],
  server: { headers: crossOriginIsolation },
  // The preview serves the build, so it sends the build's policy as a header too.
  preview: { headers: { ...crossOriginIsolation, 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // Small shipped CSVs would be inlined as data: URLs, which the Content-Security-Policy's
    // connect-src 'self' refuses to fetch: they stay files, like the large ones.
    assetsInlineLimit: (file) => (file.endsWith('.csv') ? false : undefined),
    rollupOptions: {
      input: {
        main: 'index.html',
        // A page with no UI that exposes the engine to browser tests and benchmarks.
        harness: 'harness.html',
        // Draws figures through Plot.svelte for the plot browser tests.
        plot: 'plot-harness.html',
        // Plotly alone, drawing one plot: the reference for scripts/bench-live.mjs.
        benchPlot: 'bench-plot.html',
      },
      output: {
        // zod and the module that turns its JIT off share one chunk, so the switch runs as
        // soon as zod is loaded, before any schema of any chunk parses (zod probes for
        // `new Function` on a first parse, which the Content-Security-Policy refuses).
        codeSplitting: { groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]lib[\\/]zod-jitless\.ts/ }] },
      },
    },
  },
});
