import type { Zone } from '../time/zone.ts';
import type { Interval } from './interval.ts';

/**
 * A calendar of on-duty time. Business-time arithmetic (core/calendar/business-time.ts) works on
 * any calendar: a role's shifts, the statutory working days, or every day.
 */
export interface DutyCalendar {
  readonly id: string;
  readonly zone: Zone;
  /** On-duty intervals of the shifts that start on local day `day`, sorted by start. */
  intervalsOn(day: number): readonly Interval[];
  /** A short description of a day's hours for explanations, e.g. `08:00–20:00` or `off (春节)`. */
  describeDay(day: number): string;
}
