import { z } from 'zod';
import { TimerKind, type TimerPayload } from '../../core/ports/timers.ts';

/** The TimerPayload contract (core/ports/timers.ts) as the function validates it. */
export const timerPayload = z.strictObject({
  kind: z.enum(Object.values(TimerKind)),
  caseId: z.string().min(1),
  step: z.string().min(1),
  attempt: z.number().int().min(1),
  at: z.iso.datetime({ offset: true }),
}) satisfies z.ZodType<TimerPayload>;
