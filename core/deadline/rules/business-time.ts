import { addOnDuty, nextOnDuty, onDutyBetween, MAX_SCAN_DAYS, type TraceSegment } from '../../calendar/business-time.ts';
import { CalendarExhausted } from '../../calendar/errors.ts';
import type { ShiftCalendar } from '../../calendar/shift-calendar.ts';
import { formatDuration, formatTimeOfDay, MS_PER_MINUTE } from '../../time/civil.ts';
import { explainTrace, type Explainer } from '../explain.ts';
import type { DeadlineRule, Pauses } from '../types.ts';
import type { RuleOutcome } from './outcome.ts';

type BusinessRule = Extract<
  DeadlineRule,
  { kind: 'business-minutes' | 'business-minutes-or-next-on-duty-day-by' | 'on-duty-day-by' }
>;

/**
 * Rules measured in the role's on-duty time. Each reduces to a budget of on-duty time counted
 * from the clock start; pauses then push the due out by their on-duty overlap.
 */
export function businessTimeRule(
  rule: BusinessRule,
  calendar: ShiftCalendar,
  opened: number,
  pauses: Pauses,
  explainer: Explainer,
): RuleOutcome {
  const zone = calendar.zone;
  const clockStart = nextOnDuty(calendar, opened);
  const onDutyAtOpening = clockStart === opened;
  const openedDay = zone.dayOf(opened);
  explainer.add(
    () => `opened ${zone.formatShort(opened)}, ${onDutyAtOpening ? 'on duty' : 'off duty'} (${calendar.id} that day: ${calendar.describeDay(openedDay)})`,
  );
  if (!onDutyAtOpening) explainer.add(() => `clock starts ${zone.formatShort(clockStart)} when ${calendar.id} comes on duty`);

  const budget = budgetOf(rule, calendar, opened, clockStart, onDutyAtOpening, explainer);
  const trace: TraceSegment[] | undefined = explainer.enabled ? [] : undefined;
  const due = addOnDuty(calendar, clockStart, budget, pauses, trace);
  if (trace) explainTrace(explainer, trace, calendar);
  return {
    clockStart,
    due,
    budget,
    warnBasis: { calendar, amount: budget },
    dayBased: false,
  };
}

function budgetOf(
  rule: BusinessRule,
  calendar: ShiftCalendar,
  opened: number,
  clockStart: number,
  onDutyAtOpening: boolean,
  explainer: Explainer,
): number {
  const zone = calendar.zone;
  switch (rule.kind) {
    case 'business-minutes':
      return rule.minutes * MS_PER_MINUTE;
    case 'business-minutes-or-next-on-duty-day-by': {
      if (onDutyAtOpening) return rule.minutes * MS_PER_MINUTE;
      const target = zone.instant(zone.dayOf(clockStart), rule.offDutyBy);
      if (target <= clockStart) {
        explainer.add(
          () => `${formatTimeOfDay(rule.offDutyBy)} is not after the clock start that day, so the ${formatDuration(rule.minutes * MS_PER_MINUTE)} on-duty budget applies`,
        );
        return rule.minutes * MS_PER_MINUTE;
      }
      const budget = onDutyBetween(calendar, clockStart, target);
      explainer.add(() => `opened off duty: due by ${zone.formatShort(target)} = ${formatDuration(budget)} of on-duty time`);
      return budget;
    }
    case 'on-duty-day-by': {
      let day = zone.dayOf(opened);
      const lastDay = day + MAX_SCAN_DAYS;
      for (; day <= lastDay; day++) {
        if (calendar.intervalsOn(day).length === 0) continue;
        const target = zone.instant(day, rule.at);
        if (target <= opened) continue;
        const budget = onDutyBetween(calendar, clockStart, target);
        if (budget === 0) continue;
        explainer.add(() => `arrived ${day === zone.dayOf(opened) ? 'before' : 'after'} ${formatTimeOfDay(rule.at)} of its on-duty day: due by ${zone.formatShort(target)} = ${formatDuration(budget)} of on-duty time`);
        return budget;
      }
      throw new CalendarExhausted(calendar.id, zone.formatIso(opened), MAX_SCAN_DAYS);
    }
  }
}
