// A page with one Plot for browser tests (tests/e2e/plot.spec.ts). It exposes
// window.plotHarness to set the figure, count plotly's draws and destroy the plot.
import { flushSync, mount, unmount } from 'svelte';
import Plot from './lib/plot/Plot.svelte';
import { loadPlotly, type PlotlyLike } from './lib/plot/plotly-bundle';
import { scatterFigure } from './lib/plot/scatter';
import type { Figure } from './lib/plot/types';

/** A straight-line scatter whose last y value is `last`, so a test can tell figures apart. */
function figureEnding(last: number): Figure {
  const x = [0, 1, 2, 3, 4, 5];
  const y = [...x.slice(0, -1), last];
  return scatterFigure({ x, y, xName: 'x', yName: 'y' });
}

const draws = { react: 0, purge: 0 };
let real: PlotlyLike | undefined;

async function countingPlotly(): Promise<PlotlyLike> {
  real = await loadPlotly();
  const plotly = real;
  return {
    react: (...args) => {
      draws.react += 1;
      return plotly.react(...args);
    },
    purge: (el) => {
      draws.purge += 1;
      plotly.purge(el);
    },
  };
}

const props = $state({ figure: figureEnding(5), label: 'Test scatter' });
let component: ReturnType<typeof mount> | undefined = mount(Plot, {
  target: document.getElementById('plot')!,
  props: {
    get figure() {
      return props.figure;
    },
    get label() {
      return props.label;
    },
    load: countingPlotly,
  },
});

(window as unknown as { plotHarness: unknown }).plotHarness = {
  draws,
  /** Sets a new figure `times` times in a row (as a fast slider would); the last ends at `last`. */
  update(times: number, last: number) {
    for (let i = 1; i <= times; i += 1) {
      props.figure = figureEnding(i === times ? last : last + i);
      flushSync();
    }
  },
  destroy() {
    if (component) unmount(component);
    component = undefined;
  },
  plotly: () => real,
};
document.getElementById('status')!.textContent = 'ready';
