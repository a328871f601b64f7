// plotly's CommonJS dependencies read Node's `global` (has-hover: global.matchMedia,
// regl: global.pixelRatio). Browsers only have globalThis, and Vite does not define
// `global`, so the bundle would throw "global is not defined" on load. This module is
// imported before plotly (ES modules evaluate their imports in order).
// A `define: { global: 'globalThis' }` in vite.config.ts would do the same at build time.
const scope = globalThis as typeof globalThis & { global?: typeof globalThis };
scope.global ??= globalThis;

export {};
