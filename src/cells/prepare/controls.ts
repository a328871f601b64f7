// A slider for a numeric option whether the notebook wrote it as a control
// (`{value, min, max}`) or as a bare number: a bare number gets a sensible
// range around it. Used by the prepare and split views.
import { isControl, type NumberControl, type Tunable } from '../../lib/notebook/controls';

export function sliderControl(option: Tunable | undefined, fallback: NumberControl): NumberControl {
  if (isControl(option)) return option;
  if (typeof option !== 'number') return fallback;
  return { ...fallback, value: option, min: Math.min(fallback.min, option), max: Math.max(fallback.max, option) };
}

/** An object option with some keys changed; keys set to undefined are removed (the file then leaves them out). */
export function patched(current: object | undefined, change: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...(current ?? {}), ...change };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next;
}
