// The plain-JSON figure shape the builders return and Plot.svelte draws. It is a
// deliberately loose subset of plotly's schema: builders stay free of plotly (they run
// in Node tests and could run in a worker), and snapshots compare plain objects.

export type TraceType = 'scatter' | 'scattergl' | 'heatmap' | 'contour' | 'bar' | 'histogram' | 'splom';

export type Datum = number | string | null;

/** One plotly trace. The named fields are the ones builders and tests read. */
export interface TraceSpec {
  type: TraceType;
  name?: string;
  x?: Datum[];
  y?: Datum[];
  z?: Datum[][];
  text?: string | string[] | string[][];
  customdata?: unknown[];
  mode?: string;
  showlegend?: boolean;
  hovertemplate?: string;
  xaxis?: string;
  yaxis?: string;
  marker?: Record<string, unknown>;
  line?: Record<string, unknown>;
  selectedpoints?: number[] | null;
  [attribute: string]: unknown;
}

export interface AxisSpec {
  title?: { text: string };
  type?: 'linear' | 'log' | 'category';
  range?: [number, number];
  domain?: [number, number];
  anchor?: string;
  [attribute: string]: unknown;
}

export interface ShapeSpec {
  type: 'line' | 'rect';
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  xref?: string;
  yref?: string;
  line?: Record<string, unknown>;
  [attribute: string]: unknown;
}

export interface AnnotationSpec {
  text: string;
  x?: Datum;
  y?: Datum;
  xref?: string;
  yref?: string;
  showarrow?: boolean;
  [attribute: string]: unknown;
}

export interface LayoutSpec {
  title?: { text: string };
  xaxis?: AxisSpec;
  yaxis?: AxisSpec;
  shapes?: ShapeSpec[];
  annotations?: AnnotationSpec[];
  [attribute: string]: unknown;
}

/** What every builder returns: a figure plus a one-sentence description (the default aria-label). */
export interface Figure {
  data: TraceSpec[];
  layout: LayoutSpec;
  /** One sentence saying what the figure shows, for screen readers. */
  description: string;
  /** Set when the figure draws a sample of the points (see sample.ts): Plot says so. */
  shown?: { points: number; of: number };
}

/** An optional table of the numbers behind a figure, rendered visually hidden for screen readers. */
export interface PlotTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}
