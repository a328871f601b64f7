/// <reference types="svelte" />
/// <reference types="vite/client" />

/** The shipped notebooks' formulas, rendered by KaTeX at build time (src/build/prerender-math.ts). */
declare module 'virtual:fitbook/prerendered-math' {
  const table: ReadonlyMap<string, string>;
  export default table;
}

/** The shipped notebooks' prose blocks, source text → HTML, rendered at build time (src/build/prerender-prose.ts). */
declare module 'virtual:fitbook/prerendered-prose' {
  const table: ReadonlyMap<string, string>;
  export default table;
}

/** The shipped notebooks with their list metadata, in the sidebar's order (src/build/notebook-list.ts). */
declare module 'virtual:fitbook/notebook-list' {
  const list: readonly import('./build/notebook-list').ShippedNotebook[];
  export default list;
}
