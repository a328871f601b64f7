// A slider for a tunable option: the option as a control (a bare value gets
// the default range) and the callback that stores a moved value back.
import { asControl, withValue, type NumberControl, type Tunable } from '../../lib/notebook/controls';

export function slide(
  setOption: (key: string, value: unknown) => void,
  key: string,
  current: Tunable | undefined,
  range: { value: number; min: number; max: number; scale?: 'log' },
): { control: NumberControl; change: (value: number) => void } {
  return {
    control: asControl(current, range),
    change: (v: number) => setOption(key, withValue(asControl(current, range), v)),
  };
}
