// A figure's layout in the page's colours. Builders make figures in fixed
// colours (light); at draw time Plot.svelte passes the page's text, grid and
// surface colours (read from the theme's CSS variables) and this pure
// function repaints the chrome — background, fonts, axes, legend, notes —
// leaving the data colours as they are.
import type { AxisSpec, LayoutSpec } from './types';

export interface PageColours {
  text: string;
  grid: string;
  surface: string;
}

export function themedLayout(layout: LayoutSpec, colours: PageColours): LayoutSpec {
  const out: LayoutSpec = {
    ...layout,
    paper_bgcolor: colours.surface,
    plot_bgcolor: colours.surface,
    font: { ...((layout.font as object | undefined) ?? {}), color: colours.text },
  };
  for (const [key, value] of Object.entries(layout)) {
    if (/^[xy]axis\d*$/.test(key) && value && typeof value === 'object') {
      (out as Record<string, unknown>)[key] = { ...(value as AxisSpec), gridcolor: colours.grid, linecolor: colours.grid, zerolinecolor: colours.grid };
    }
  }
  if (layout.annotations) {
    out.annotations = layout.annotations.map((a) => (a.bgcolor ? { ...a, bgcolor: colours.surface } : a));
  }
  return out;
}

/** The event the shell sends when the page's theme changes; plots redraw on it. */
export const THEME_CHANGED = 'fitbook:theme';
