// The partial plotly bundle: core plus the trace types fitbook draws. This module is
// only ever reached through the dynamic import in plotly-bundle.ts, so Vite puts it
// (and all of plotly) in its own chunk that the first paint never waits for.
//
// plotly.js/lib/* are CommonJS modules; Vite's bundler wraps them, and the default
// import is `module.exports`.
import './node-globals';
import Plotly from 'plotly.js/lib/core';
import bar from 'plotly.js/lib/bar';
import contour from 'plotly.js/lib/contour';
import heatmap from 'plotly.js/lib/heatmap';
import histogram from 'plotly.js/lib/histogram';
// The "strict" WebGL traces draw with shaders compiled ahead of time: the default
// ones build their regl commands with `Function`, which the Content-Security-Policy
// refuses (no 'unsafe-eval', src/build/csp.ts). plotly's own index-strict.js does the same.
import scattergl from 'plotly.js/src/traces/scattergl/strict';
import splom from 'plotly.js/src/traces/splom/strict';

// core already registers scatter (it is the one trace plotly always includes).
Plotly.register([scattergl, heatmap, contour, bar, histogram, splom]);

export default Plotly;
