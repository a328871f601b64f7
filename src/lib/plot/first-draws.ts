// The plots of a page draw their first figure one per animation frame, in the order they
// asked. Opening a notebook mounts all its plots at once; drawing them in one frame kept the
// first plot off the screen until the last had drawn: on the first lesson, the scatterplot
// matrix's WebGL context and shaders took 0.7–2 s after the first scatter was drawn, in the
// same task (docs/performance.md, "KaTeX off the main chunk, plots one per frame"). Taking
// turns lets the browser paint each plot as it is done. Later draws (a slider's updates) do
// not queue: they are throttled per plot in Plot.svelte.

/** Calls back at the next animation frame (requestAnimationFrame in the page). */
export type NextFrame = (callback: () => void) => void;

export interface Turns {
  /**
   * Starts `draw` at a later animation frame than the previous turn's. Not waiting for its
   * promise: plotly's draw runs to its end within the frame unless it waits for something
   * (fonts, images), and a draw that never settles must not hold the others back.
   */
  take(draw: () => Promise<void>): void;
}

export function createTurns(nextFrame: NextFrame): Turns {
  const waiting: (() => Promise<void>)[] = [];
  let running = false;

  async function run() {
    running = true;
    while (waiting.length) {
      await new Promise<void>((resolve) => nextFrame(resolve));
      const draw = waiting.shift()!;
      draw().catch(() => {
        // A draw reports its own failure on its plot; the others still get their turn.
      });
    }
    running = false;
  }

  return {
    take(draw) {
      waiting.push(draw);
      if (!running) void run();
    },
  };
}

/** The page's turns for first draws. */
export const firstDraws: Turns = createTurns((callback) => requestAnimationFrame(() => callback()));
