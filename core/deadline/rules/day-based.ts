import { addOnDuty, MAX_SCAN_DAYS, type TraceSegment } from '../../calendar/business-time.ts';
import type { EveryDayCalendar } from '../../calendar/every-day.ts';
import { CalendarExhausted } from '../../calendar/errors.ts';
import { WorkingDayKind, type WorkingDayCalendar } from '../../calendar/working-days.ts';
import { civilFromDay, formatDateWithWeekday } from '../../time/civil.ts';
import { explainTrace, type Explainer } from '../explain.ts';
import type { Interval } from '../../calendar/interval.ts';
import type { Pauses } from '../types.ts';
import type { RuleOutcome } from './outcome.ts';

/**
 * By the end of the N-th working day after the calendar day opened (with `at`, minutes after
 * midnight: by that time of it). Counting starts at the next midnight (the opened day never
 * counts); pauses push the due out by the working-day time they cover.
 */
export function workingDaysEnd(
  days: number,
  calendar: WorkingDayCalendar,
  opened: number,
  pauses: Pauses,
  explainer: Explainer,
  at?: number,
): RuleOutcome {
  const zone = calendar.zone;
  const openedDay = zone.dayOf(opened);
  const clockStart = zone.instant(openedDay + 1, 0);
  explainer.add(() => `opened ${zone.formatShort(opened)} (${calendar.describeDay(openedDay)}); the day opened does not count`);

  let day = openedDay;
  let counted = 0;
  let budget = 0;
  while (counted < days) {
    day++;
    if (day - openedDay > MAX_SCAN_DAYS) throw new CalendarExhausted(calendar.id, zone.formatIso(opened), MAX_SCAN_DAYS);
    const [whole] = calendar.intervalsOn(day);
    if (whole) {
      counted++;
      budget += whole.end - whole.start;
    }
  }
  const lastWorkingDay = day;
  if (explainer.enabled) explainWorkingDays(explainer, calendar, openedDay + 1, lastWorkingDay);

  const trace: TraceSegment[] | undefined = explainer.enabled && pauses.length ? [] : undefined;
  const lastEnd = (calendar.intervalsOn(lastWorkingDay)[0] as Interval).end;
  // By `at` of the last working day: that day's time after `at` is not part of the budget.
  const cut = at === undefined ? 0 : Math.max(0, lastEnd - zone.instant(lastWorkingDay, at));
  const due = pauses.length ? addOnDuty(calendar, clockStart, budget - cut, pauses, trace) : lastEnd - cut;
  if (trace) {
    explainer.add(() => 'pauses do not count working-day time:');
    explainTrace(explainer, trace.filter((s) => s.kind === 'paused'), calendar);
  }
  const dueDay = zone.dayOf(due - 1);
  const provisional = daysWithoutData(calendar, openedDay + 1, dueDay);
  explainer.add(() => `due ${at === undefined ? 'at the end of' : 'on'} ${formatDateWithWeekday(dueDay)} (${zone.formatShort(due)})${provisional ? ' — provisional 暂定' : ''}`);
  return {
    clockStart,
    due,
    budget: null,
    warnBasis: { calendar, amount: budget },
    dayBased: true,
    provisional,
  };
}

/** Whether any day in [first, last] lies in a year without holiday data. */
function daysWithoutData(calendar: WorkingDayCalendar, first: number, last: number): boolean {
  for (let day = first; day <= last; day++) if (!calendar.hasHolidayDataFor(day)) return true;
  return false;
}

/** Runs of days with the same standing, working days numbered: the heart of a working-day explanation. */
function explainWorkingDays(explainer: Explainer, calendar: WorkingDayCalendar, firstDay: number, lastDay: number): void {
  let number = 0;
  let runStart = firstDay;
  let runFirstNumber = 0;
  const missingYears = new Set<number>();
  for (let day = firstDay; day <= lastDay; day++) {
    if (!calendar.hasHolidayDataFor(day)) missingYears.add(civilFromDay(day).year);
    const working = calendar.isWorkingDay(day);
    if (working) number++;
    if (working && runFirstNumber === 0) runFirstNumber = number;
    const next = day + 1;
    const runEnds = next > lastDay || calendar.describeDay(next) !== calendar.describeDay(day);
    if (!runEnds) continue;
    const dates = runStart === day ? formatDateWithWeekday(day) : `${formatDateWithWeekday(runStart)} – ${formatDateWithWeekday(day)}`;
    const numbers = working ? (runFirstNumber === number ? `working day ${number}` : `working days ${runFirstNumber}–${number}`) : 'not counted';
    const kind = calendar.info(day).kind;
    explainer.add(() => `${dates}: ${kind === WorkingDayKind.Workday ? numbers : `${calendar.describeDay(day)}, ${numbers}`}`);
    runStart = next;
    runFirstNumber = 0;
  }
  for (const year of missingYears) {
    explainer.add(
      () =>
        `no published holiday schedule for ${year}: its statutory holidays (全国年节及纪念日放假办法) are counted, its 调休 swaps are not yet known — the deadline is provisional (add ${year}'s schedule to the policy once published)`,
    );
  }
}

/** By the end of the calendar day opened; pauses push the due out by their length. */
export function sameDayEnd(calendar: EveryDayCalendar, opened: number, pauses: Pauses, explainer: Explainer): RuleOutcome {
  const zone = calendar.zone;
  const endOfDay = zone.instant(zone.dayOf(opened) + 1, 0);
  const budget = endOfDay - opened;
  explainer.add(() => `opened ${zone.formatShort(opened)}; due by the end of that day`);
  const trace: TraceSegment[] | undefined = explainer.enabled && pauses.length ? [] : undefined;
  const due = addOnDuty(calendar, opened, budget, pauses, trace);
  if (trace) explainTrace(explainer, trace.filter((s) => s.kind === 'paused'), calendar);
  explainer.add(() => `due ${zone.formatShort(due)}`);
  return {
    clockStart: opened,
    due,
    budget: null,
    warnBasis: { calendar, amount: budget },
    dayBased: true,
  };
}
