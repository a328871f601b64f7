// plotly.js 3.x (pinned: 4.x requires Node 22) ships no type declarations for
// its lib/ modules. fitbook reaches plotly only through the small PlotlyLike
// interface in plotly-bundle.ts, so these stay minimal on purpose.
declare module 'plotly.js/lib/core' {
  const Plotly: { register(modules: unknown[]): void };
  export default Plotly;
}

declare module 'plotly.js/lib/*' {
  const traceModule: unknown;
  export default traceModule;
}

// The "strict" WebGL traces (precompiled shaders, no `Function`): see plotly-partial.ts.
declare module 'plotly.js/src/traces/*' {
  const traceModule: unknown;
  export default traceModule;
}
