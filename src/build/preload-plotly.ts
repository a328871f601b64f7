// plotly is the largest file and is loaded with a dynamic import (pages without
// a plot never pay for it), so the browser only learns of it once the main
// chunk has been fetched and run, about half a second into a load. A
// <link rel="modulepreload"> in index.html, emitted at build time with the
// chunk's hashed name, starts its download beside the main chunk's; the
// import() then finds it already fetched. Not in dev: Vite serves modules
// unbundled there.
import type { Plugin } from 'vite';

export function preloadPlotly(): Plugin {
  return {
    name: 'fitbook-preload-plotly',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        if (!context.bundle || !context.filename.endsWith('/index.html')) return;
        const plotly = Object.values(context.bundle).find(
          (output) => output.type === 'chunk' && output.isDynamicEntry && /plotly/i.test(output.name),
        );
        if (!plotly) throw new Error('preload-plotly: the build has no plotly chunk to preload; check the chunk name.');
        // Its stylesheet is fetched by the same import() (Vite's preload helper): start it too.
        const styles = [...(plotly.viteMetadata?.importedCss ?? [])];
        return [
          { tag: 'link', attrs: { rel: 'modulepreload', href: `./${plotly.fileName}`, crossorigin: '' }, injectTo: 'head' },
          ...styles.map((file) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', href: `./${file}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}
