import type { LayoutSpec, TraceSpec } from './types';

/** A modebar button that saves the plot as an SVG file (the built-in camera saves PNG). */
const downloadSvgButton = {
  name: 'downloadSvg',
  title: 'Download plot as SVG',
  // A page with a downward arrow: drawn on plotly's 1000-unit icon grid.
  icon: { width: 1000, height: 1000, path: 'M200 100h400l200 200v600h-600zM450 350v250h-100l150 180 150-180h-100v-250z' },
  click: (gd: HTMLElement) => {
    void loadPlotly().then((plotly) => plotly.downloadImage?.(gd, { format: 'svg', filename: 'fitbook-plot' }));
  },
};

/**
 * The config every fitbook plot is drawn with. Nothing in a plot may reach another
 * origin (the README promises that nothing leaves the machine): plotly's "Share
 * chart" button would post the plotted data, possibly from the reader's own file,
 * to plotly's server, and its logo and "Edit chart" link lead to plotly's site.
 * Each is off explicitly, so a change of plotly's defaults cannot turn one back on.
 */
export const PLOT_CONFIG = {
  responsive: true,
  displaylogo: false,
  showSendToCloud: false,
  showEditInChartStudio: false,
  showLink: false,
  sendData: false,
  showSources: false,
  plotlyServerURL: '',
  modeBarButtonsToRemove: ['sendDataToCloud', 'sendChartToCloud', 'editInChartStudio'],
  modeBarButtonsToAdd: [downloadSvgButton],
  toImageButtonOptions: { format: 'png', filename: 'fitbook-plot' },
};

/** A point in a plotly_selected event: enough to find the row it came from. */
export interface SelectedPoint {
  curveNumber: number;
  pointNumber?: number;
  pointIndex?: number;
  customdata?: unknown;
}

/** The graph div after plotly has drawn into it (plotly adds `.on`). */
export interface PlotlyElement extends HTMLElement {
  on(event: 'plotly_selected', handler: (event: { points: SelectedPoint[] } | undefined) => void): void;
  on(event: 'plotly_deselect', handler: () => void): void;
  removeAllListeners?(event: string): void;
}

/**
 * The part of the plotly API that fitbook uses. Kept small and structural so the
 * component can be tested with a stand-in and does not depend on plotly's huge
 * generated types.
 */
export interface PlotlyLike {
  react(el: HTMLElement, data: TraceSpec[], layout: LayoutSpec, config: typeof PLOT_CONFIG): Promise<unknown>;
  purge(el: HTMLElement): void;
  /** Redraws only the given traces with new data (used with `redraw: false`); optional for test stand-ins. */
  animate?(
    el: HTMLElement,
    frame: { data: Partial<TraceSpec>[]; traces: number[] },
    options: { mode: 'immediate'; transition: { duration: number }; frame: { duration: number; redraw: boolean } },
  ): Promise<unknown>;
  /** Changes layout attributes by path, e.g. `{ 'title.text': … }`. */
  relayout?(el: HTMLElement, update: Record<string, unknown>): Promise<unknown>;
  /** plotly's own; optional so that test stand-ins need not provide it. */
  downloadImage?(el: HTMLElement, options: { format: 'png' | 'svg'; filename: string }): Promise<string>;
}

let pending: Promise<PlotlyLike> | undefined;

/**
 * Loads the partial plotly bundle (core + scatter, scattergl, heatmap, contour,
 * bar, histogram, splom) once, on first use, through a dynamic import so that it
 * lands in its own chunk. Every caller shares the same promise. A failed load is
 * not cached, so a later plot can try again (e.g. after a flaky network).
 */
export function loadPlotly(): Promise<PlotlyLike> {
  pending ??= import('./plotly-partial').then(
    (m) => m.default as unknown as PlotlyLike,
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}


