// The benchmark's reference page (scripts/bench-live.mjs): loads the same plotly
// bundle as the app, with nothing else, and draws one plot: 800 points and a curve
// (the first-plot reference), or with `?fit` the figure the app's slider redraws
// (fitFigure: 800 points, their residual segments, the fitted curve).
// `window.benchPlot` lets the benchmark time plotly's own updates of that figure
// against the app's slider → redraw:
//  - `redraw`: the minimal update, Plotly.animate of the two changed line traces
//    (residuals and curve) without a full redraw, plus the title (the new SSE);
//  - `react`: Plotly.react of the whole new figure (what the app did before).
import { loadPlotly, PLOT_CONFIG } from './lib/plot/plotly-bundle';
import { fitFigure } from './lib/plot/fit';
import type { Figure } from './lib/plot/types';

const POINTS = 800;
const truth = (v: number) => 5 + 3 * v - 0.4 * (v - 6) ** 3;
const x = Array.from({ length: POINTS }, (_, i) => 4 + (5 * i) / POINTS);
const y = x.map((v, i) => truth(v) + Math.sin(i * 12.9898) * 2);

/** The figure after a refit: a curve that differs a little for each move, as a refit's does. */
const figureFor = (move: number): Figure =>
  fitFigure({ x, y, predict: (v) => truth(v) * (1 + 0.002 * (move % 7)), xName: 'RM', yName: 'MEDV', curveName: 'least-squares fit' });

async function main() {
  const Plotly = await loadPlotly();
  const el = document.getElementById('plot')!;
  const first = figureFor(0);
  if (!location.search.includes('fit')) {
    // Navigation → first plot: the points and the curve, plotly's defaults otherwise.
    await Plotly.react(el, first.data.filter((t) => t.name !== 'residuals'), { title: { text: 'reference' } }, PLOT_CONFIG);
    return;
  }
  await Plotly.react(el, first.data, first.layout, PLOT_CONFIG);
  const changed = [first.data.findIndex((t) => t.name === 'residuals'), first.data.findIndex((t) => t.mode === 'lines' && t.name !== 'residuals')];
  let revision = 0;
  Object.assign(window, {
    benchPlot: {
      /** Builds the next figure (not timed) and returns a function that draws it the minimal way. */
      prepare: (move: number) => {
        const next = figureFor(move);
        return {
          redraw: async () => {
            await Plotly.relayout!(el, { 'title.text': next.layout.title!.text });
            await Plotly.animate!(
              el,
              { data: changed.map((i) => ({ y: next.data[i].y })), traces: changed },
              { mode: 'immediate', transition: { duration: 0 }, frame: { duration: 0, redraw: false } },
            );
          },
          react: () => Plotly.react(el, next.data, { ...next.layout, datarevision: ++revision }, PLOT_CONFIG),
        };
      },
    },
  });
}

void main();
