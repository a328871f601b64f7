// The benchmark's reference page (scripts/bench-live.mjs): loads the same plotly
// bundle as the app, with nothing else, and draws one scatter with a fitted curve.
// `window.benchPlot` lets the benchmark time a minimal plotly update of the
// curve alone against the app's slider → redraw.
import { loadPlotly, PLOT_CONFIG } from './lib/plot/plotly-bundle';
import type { TraceSpec } from './lib/plot/types';

const POINTS = 800;
const x = Array.from({ length: POINTS }, (_, i) => 4 + (5 * i) / POINTS);
const y = x.map((v, i) => 5 + 3 * v + Math.sin(i * 12.9898) * 2);
const curveX = Array.from({ length: 200 }, (_, i) => 4 + (5 * i) / 199);

/** A polynomial-looking curve that differs for each degree, as a refit would. */
const curve = (degree: number): TraceSpec => ({
  type: 'scatter',
  mode: 'lines',
  x: curveX,
  y: curveX.map((v) => 5 + 3 * v - 0.05 * degree * (v - 6) ** 3),
  name: 'fit',
});

async function main() {
  const Plotly = await loadPlotly();
  const el = document.getElementById('plot')!;
  const points: TraceSpec = { type: 'scatter', mode: 'markers', x, y, name: 'data' };
  await Plotly.react(el, [points, curve(1)], { title: { text: 'reference' } }, PLOT_CONFIG);
  Object.assign(window, {
    benchPlot: {
      /** A new curve (trace 1) with the same points object: plotly.react redraws what changed, the least a refit needs. */
      redraw: (degree: number) => Plotly.react(el, [points, curve(degree)], { title: { text: 'reference' } }, PLOT_CONFIG),
    },
  });
}

void main();
