import { nextCronTick } from './cron.ts';
import type { ScheduleExpression } from './parse.ts';
import { wallTimeToEpoch } from './zoned-time.ts';

export interface Recurrence {
  expression: ScheduleExpression;
  timeZone: string;
  startDate?: number;
  endDate?: number;
  /** When the schedule was created or last updated: the anchor of `rate()` without a StartDate. */
  anchor: number;
}

/** The instant an `at()` schedule fires (in its time zone). */
export function atInstant(expression: Extract<ScheduleExpression, { kind: 'at' }>, timeZone: string): number {
  return wallTimeToEpoch(expression.wall, timeZone);
}

/**
 * The first firing strictly after `after`, or undefined when there is none (EndDate passed, or a
 * one-time schedule that has fired). `at()` fires once — even if its instant has passed when it is
 * created — and ignores StartDate/EndDate. `rate()` fires at StartDate + k·period (k ≥ 0), or,
 * without a StartDate, one period after creation and every period from then on. `cron()` fires at
 * its ticks in the time zone, within StartDate–EndDate, skipping local times a DST change removes
 * and firing a repeated local time once (see nextCronTick).
 */
export function nextFireAfter(r: Recurrence, after: number, fired: boolean): number | undefined {
  const e = r.expression;
  if (e.kind === 'at') return fired ? undefined : atInstant(e, r.timeZone);
  const from = Math.max(after, r.startDate !== undefined ? r.startDate - 1 : after);
  let next: number | undefined;
  if (e.kind === 'rate') {
    const base = r.startDate ?? r.anchor + e.periodMs;
    next = from < base ? base : base + (Math.floor((from - base) / e.periodMs) + 1) * e.periodMs;
  } else {
    next = nextCronTick(e.fields, r.timeZone, from);
  }
  if (next === undefined || (r.endDate !== undefined && next > r.endDate)) return undefined;
  return next;
}
