// The longest gap between animation frames on a page: a requestAnimationFrame
// loop installed before the page's own scripts (page.addInitScript). A gap is
// the time the main thread could not draw; 16.7 ms is one frame at 60 Hz.
// Measuring starts on a `change` event (a file chosen in an upload), or when
// a script calls window.__gapsStart(); window.__gapsStop() returns the longest gap.
export const GAP_MONITOR = `
  window.__gaps = { max: 0, last: 0, on: false };
  const frame = (t) => {
    const g = window.__gaps;
    if (g.on && g.last) g.max = Math.max(g.max, t - g.last);
    g.last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  window.__gapsStart = () => {
    window.__gaps.on = true;
    window.__gaps.max = 0;
    window.__gaps.last = performance.now();
    window.__t0 = performance.now();
  };
  window.__gapsStop = () => {
    window.__gaps.on = false;
    return window.__gaps.max;
  };
  document.addEventListener('change', () => window.__gapsStart(), true);
`;
