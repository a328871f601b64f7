import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Cross-origin isolation lets the tfjs WASM backend use threads (SharedArrayBuffer).
// Both the dev server and the static preview send the same headers; a static host
// that should run fitbook with threads needs them too (see README).
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  plugins: [svelte()],
  server: { headers: crossOriginIsolation },
  preview: { headers: crossOriginIsolation },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
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
    },
  },
});
