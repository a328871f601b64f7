// The longest gap between animation frames on a page: a requestAnimationFrame
// loop installed before the page's own scripts (page.addInitScript). A gap is
// the time the main thread could not draw; 16.7 ms is one frame at 60 Hz.
// Measuring starts on a `change` event (a file chosen in an upload), or when
// a script calls window.__gapsStart(); window.__gapsStop() returns the longest gap, and
// window.__gaps.longTask is the longest main-thread task meanwhile (0 when none passed 50 ms).
export const GAP_MONITOR = `
  window.__gaps = { max: 0, last: 0, on: false, longTask: 0 };
  // performance.now(), not the callback's frame timestamp: after a long block Chrome may hand
  // the callback the time of a frame that began during the block, hiding the gap.
  const frame = () => {
    const g = window.__gaps;
    const now = performance.now();
    if (g.on && g.last) g.max = Math.max(g.max, now - g.last);
    g.last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  // Long tasks (over 50 ms) are the main thread's own busy spells; a frame gap without one
  // means frames were late for another reason (a starved compositor on a loaded machine).
  try {
    new PerformanceObserver((list) => {
      const g = window.__gaps;
      if (g.on) for (const entry of list.getEntries()) g.longTask = Math.max(g.longTask, entry.duration);
    }).observe({ type: 'longtask' });
  } catch {
    /* no long-task timing in this browser */
  }
  window.__gapsStart = () => {
    Object.assign(window.__gaps, { on: true, max: 0, last: performance.now(), longTask: 0 });
    window.__t0 = performance.now();
  };
  window.__gapsStop = () => {
    window.__gaps.on = false;
    return window.__gaps.max;
  };
  document.addEventListener('change', () => window.__gapsStart(), true);
`;
