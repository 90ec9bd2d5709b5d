import type { DutyCalendar } from '../../calendar/duty-calendar.ts';

/** What a rule computes before the common warn/explain handling in due.ts. */
export interface RuleOutcome {
  clockStart: number;
  due: number | null;
  /** Business-time budget in ms reported to callers; null for day rules. */
  budget: number | null;
  /** The calendar and on-duty amount a warning fraction is taken of, counted from the clock start; null when none applies. */
  warnBasis: { calendar: DutyCalendar; amount: number } | null;
  /** Day rules have no warning unless the step configures one. */
  dayBased: boolean;
  /** Counted on days of a year whose holiday schedule is not published: statutory holidays only. */
  provisional?: boolean;
}
