import type { LayoutSpec, TraceSpec } from './types';

/** The config every fitbook plot is drawn with. */
export const PLOT_CONFIG = { responsive: true, displaylogo: false } as const;

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


