/// <reference types="svelte" />
/// <reference types="vite/client" />

/** The shipped notebooks' formulas, rendered by KaTeX at build time (src/build/prerender-math.ts). */
declare module 'virtual:fitbook/prerendered-math' {
  const table: ReadonlyMap<string, string>;
  export default table;
}
