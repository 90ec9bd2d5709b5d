/**
 * A step's countdown as its people see it: how much of their on-duty time is left before it is
 * due, whether they are on duty now, and when the clock counts again. Computed from the role's
 * shift calendar (service-standards.md §1, §9: only on-duty, unpaused time counts), never from
 * wall-clock differences.
 */
import { isOnDuty, nextOnDuty, onDutyBetween } from '../calendar/business-time.ts';
import type { DutyCalendar } from '../calendar/duty-calendar.ts';
import { MS_PER_MINUTE } from '../time/civil.ts';
import type { CompiledPolicy } from './types.ts';

export interface CountdownInput {
  /** Due instant (epoch ms); null for a step without a deadline. */
  due: number | null;
  /** Set while the step is paused: the pause's start and, when given, its automatic end (epoch ms). */
  pause?: { from: number; until?: number };
}

export interface Countdown {
  /**
   * Whole on-duty minutes from now (or from the pause's start, while paused) to `due`, rounded
   * down; once `due` has passed, minus the on-duty minutes since, rounded up (so ≤ -1 as soon as
   * any on-duty time has passed it). 0 when breached at a shift's end with nothing counted since.
   * Null without a deadline.
   */
  remainingOnDutyMinutes: number | null;
  /** The role is on shift at `now` (half-open: a shift's end is off duty). */
  onDutyNow: boolean;
  /**
   * When the clock counts again (epoch ms): off duty → the next shift start; paused with `until`
   * → the first on-duty instant from then; paused without `until`, counting now, or no deadline → null.
   */
  countingResumesAt: number | null;
}

/** The calendar a step's countdown runs on: its role's shifts; `automatic` and unknown roles count every hour. */
export function countdownCalendar(policy: CompiledPolicy, role: string): DutyCalendar {
  return policy.roles.get(role)?.calendar ?? policy.everyDay;
}

export function countdown(calendar: DutyCalendar, now: number, step: CountdownInput): Countdown {
  const onDutyNow = isOnDuty(calendar, now);
  if (step.due === null) return { remainingOnDutyMinutes: null, onDutyNow, countingResumesAt: null };
  // A paused clock is frozen where the pause began.
  const from = step.pause ? Math.min(step.pause.from, now) : now;
  const remainingOnDutyMinutes =
    from < step.due
      ? Math.floor(onDutyBetween(calendar, from, step.due) / MS_PER_MINUTE)
      : -Math.ceil(onDutyBetween(calendar, step.due, from) / MS_PER_MINUTE) || 0;
  let countingResumesAt: number | null = null;
  if (step.pause) {
    if (step.pause.until !== undefined) countingResumesAt = nextOnDuty(calendar, Math.max(step.pause.until, now));
  } else if (!onDutyNow) {
    countingResumesAt = nextOnDuty(calendar, now);
  }
  return { remainingOnDutyMinutes, onDutyNow, countingResumesAt };
}
