import { nextFireAfter, type Recurrence } from '../expression/next-fire.ts';
import { parseScheduleExpression } from '../expression/parse.ts';
import type { ScheduleRecord } from '../store/records.ts';

/** The recurrence a stored schedule describes (its expression was validated when it was written). */
export function recurrenceOf(record: ScheduleRecord): Recurrence {
  return {
    expression: parseScheduleExpression(record.ScheduleExpression),
    timeZone: record.ScheduleExpressionTimezone ?? 'UTC',
    ...(record.StartDate !== undefined ? { startDate: record.StartDate } : {}),
    ...(record.EndDate !== undefined ? { endDate: record.EndDate } : {}),
    anchor: record.LastModificationDate,
  };
}

/** The first firing of a schedule just created, updated or enabled at `now`; null when disabled or none. */
export function firstFire(record: ScheduleRecord, now: number): number | null {
  if (record.State !== 'ENABLED') return null;
  return nextFireAfter(recurrenceOf(record), now, false) ?? null;
}
