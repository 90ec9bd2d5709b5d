/**
 * The policy as the console's operator page reads it (`GET /policy`): each role's week of shifts,
 * a year of working days with holidays, 调休 days and pickup days marked, the pickup batches and
 * every step's deadline rule in words (zh and en). Read from the compiled policy the handlers run on.
 */
import type { Shift, ShiftCalendar } from '../../core/calendar/shift-calendar.ts';
import { describeRule } from '../../core/deadline/explain.ts';
import { describeRuleZh, roleNameZh } from '../../core/deadline/explain-zh.ts';
import type { CompiledPolicy } from '../../core/deadline/types.ts';
import { stepLabel } from '../../core/lifecycles/step-labels.ts';
import { AUTOMATIC } from '../../core/cases/step.ts';
import { dayFromCivil, formatDate, formatTimeOfDay, WEEKDAYS, weekdayOf } from '../../core/time/civil.ts';
import type { z } from 'zod';
import type { policyView } from './schemas.ts';

type PolicyView = z.infer<typeof policyView>;

const shiftView = (s: Shift) => ({ from: formatTimeOfDay(s.from), to: formatTimeOfDay(s.to), overnight: s.to <= s.from });

export function toPolicyView(policy: CompiledPolicy, year: number): PolicyView {
  const first = dayFromCivil(year, 1, 1);
  const last = dayFromCivil(year, 12, 31);
  const days: PolicyView['workingDays']['days'] = [];
  for (let day = first; day <= last; day++) {
    const info = policy.workingDays.info(day);
    days.push({ date: formatDate(day), weekday: WEEKDAYS[weekdayOf(day)] ?? 'sun', kind: info.kind, working: info.working, name: info.name ?? null, pickup: policy.pickup.isPickupDay(day) });
  }
  return {
    timeZone: policy.zone.name,
    warnFraction: policy.warnFraction,
    roles: [...policy.roles.values()].map((role) => ({
      id: role.id,
      label: role.label,
      name: { zh: roleNameZh(role.label, role.id), en: role.id },
      week: WEEKDAYS.map((weekday, i) => ({ weekday, shifts: role.calendar.shiftsOnWeekday(i).map(shiftView) })),
      exceptions: exceptionsIn(role.calendar, first, last),
    })),
    workingDays: { year, holidayData: policy.workingDays.hasHolidayDataFor(first), days },
    pickup: {
      batches: policy.pickup.batches.map((b) => ({ at: formatTimeOfDay(b.at), ordersBefore: formatTimeOfDay(b.cutoff) })),
      leadMinutes: policy.pickup.leadMinutes,
      stepShares: Object.fromEntries(Object.entries(policy.pickup.stepShares).filter((e): e is [string, number] => e[1] !== undefined)),
    },
    serialNumbers: { serializedSkus: [...policy.serialNumbers.serializedSkus] },
    steps: [...policy.steps.values()].map((step) => {
      const roleZh = step.role === AUTOMATIC ? '系统自动' : roleNameZh(policy.roles.get(step.role)?.label, step.role);
      return {
        id: step.id,
        label: stepLabel(step.id),
        role: step.role,
        scope: step.scope,
        rule: step.rule as unknown as Record<string, unknown>,
        ruleText: { zh: describeRuleZh(step.rule, roleZh), en: describeRule(step.rule, step.role) },
        description: step.description,
      };
    }),
    carriers: policy.carriers.map((c) => ({ id: c.id, label: c.label, default: c.default, insured: c.insured, note: c.note ?? null })),
  };
}

function exceptionsIn(calendar: ShiftCalendar, first: number, last: number): PolicyView['roles'][number]['exceptions'] {
  return [...calendar.exceptions.entries()]
    .filter(([day]) => day >= first && day <= last)
    .sort(([a], [b]) => a - b)
    .map(([day, e]) => ({ date: formatDate(day), shifts: e.shifts.map(shiftView), note: e.note ?? null }));
}
