// An option written as `{value, min, max, step?, scale?}` is a control the
// reader can move; a bare value is fixed (still editable in the options
// editor). Cell schemas wrap their numeric options with `tunable(...)` so both
// forms validate, and read them with `valueOf`.
import { z } from 'zod';

export const numberControlSchema = z
  .object({
    value: z.number(),
    min: z.number(),
    max: z.number(),
    step: z.number().positive().optional(),
    scale: z.enum(['linear', 'log']).optional(),
  })
  .strict()
  .refine((c) => c.min < c.max, { message: 'min must be less than max' })
  .refine((c) => c.value >= c.min && c.value <= c.max, { message: 'value must lie between min and max' })
  .refine((c) => c.scale !== 'log' || c.min > 0, { message: 'a log scale needs min > 0' });

export type NumberControl = z.infer<typeof numberControlSchema>;
export type Tunable = number | NumberControl;

/** A numeric option that may be written bare or as a control. */
export function tunable(base: z.ZodNumber) {
  return z.union([base, numberControlSchema]).superRefine((v, ctx) => {
    if (typeof v === 'number') return;
    const checked = base.safeParse(v.value);
    if (!checked.success) ctx.addIssue({ code: 'custom', message: `value: ${checked.error.issues[0].message}` });
  });
}

export function isControl(option: unknown): option is NumberControl {
  return numberControlSchema.safeParse(option).success;
}

export function valueOf(option: Tunable): number {
  return typeof option === 'number' ? option : option.value;
}

/** The same option holding a new value; a control keeps its range. */
export function withValue(option: Tunable, value: number): Tunable {
  return typeof option === 'number' ? value : { ...option, value };
}

/**
 * The option as a control: a bare value gets the given range, so a view can
 * always draw a slider, and moving it saves the range with the value.
 */
export function asControl(option: Tunable | undefined, range: Omit<NumberControl, 'value'> & { value: number }): NumberControl {
  if (option === undefined) return range;
  if (typeof option !== 'number') return option;
  return { ...range, value: option, min: Math.min(range.min, option), max: Math.max(range.max, option) };
}
