// A page with one Plot for browser tests (tests/e2e/plot.spec.ts). It exposes
// window.plotHarness to set the figure, count plotly's draws and destroy the plot.
import { flushSync, mount, unmount } from 'svelte';
import Plot from './lib/plot/Plot.svelte';
import { loadPlotly, type PlotlyLike } from './lib/plot/plotly-bundle';
import { scatterFigure } from './lib/plot/scatter';
import { fitFigure } from './lib/plot/fit';
import { polynomial } from './lib/plot/curve';
import type { Figure } from './lib/plot/types';

/** A straight-line scatter whose last y value is `last`, so a test can tell figures apart. */
function figureEnding(last: number): Figure {
  const x = [0, 1, 2, 3, 4, 5];
  const y = [...x.slice(0, -1), last];
  return scatterFigure({ x, y, xName: 'x', yName: 'y' });
}

/** Points around y = x; the fitted line changes between updates (as a slider refit does). */
function fitEnding(slope: number, intercept: number): Figure {
  const x = Array.from({ length: 60 }, (_, i) => i / 6);
  const y = x.map((v, i) => v + ((i * 7) % 5) - 2);
  return fitFigure({ x, y, predict: polynomial({ coefficients: [slope], intercept }), xName: 'x', yName: 'y' });
}

const draws = { react: 0, purge: 0, animate: 0 };
/** Each react or animate call: the plot's container id and the animation frame (its timestamp) it ran in. */
const frames: { plot: string; frame: number }[] = [];
const noteFrame = (el: HTMLElement) => frames.push({ plot: el.closest('[id]')?.id ?? '', frame: Number(document.timeline.currentTime) });
/** The path of each finished draw of the main plot ('react' or 'lines'), from Plot's fitbook:drawn event. */
const paths: string[] = [];
/** Why each full draw was needed (figure-diff's reason), for failing tests to show. */
const reasons: (string | undefined)[] = [];
let real: PlotlyLike | undefined;

async function countingPlotly(): Promise<PlotlyLike> {
  real = await loadPlotly();
  const plotly = real;
  return {
    react: (...args) => {
      draws.react += 1;
      noteFrame(args[0]);
      return plotly.react(...args);
    },
    purge: (el) => {
      draws.purge += 1;
      plotly.purge(el);
    },
    animate: (...args) => {
      draws.animate += 1;
      noteFrame(args[0]);
      return plotly.animate!(...args);
    },
    relayout: (...args) => plotly.relayout!(...args),
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

document.getElementById('plot')!.addEventListener('fitbook:drawn', (e) => {
  const { path, reason } = (e as CustomEvent<{ path: string; reason?: string }>).detail;
  paths.push(path);
  reasons.push(reason);
});

const second = $state({ figure: figureEnding(5) });

(window as unknown as { plotHarness: unknown }).plotHarness = {
  draws,
  frames,
  /** Mounts a second plot, in #second, whose figure updateBoth changes with the main one's. */
  mountSecond() {
    const target = document.createElement('div');
    target.id = 'second';
    document.body.append(target);
    mount(Plot, {
      target,
      props: {
        get figure() {
          return second.figure;
        },
        label: 'Second scatter',
        load: countingPlotly,
      },
    });
  },
  /** New figures for both plots at once, as a slider move that changes two plots: ending at `last` and `last + 1`. */
  updateBoth(last: number) {
    props.figure = figureEnding(last);
    second.figure = figureEnding(last + 1);
    flushSync();
  },
  paths,
  reasons,
  /** Shows the fit figure with this line on the main plot. */
  showFit(slope: number, intercept: number) {
    props.figure = fitEnding(slope, intercept);
    flushSync();
  },
  /** Mounts `count` more plots, each a scatter of `points` points, in divs of class "many". */
  mountMany(count: number, points: number) {
    for (let k = 0; k < count; k += 1) {
      const target = document.createElement('div');
      target.className = 'many';
      document.body.append(target);
      const x = Float64Array.from({ length: points }, (_, i) => Math.sin(i * 0.7 + k) * i);
      const y = Float64Array.from({ length: points }, (_, i) => Math.cos(i * 0.3) * i);
      mount(Plot, { target, props: { figure: scatterFigure({ x, y, xName: 'x', yName: 'y' }), label: `Scatter ${k + 1}` } });
    }
  },
  /** Draws the same fit figure afresh (one full draw) in a second plot, #reference, to compare with. */
  drawReference(slope: number, intercept: number) {
    const target = document.createElement('div');
    target.id = 'reference';
    document.body.append(target);
    mount(Plot, { target, props: { figure: fitEnding(slope, intercept), label: 'Reference plot' } });
  },
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
