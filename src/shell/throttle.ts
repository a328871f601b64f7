// Publishing a training loop's intermediate results no faster than the screen redraws.

/**
 * Calls `apply` with the latest value at most once per animation frame, so a
 * training loop that reports every epoch never floods the UI.
 */
export function throttleToFrames<T>(apply: (value: T) => void): ((value: T) => void) & { flush(): void } {
  let pending: { value: T } | undefined;
  let frame: number | undefined;
  const schedule = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (f: () => void) => setTimeout(f, 16);
  const cancelFrame = typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame : clearTimeout;
  const publish = (value: T) => {
    pending = { value };
    frame ??= schedule(() => {
      frame = undefined;
      if (pending) apply(pending.value);
      pending = undefined;
    }) as number;
  };
  /** Applies the value still waiting for a frame, now. */
  publish.flush = () => {
    if (frame !== undefined) cancelFrame(frame);
    frame = undefined;
    if (pending) apply(pending.value);
    pending = undefined;
  };
  return publish;
}
